/**
 * Release round trip: two real releases, published to registries on 127.0.0.1, installed by version range by the
 * consumer app of every language, upgraded with each ecosystem's own command, and compared.
 *
 *   npx projen release:round-trip   (ts-node scripts/release/round-trip/main.ts; part of `npm run ci`)
 *
 * 1. build.ts: release A (a clone of HEAD, versioned by `npx projen bump`; A's tag is then set in the clone, as
 *    publishing it would) and release B (A + an empty `feat:` commit: the patch after A), each packaged by jsii-pacmak.
 * 2. registries.ts: Verdaccio, pypiserver, a Maven file repository and a GOPROXY directory; the servers are tied to
 *    this process and stopped by process ID at exit, also on failure or signal (scripts/lib/server.ts).
 * 3. publish.ts, install.ts, compare.ts: after A is published, the consumers install it by range (A=0.1.0: ^0.1.0,
 *    ~=0.1, [0.1,0.2), v0.1) and synthesize; after B they upgrade and synthesize again; at each version every
 *    language's template must equal the TypeScript one at the same aws-cdk-lib.
 * 4. compare.ts: jsii-diff between the two published npm packages, the upgrade check from A to B, B's release notes.
 *
 * Synthesis runs with CDK_VALIDATION=false: aws-cdk-lib's built-in template validation reports findings, it does not
 * change templates, and it is most of a synthesis (the distribution stage runs the same apps with it on).
 * Caches (reused between runs): the TypeScript consumers' node_modules under $ROUND_TRIP_WORK (default
 * /tmp/numinia-round-trip-<hash of the repository path>), the distribution stage's Python consumer virtualenv
 * (test/consumers/python/.venv), ~/.m2/repository (DISTRIBUTION_M2) and the Go module cache. The versions built and
 * published here are removed from the Maven and Go caches before the consumers run and at exit.
 * Output: dist/round-trip/summary.md, logs in dist/round-trip/logs/, templates in dist/round-trip/<version>/.
 * KEEP=1 keeps the temporary directory (clones, registry storage); ROUND_TRIP_REUSE=<that directory> runs again with
 * the releases built there (a debugging aid: the registries and consumers start afresh).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildA, buildB } from './build';
import { consumers, jsiiDiff, releaseNotes, sameTemplate, upgradeCheck } from './compare';
import { Context, PACKAGE_NAME } from './context';
import { publish } from './publish';
import { startRegistries } from './registries';
import { capture, missingTool, ROOT, secondsSince, setToolEnv } from '../../lib/env';
import { runStage } from '../../lib/process';
import { running, stopServers } from '../../lib/server';
import { Runner } from '../../lib/steps';
import { printSummary, utcNow } from '../../lib/summary';

// Every run publishes 0.1.0 and 0.1.1 again with new content. forgetPublished removes them from the module cache, but
// Go also keeps an index of each module-cache directory in GOCACHE, keyed by its path (module cache directories are
// meant to be immutable): a later run then reads the old release's imports (measured: internal/types.go's new import
// of awscdk was missing, "could not import github.com/aws/aws-cdk-go/awscdk/v2 (open : no such file or directory)").
setToolEnv({ GODEBUG: process.env.GODEBUG ? `${process.env.GODEBUG},goindex=0` : 'goindex=0', CDK_VALIDATION: 'false' });

const reuse = process.env.ROUND_TRIP_REUSE;
const ctx = new Context(reuse || fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-round-trip.')));
const version = (clone: string) => { try { return fs.readFileSync(path.join(ctx.tmp, clone, 'dist/version.txt'), 'utf-8').trim(); } catch { return ''; } };

async function main(): Promise<number> {
  const runStart = performance.now();
  const logs = path.join(ctx.out, 'logs');
  fs.rmSync(ctx.out, { recursive: true, force: true });
  fs.mkdirSync(ctx.cache, { recursive: true });
  const runner = new Runner(ROOT, logs, true);
  const run = runner.run.bind(runner);
  if (reuse) {
    // Debugging aid: the temporary directory of an earlier run with KEEP=1; its two releases are not built again.
    for (const f of fs.readdirSync(ctx.tmp)) {
      if (['verdaccio', 'pypi', 'maven', 'goproxy', 'bin', 'java-consumer', 'go-consumer'].includes(f) || f.endsWith('.npmrc')) {
        fs.rmSync(path.join(ctx.tmp, f), { recursive: true, force: true });
      }
    }
  }
  console.log(`release round trip: ${ROOT} at ${capture('git', ['rev-parse', '--short', 'HEAD'])}; temporary directory ${ctx.tmp}; caches in ${ctx.cache}`);
  if (capture('git', ['status', '--porcelain', '--', 'src', 'package.json'])) {
    console.log('  note: src/ or package.json has uncommitted changes; the releases are built from the commits only');
  }
  const missing = missingTool(['node', 'npm', 'python3', 'java', 'mvn', 'go', 'curl', 'git']);
  if (missing) {
    console.log(`round trip: FAIL: '${missing}' is not installed`);
    return 1;
  }
  ctx.forgetPublished();

  if (reuse) {
    console.log(`==> reusing the releases built in ${ctx.tmp}`);
    capture('git', ['-C', path.join(ctx.tmp, 'a'), 'tag', '-d', fs.readFileSync(path.join(ctx.tmp, 'a/dist/releasetag.txt'), 'utf-8').trim()]);
  }
  await run('build:A', 'release A: clone of HEAD, npx projen bump, jsii, jsii-pacmak js/python/java/go', [],
    async (s) => (reuse ? s.note(`reused: ${version('a')}`) : buildA(s, ctx)));
  const a = version('a');
  if (a) {
    // What publishing release A does: its tag, from which B's bump counts.
    capture('git', ['-C', path.join(ctx.tmp, 'a'), 'tag', fs.readFileSync(path.join(ctx.tmp, 'a/dist/releasetag.txt'), 'utf-8').trim()]);
    ctx.published.push(a);
  }
  await run('build:B', 'release B: clone of A + an empty feat: commit, npx projen bump, jsii, jsii-pacmak', ['build:A'],
    async (s) => (reuse ? s.note(`reused: ${version('b')}`) : buildB(s, ctx)));
  let b = version('b');
  if (b) ctx.published.push(b);
  ctx.forgetPublished(); // the consumers must get A and B from the registries, not from what the builds left in the caches

  if (a && b) {
    const [major, minor] = a.split('.').map(Number);
    ctx.ranges = { npm: `^${a}`, pip: `~=${major}.${minor}`, maven: `[${major}.${minor},${major}.${minor + 1})`, go: `v${major}.${minor}` };
    const r = ctx.ranges;
    console.log(`    releases: A=${a}, B=${b}; ranges: npm ${r.npm}, pip ${r.pip}, maven ${r.maven}, go ${r.go}`);
    if (b.split('.').slice(0, 2).join('.') !== `${major}.${minor}`) {
      console.log(`    FAIL: B=${b} is outside the ranges of A=${a} (a feat: before 1.0 should bump the patch version)`);
      b = '';
    }
  }

  if (a && b && await run('registries', 'Verdaccio, pypiserver, a Maven file repository, a GOPROXY directory on 127.0.0.1', [],
    (s) => startRegistries(s, ctx, logs))) {
    const [dirA, dirB] = ['a', 'b'].map((c) => path.join(ctx.tmp, c));
    await run('publish:A', `publish A=${a} to every registry`, [], (s) => publish(s, ctx, dirA, a));
    await consumers(runner, ctx, 'install', a, dirA, 'A');
    await run('publish:B', `publish B=${b} to every registry`, ['publish:A'], (s) => publish(s, ctx, dirB, b));
    await consumers(runner, ctx, 'upgrade', b, dirB, 'B');
    await run('same-template', 'TypeScript template of A vs B', ['install:A:typescript', 'upgrade:B:typescript'], (s) => sameTemplate(s, ctx, a, b));
    await run('jsii-diff', `jsii-diff npm:${PACKAGE_NAME}@${a} npm:${PACKAGE_NAME}@${b} --experimental-errors`, ['publish:B'], (s) => jsiiDiff(s, ctx, a, b));
    await run('upgrade-check', `upgrade check from ${a} (npm, Verdaccio) to B`, ['publish:B'], (s) => upgradeCheck(s, ctx, a));
    await run('release-notes', "B's release notes: the infrastructure changes since A", ['build:B'], (s) => releaseNotes(s, ctx, a, b));
  }
  const servers = ctx.registries ? [ctx.registries.verdaccio, ctx.registries.pypiserver] : [];
  await stopServers();
  const left = servers.filter((s) => running(s.pid));
  for (const s of left) console.log(`round trip: FAIL: server ${s.pid} still running`);
  const pid = (name: string) => servers.find((s) => s.name === name)?.pid ?? 'not started';
  runner.record('servers-stopped', left.length ? 'FAIL' : 'PASS', `verdaccio ${pid('verdaccio')}, pypiserver ${pid('pypiserver')}: stopped`);

  const failed = printSummary(runner, {
    title: `Release round trip (${utcNow()}): A=${a || '?'}, B=${b || '?'}`,
    caption: 'Round-trip summary',
    name: 'round trip',
    root: ROOT,
    file: path.join(ctx.out, 'summary.md'),
    idWidth: 34,
    total: secondsSince(runStart),
  });
  return failed === 0 && a && b ? 0 : 1;
}

runStage(main, async () => {
  await stopServers();
  ctx.forgetPublished();
  if (process.env.KEEP) console.log(`round trip: kept ${ctx.tmp}`);
  else fs.rmSync(ctx.tmp, { recursive: true, force: true });
});
