/**
 * Upgrade check: what taking the new library does to stacks built with the old one.
 *
 *   npx projen upgrade-check [<old>]                 (ts-node scripts/release/upgrade-check.ts)
 *
 * <old> is the library before the upgrade:
 *   <git ref> (tag, commit, HEAD~1)        exported with `git archive` into a temporary directory and compiled with jsii
 *   <version> or npm:@numinia/cdk-baseline@<version>
 *                                          `npm pack` from the registry npm is configured with for @numinia
 *   <directory>                            a compiled package (package.json, lib/, .jsii)
 *   (none)                                 the latest release tag (v*) reachable from HEAD, or HEAD~1 while there is none
 * The new library is the working copy's lib/ (compiled first when src/, README.md or package.json is newer than .jsii).
 *
 * Each configuration of the compliance matrix (test/compliance/matrix.ts) is synthesized with both libraries in one
 * process, against the same aws-cdk-lib and constructs (the working copy's), so every difference comes from the
 * library. `@aws-cdk/cloudformation-diff` then classifies each resource change as `cdk diff` does. The check fails
 * when an upgrade replaces (or may replace) or removes a stateful resource (scripts/release/upgrade-diff.ts:
 * UPGRADE_STATEFUL_TYPES), naming the configuration, the logical ID, the type and the property that causes it; when
 * the new library cannot synthesize a configuration; or when jsii-diff (`--experimental-errors`, `.compatignore`)
 * finds an API break between the two assemblies (`--no-jsii-diff` skips it). A configuration the old library cannot
 * synthesize (new in the matrix) is reported and skipped.
 *
 * Reports: dist/upgrade-check/report.json and report.md (`--out <dir>` elsewhere). `--only <configuration name>`
 * (repeatable) checks only those configurations of the matrix.
 *
 * Release-notes mode (a step of `npx projen bump`):
 *   upgrade-check.ts --changelog dist/changelog.md --since "$LATEST_TAG"
 * adds to the newest entry of the changelog the resources that the upgrade from <since> adds, changes in place, replaces or removes
 * in the default template (an empty --since: first release). Never fails on what it finds; it says it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { readAssembly, unknownProps } from './known-props';
import { countByAction, describeViolation, insertAfterNewestEntry, releaseNotesSection, ResourceChange, upgradeDiff, UpgradeDiff } from './upgrade-diff';
import { complianceMatrix } from '../../test/compliance/matrix';

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = '@numinia/cdk-baseline';
const DEFAULT_CONFIGURATION = 'the default baseline';
const STACK_REGION = 'eu-west-1';

type Template = Record<string, unknown>;
// The library's module, as loaded from a compiled lib/: only the construct is used.
type Library = { NuminiaBaseline: new (scope: Stack, id: string, props: Record<string, unknown>) => unknown };

interface Side {
  readonly label: string;
  readonly dir: string;
  readonly version: string;
  readonly library: Library;
}

interface ConfigurationResult {
  readonly configuration: string;
  readonly status: 'PASS' | 'FAIL' | 'SKIPPED';
  readonly resources?: number;
  readonly counts?: ReturnType<typeof countByAction>;
  readonly violations: string[];
  readonly replacedNonStateful: string[];
  readonly note?: string;
  readonly diff?: UpgradeDiff;
}

const cleanups: Array<() => void> = [];

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function run(command: string, args: string[], cwd: string, quiet = true): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf-8',
    stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
    env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20', JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

function git(args: string[]): string {
  return run('git', args, ROOT).trim();
}

function tryGit(args: string[]): string | undefined {
  try {
    return git(args);
  } catch {
    return undefined;
  }
}

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The latest release tag reachable from HEAD, or HEAD~1 while there is none. */
export function defaultBaseline(): string {
  const tag = tryGit(['describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*', 'HEAD']);
  if (tag) return tag;
  if (tryGit(['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}']) === undefined) {
    throw new Error('no release tag and no previous commit: nothing to compare with');
  }
  return 'HEAD~1';
}

