/**
 * Distribution check: build every language's package here with jsii-pacmak, install each into a fresh app of that
 * language, synthesize the seed's production baseline, and compare every template with the TypeScript one.
 *
 *   npx projen distribution   (ts-node scripts/distribution/main.ts; CI calls it with CI=true)
 *
 * Steps (each logged to dist/distribution/logs/<step>.log; a failed step names its language and shows its log's end):
 *   compile            npx projen compile (jsii -> lib/, .jsii), only when .jsii is missing or older than src/,
 *                      README.md or package.json (DISTRIBUTION_COMPILE=always forces it)
 *   rosetta            README, docs/*.md and @example snippets compiled by jsii-rosetta --strict (scripts/distribution/rosetta.sh)
 *   package:<lang>     jsii-pacmak --target js|python|java|go (the projen package:<lang> tasks' command, plus --force,
 *                      and for Java a shared local Maven repository instead of a throwaway one) -> dist/<lang>
 *   package:dotnet     jsii-pacmak --code-only --target dotnet -> dist/dotnet; C# files checked, NOT compiled (no .NET SDK)
 *   npm-pack           what the npm tarball holds (scripts/distribution/check-npm-pack.ts)
 *   consumer:<lang>    test/consumers/<lang>: install the package just built, synthesize into
 *                      dist/distribution/consumers/<lang>/cdk.out (consumers.ts)
 *   reference:<ver>    the TypeScript app again with the aws-cdk-lib version another language's registry serves
 *   compare:<lang>     template equal to the TypeScript one with the same aws-cdk-lib (compare-templates.ts)
 *
 * Everything installed comes from the repository's files, pinned: node_modules (npm ci), test/consumers/<lang>/
 * (package.json, requirements.txt + constraints.txt, pom.xml, go.mod + go.sum). Caches, reused between runs:
 *   DISTRIBUTION_WORK   consumer work copies and their node_modules (default: /tmp/numinia-distribution-<hash of repo path>)
 *   DISTRIBUTION_M2     local Maven repository (default: ~/.m2/repository)
 *   test/consumers/python/.venv   the Python consumer's virtualenv (rebuilt when requirements/constraints change)
 *   Go: the usual GOMODCACHE / GOCACHE (GOFLAGS gets -mod=mod)
 * No AWS access: CDK_DEFAULT_ACCOUNT/REGION are unset, synthesis only.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as consumers from './consumers';
import * as packages from './packages';
import { bin, cacheDir, capture, missingTool, readJson, ROOT, secondsSince, setToolEnv, tsNode } from '../lib/env';
import { execLogged, runStage } from '../lib/process';
import { Runner, tail } from '../lib/steps';
import { printSummary, utcNow } from '../lib/summary';

const OUT = path.join(ROOT, 'dist/distribution');
const where: consumers.Where = { out: OUT, work: process.env.DISTRIBUTION_WORK || cacheDir('numinia-distribution') };

async function main(): Promise<number> {
  const runStart = performance.now();
  setToolEnv();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, 'consumers'), { recursive: true });
  fs.mkdirSync(where.work, { recursive: true });
  const runner = new Runner(ROOT, path.join(OUT, 'logs'), false);

  // Preflight: the tools, and the repository's own dev dependencies (npm ci from package-lock.json).
  const java = capture('sh', ['-c', 'java -version 2>&1 | head -1']);
  const mvn = capture('sh', ['-c', 'mvn -v 2>/dev/null | head -1']).replace(/\x1b\[[0-9;]*m/g, '');
  console.log(`distribution: node ${process.version}, npm ${capture('npm', ['--version'])}, ${capture('python3', ['--version'])}, ${java},`);
  console.log(`  ${mvn}, ${capture('go', ['version'])}, work dir ${where.work}`);
  const missing = missingTool(['node', 'npm', 'python3', 'java', 'mvn', 'go', 'tar']);
  if (missing) {
    console.log(`distribution: FAIL: '${missing}' is not installed (needed to build and use the packages)`);
    return 1;
  }
  if (!fs.existsSync(bin('jsii-pacmak'))) {
    console.log('==> node_modules missing: npm ci');
    const log = runner.logFile('npm-ci');
    if (!(await execLogged('npm', ['ci', '--no-audit', '--no-fund'], log, { cwd: ROOT }).then(() => true, () => false))) {
      console.log(`distribution: FAIL: npm ci (see ${log})`);
      return 1;
    }
  }

  const run = runner.run.bind(runner);
  await run('compile', 'jsii compile (lib/, .jsii)', [], packages.compile);
  await run('rosetta', 'README, docs/*.md and @example snippets, jsii-rosetta --strict', ['compile'], packages.rosetta);
  await run('package:js', 'npm tarball (jsii-pacmak --target js)', ['compile'], packages.packageJs);
  await run('package:python', 'Python wheel (jsii-pacmak --target python)', ['compile'], packages.packagePython);
  await run('package:java', 'Java jar into dist/java (jsii-pacmak --target java)', ['compile'], packages.packageJava);
  await run('package:go', 'Go module (jsii-pacmak --target go, go build)', ['compile'], packages.packageGo);
  await run('package:dotnet', '.NET code generation only (no .NET SDK here)', ['compile'], packages.packageDotnet);
  await run('npm-pack', 'npm tarball contents', ['package:js'], (s) => packages.npmPack(s, OUT));
  await run('consumer:typescript', 'TypeScript app with the npm tarball', ['package:js'], (s) => consumers.tsApp(s, where, 'typescript', ''));
  await run('consumer:python', 'Python app with the wheel', ['package:python'], (s) => consumers.python(s, where));
  await run('consumer:java', 'Java app with the jar', ['package:java'], (s) => consumers.java(s, where));
  await run('consumer:go', 'Go app with the module', ['package:go'], (s) => consumers.go(s, where));

  // The TypeScript app with each other aws-cdk-lib version a consumer ran with, as that consumer's reference.
  const tsCdk = consumers.CDK.get('typescript') ?? '';
  const versions = [...new Set(['python', 'java', 'go'].map((l) => consumers.CDK.get(l) ?? ''))].sort()
    .filter((v) => v && v !== tsCdk);
  fs.writeFileSync(path.join(OUT, 'reference-versions.txt'), versions.map((v) => `${v}\n`).join(''));
  for (const v of versions) {
    await run(`reference:${v}`, `TypeScript app with aws-cdk-lib ${v} (reference for the languages on ${v})`, ['consumer:typescript'],
      (s) => consumers.reference(s, where, v));
  }

  const results = path.join(OUT, 'compare.json');
  await run('compare', 'templates of every language vs TypeScript', ['consumer:typescript'],
    async (s) => { await s.run(...tsNode(path.join(ROOT, 'scripts/distribution/compare-templates.ts'), path.join(OUT, 'consumers'), results), { cwd: ROOT }); },
    { quiet: true });
  const log = tail(runner.logFile('compare'), Infinity);
  const from = log.findIndex((l) => l.startsWith('Template comparison'));
  if (from >= 0) console.log(log.slice(from).map((l) => `    ${l}`).join('\n'));
  // One line per language in the summary, from the comparison's results.
  if (fs.existsSync(results)) {
    for (const r of readJson(results) as Array<{ language: string; status: 'PASS' | 'FAIL'; reference: string; differences: unknown[] }>) {
      runner.record(`compare:${r.language}`, r.status, `vs ${r.reference}${r.status === 'PASS' ? '' : `: ${r.differences.length} difference(s)`}`);
    }
  }
  for (const lang of ['python', 'java', 'go']) {
    if (!runner.passed(`consumer:${lang}`)) runner.record(`compare:${lang}`, 'FAIL', `not run: consumer:${lang} failed`);
  }

  const failed = printSummary(runner, {
    title: `Distribution check (${utcNow()}, package version ${readJson(path.join(ROOT, 'package.json')).version})`,
    caption: 'Distribution summary',
    name: 'distribution',
    root: ROOT,
    file: path.join(OUT, 'summary.md'),
    idWidth: 22,
    total: secondsSince(runStart),
  });
  return failed === 0 ? 0 : 1;
}

runStage(main, async () => {});