/** Node resolves the old library's aws-cdk-lib through this symlink to the working copy's very same module. */
function linkNodeModules(dir: string): void {
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

function compile(dir: string): void {
  run('npx', ['jsii', '--silence-warnings=reserved-word'], dir);
}

function packageVersion(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8')) as { version: string }).version;
}

function loadLibrary(dir: string): Library {
  const entry = path.join(dir, 'lib', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} does not exist: not a compiled ${PACKAGE}`);
  for (const shared of ['aws-cdk-lib', 'constructs']) {
    const theirs = fs.realpathSync(require.resolve(shared, { paths: [path.join(dir, 'lib')] }));
    const ours = fs.realpathSync(require.resolve(shared));
    if (theirs !== ours) throw new Error(`${dir} loads ${shared} from ${theirs}, not the working copy's ${ours}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const library = require(entry) as Library;
  if (typeof library.NuminiaBaseline !== 'function') throw new Error(`${entry} exports no NuminiaBaseline`);
  return library;
}

/** The old library: a git ref, an npm version, or a directory. */
function prepareOld(spec: string): Side {
  if (fs.existsSync(spec) && fs.statSync(spec).isDirectory()) {
    const dir = path.resolve(spec);
    return { label: dir, dir, version: packageVersion(dir), library: loadLibrary(dir) };
  }
  const npmVersion = spec.startsWith('npm:') ? spec.slice('npm:'.length).replace(`${PACKAGE}@`, '') : spec;
  if (spec.startsWith('npm:') || /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
    const work = tempDir('numinia-upgrade-npm-');
    log(`upgrade-check: npm pack ${PACKAGE}@${npmVersion} (registry for @numinia: ${npmRegistry()})`);
    const tarball = run('npm', ['pack', `${PACKAGE}@${npmVersion}`, '--pack-destination', work, '--silent'], work).trim().split('\n').pop()!;
    run('tar', ['-xzf', path.join(work, tarball), '-C', work], work);
    const dir = path.join(work, 'package');
    linkNodeModules(dir);
    return { label: `${PACKAGE}@${packageVersion(dir)} (npm)`, dir, version: packageVersion(dir), library: loadLibrary(dir) };
  }
  const commit = tryGit(['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]);
  if (!commit) throw new Error(`${spec} is neither a directory, an npm version nor a git ref`);
  const dir = path.join(tempDir('numinia-upgrade-git-'), 'package');
  fs.mkdirSync(dir);
  // git archive, not a worktree: nothing is written to the repository's metadata.
  execFileSync('bash', ['-c', `git archive --format=tar ${commit} | tar -x -C "${dir}"`], { cwd: ROOT, stdio: 'inherit' });
  linkNodeModules(dir);
  log(`upgrade-check: compiling ${spec} (${commit.slice(0, 7)}) with jsii in ${dir}`);
  compile(dir);
  return { label: `${spec} (${commit.slice(0, 7)})`, dir, version: packageVersion(dir), library: loadLibrary(dir) };
}

function npmRegistry(): string {
  try {
    const scoped = run('npm', ['config', 'get', '@numinia:registry'], ROOT).trim();
    return scoped && scoped !== 'undefined' ? scoped : run('npm', ['config', 'get', 'registry'], ROOT).trim();
  } catch {
    return 'unknown';
  }
}

/** The working copy, compiled first if lib/ or .jsii is older than the sources. */
function prepareNew(): Side {
  const jsii = path.join(ROOT, '.jsii');
  const stale = !fs.existsSync(jsii) || !fs.existsSync(path.join(ROOT, 'lib', 'index.js'))
    || run('find', ['src', 'README.md', 'package.json', '-newer', '.jsii', '-print', '-quit'], ROOT).trim() !== '';
  if (stale) {
    log('upgrade-check: compiling the working copy with jsii (lib/ is older than src/)');
    compile(ROOT);
  }
  const head = tryGit(['rev-parse', '--short', 'HEAD']) ?? 'no commit';
  const dirty = tryGit(['status', '--porcelain', '--', 'src', 'package.json']) ? ' + uncommitted changes' : '';
  return { label: `working copy (${head}${dirty})`, dir: ROOT, version: packageVersion(ROOT), library: loadLibrary(ROOT) };
}

function synthesize(library: Library, props: Record<string, unknown>): Template {
  // Validation reports findings only, it does not change the template: off, it costs most of a synthesis.
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'UpgradeCheck', { env: { region: STACK_REGION } });
  new library.NuminiaBaseline(stack, 'Baseline', { environment: 'production', ...props });
  return app.synth().getStackByName(stack.stackName).template as Template;
}

function resourceCount(template: Template): number {
  return Object.keys((template.Resources ?? {}) as object).length;
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

function compareConfiguration(name: string, props: Record<string, unknown>, before: Side, after: Side): ConfigurationResult {
  let newTemplate: Template;
  try {
    newTemplate = synthesize(after.library, props);
  } catch (error) {
    return { configuration: name, status: 'FAIL', violations: [`the new library cannot synthesize it: ${errorMessage(error)}`], replacedNonStateful: [] };
  }
  const skipped = (note: string): ConfigurationResult => ({ configuration: name, status: 'SKIPPED', violations: [], replacedNonStateful: [], note });
  // The old library would ignore props it does not know and synthesize another configuration: no diff to report.
  // A directory without .jsii (a hand-made library) cannot say which props it knows: compared as it is.
  const assembly = readAssembly(before.dir);
  const unknown = assembly === undefined ? [] : unknownProps(assembly, `${PACKAGE}.NuminiaBaselineProps`, props);
  if (unknown.length > 0) {
    return skipped(`the old library does not know ${unknown.join(', ')}: it would ignore ${unknown.length === 1 ? 'it' : 'them'} and build another configuration`);
  }
  let oldTemplate: Template;
  try {
    oldTemplate = synthesize(before.library, props);
  } catch (error) {
    // The whole message: the reason is the point of a skip.
    return skipped(`the old library cannot synthesize it (a configuration it did not support): ${error instanceof Error ? error.message : String(error)}`);
  }
  const diff = upgradeDiff(oldTemplate, newTemplate);
  return {
    configuration: name,
    status: diff.violations.length === 0 ? 'PASS' : 'FAIL',
    resources: resourceCount(newTemplate),
    counts: countByAction(diff),
    violations: diff.violations.map(describeViolation),
    replacedNonStateful: diff.changes.filter((c: ResourceChange) => c.action === 'replace' && !c.stateful).map(describeViolation),
    diff,
  };
}

function jsiiDiff(before: Side): { status: 'PASS' | 'FAIL'; output: string } {
  const args = ['jsii-diff', before.dir, ROOT, '--experimental-errors', '--keys'];
  if (fs.existsSync(path.join(ROOT, '.compatignore'))) args.push('--ignore-file', '.compatignore');
  log(`upgrade-check: npx ${args.join(' ')}`);
  try {
    return { status: 'PASS', output: run('npx', args, ROOT).trim() };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { status: 'FAIL', output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}

interface Options {
  old?: string;
  changelog?: string;
  since?: string;
  out: string;
  jsiiDiff: boolean;
  only: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { out: path.join(ROOT, 'dist', 'upgrade-check'), jsiiDiff: true, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--changelog') options.changelog = argv[++i];
    else if (arg === '--since') options.since = argv[++i] ?? '';
    else if (arg === '--out') options.out = path.resolve(argv[++i]);
    else if (arg === '--no-jsii-diff') options.jsiiDiff = false;
    else if (arg === '--only') options.only.push(argv[++i]);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (options.old === undefined) options.old = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  return options;
}

/** Release-notes mode: append the default template's upgrade from `since` to the changelog. */
function writeReleaseNotes(changelog: string, since: string | undefined): void {
  const after = prepareNew();
  const to = `v${after.version}`;
  const defaults = complianceMatrix().find(([name]) => name === DEFAULT_CONFIGURATION)![1] as Record<string, unknown>;
  const newTemplate = synthesize(after.library, defaults);
  let section: string;
  if (!since) {
    section = releaseNotesSection({ to, resourceCount: resourceCount(newTemplate), configuration: DEFAULT_CONFIGURATION });
  } else {
    const before = prepareOld(since);
    const diff = upgradeDiff(synthesize(before.library, defaults), newTemplate);
    section = releaseNotesSection({ from: since, to, diff, resourceCount: resourceCount(newTemplate), configuration: DEFAULT_CONFIGURATION });
  }
  fs.mkdirSync(path.dirname(changelog), { recursive: true });
  const existing = fs.existsSync(changelog) ? fs.readFileSync(changelog, 'utf-8') : '';
  fs.writeFileSync(changelog, insertAfterNewestEntry(existing, section));
  log(`upgrade-check: appended the infrastructure changes ${since ? `since ${since}` : '(first release)'} to ${changelog}`);
  process.stdout.write(section);
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (options.changelog !== undefined) {
    writeReleaseNotes(path.resolve(options.changelog), options.since);
    return 0;
  }
  const started = Date.now();
  const spec = options.old ?? defaultBaseline();
  const before = prepareOld(spec);
  const after = prepareNew();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdkVersion = (require('aws-cdk-lib/package.json') as { version: string }).version;
  console.log(`Upgrade check: ${before.label} (version ${before.version}) -> ${after.label}, both with aws-cdk-lib ${cdkVersion}`);

  const matrix = complianceMatrix().filter(([name]) => options.only.length === 0 || options.only.includes(name));
  if (matrix.length === 0) throw new Error(`--only ${options.only.join(', ')}: no such configuration in test/compliance/matrix.ts`);
  const results = matrix.map(([name, props]) => compareConfiguration(name, props as Record<string, unknown>, before, after));
  for (const r of results) {
    const c = r.counts;
    const summary = c
      ? `${r.resources} resources; ${c.add} added, ${c.update} changed in place, ${c.replace} replaced, ${c.remove} removed`
      : r.note ?? '';
    console.log(`  ${r.status.padEnd(7)} ${r.configuration}: ${summary}`);
    for (const v of r.violations) console.log(`          stateful: ${v}`);
    for (const v of r.replacedNonStateful) console.log(`          info (not stateful): ${v}`);
  }
  const api = options.jsiiDiff ? jsiiDiff(before) : undefined;
  if (api) {
    console.log(`  ${api.status.padEnd(7)} API (jsii-diff --experimental-errors): ${api.status === 'PASS' ? 'no breaking change' : 'breaking changes'}`);
    for (const line of api.output.split('\n').filter((l) => l.trim() && !l.startsWith('!!'))) console.log(`          ${line}`);
  }
  const failed = results.filter((r) => r.status === 'FAIL').length + (api?.status === 'FAIL' ? 1 : 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`upgrade-check: ${failed === 0 ? 'PASS' : 'FAIL'} (${results.filter((r) => r.status === 'PASS').length} of ${results.length} `
    + `configurations pass, ${results.filter((r) => r.status === 'SKIPPED').length} skipped) in ${seconds} s`);

  fs.mkdirSync(options.out, { recursive: true });
  const report = { from: before.label, fromVersion: before.version, to: after.label, awsCdkLib: cdkVersion, seconds: Number(seconds), results, api };
  fs.writeFileSync(path.join(options.out, 'report.json'), JSON.stringify(report, undefined, 2) + '\n');
  const md = [`# Upgrade check: ${before.label} -> ${after.label}`, '', `aws-cdk-lib ${cdkVersion} on both sides; ${seconds} s.`, '',
    '| configuration | result | resources | added | changed in place | replaced | removed |', '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.configuration} | ${r.status} | ${r.resources ?? ''} | ${r.counts?.add ?? ''} | ${r.counts?.update ?? ''} | ${r.counts?.replace ?? ''} | ${r.counts?.remove ?? ''} |`),
    '', ...results.flatMap((r) => r.violations.map((v) => `- ${r.configuration}: ${v}`)),
    ...(api ? ['', `API (jsii-diff --experimental-errors): ${api.status}`, '', '```', api.output, '```'] : []), ''];
  fs.writeFileSync(path.join(options.out, 'report.md'), md.join('\n'));
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  let code = 1;
  try {
    code = main();
  } catch (error) {
    console.error(`upgrade-check: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    for (const cleanup of cleanups.reverse()) cleanup();
  }
  process.exitCode = code;
}
