/**
 * The consumer apps of test/consumers/ installing a release by version range from the registries (mode `install`),
 * or upgrading to the newest release in the range (mode `upgrade`: npm update, pip install -U, mvn -U, go get), then
 * synthesizing into dist/round-trip/<version>/<name>/cdk.out. Every installed package is checked to be the one built
 * for the release: the .jsii fingerprint, the wheel's bundled tarball, the jar, the Go module zip hash.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Context, GO_MODULE, PACKAGE_NAME } from './context';
import { CONSUMERS, javaCdkVersion, M2, pythonVenv, pythonVersion, writeConsumerJson } from '../../lib/consumers';
import { readJson, secondsSince } from '../../lib/env';
import { Step } from '../../lib/steps';

export type Mode = 'install' | 'upgrade';

interface Ran { name: string; language: string; cdk: string; installed: string; install: string; synth: string }

/** Checks the version installed and writes the consumer.json; the step's note. */
function done(step: Step, ctx: Context, v: string, r: Ran): void {
  if (r.installed !== v) throw new Error(`${r.name} installed ${PACKAGE_NAME} ${r.installed}, expected ${v}`);
  writeConsumerJson(path.join(ctx.out, v, r.name),
    { language: r.language, awsCdkLib: r.cdk, library: r.installed, installSeconds: r.install, synthSeconds: r.synth });
  ctx.cdk.set(r.name, r.cdk);
  step.note(`${PACKAGE_NAME} ${r.installed}, aws-cdk-lib ${r.cdk}: install/upgrade ${r.install} s, synth ${r.synth} s`);
  step.log(`${r.name}: ${PACKAGE_NAME} ${r.installed}, aws-cdk-lib ${r.cdk}, install ${r.install} s, synth ${r.synth} s`);
}

function outDir(ctx: Context, v: string, name: string): string {
  const dir = path.join(ctx.out, v, name);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, 'cdk.out');
}

/** The TypeScript consumer `name` (in the cache), with aws-cdk-lib `cdk` (empty: the one it pins). */
export async function tsConsumer(step: Step, ctx: Context, name: string, cdk: string, mode: Mode, v: string, rel: string): Promise<void> {
  const dir = path.join(ctx.cache, name);
  fs.mkdirSync(dir, { recursive: true });
  let start = performance.now();
  if (mode === 'install') {
    for (const f of ['package.json', 'tsconfig.json', 'app.cts']) fs.copyFileSync(path.join(CONSUMERS, 'typescript', f), path.join(dir, f));
    fs.copyFileSync(path.join(ctx.tmp, 'consumer.npmrc'), path.join(dir, '.npmrc'));
    for (const d of ['node_modules/@numinia', 'package-lock.json', 'build']) fs.rmSync(path.join(dir, d), { recursive: true, force: true });
    if (cdk) await step.run('npm', ['pkg', 'set', `dependencies.aws-cdk-lib=${cdk}`], { cwd: dir });
    await step.run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `${PACKAGE_NAME}@${ctx.range.npm}`], { cwd: dir });
    step.log(`package.json asks for ${PACKAGE_NAME} ${readJson(path.join(dir, 'package.json')).dependencies[PACKAGE_NAME]}`);
  } else {
    // Verdaccio's package documents carry no freshness headers: npm revalidates the one it cached at install time.
    await step.run('npm', ['update', '--no-audit', '--no-fund'], { cwd: dir });
  }
  const pkg = path.join(dir, 'node_modules', PACKAGE_NAME);
  // The package the registry served is the one built for this release: same assembly fingerprint.
  if (readJson(path.join(pkg, '.jsii')).fingerprint !== readJson(path.join(rel, '.jsii')).fingerprint) {
    throw new Error(`the installed .jsii is not the one built in ${rel}`);
  }
  if (name === 'typescript') {
    await step.run(path.join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: dir });
  } else {
    fs.mkdirSync(path.join(dir, 'build'), { recursive: true });
    fs.copyFileSync(path.join(ctx.cache, 'typescript/build/app.cjs'), path.join(dir, 'build/app.cjs'));
  }
  const install = secondsSince(start);
  const cdkOut = outDir(ctx, v, name);
  start = performance.now();
  await step.run('node', ['build/app.cjs', cdkOut], { cwd: dir });
  const synth = secondsSince(start);
  const language = name === 'typescript' ? 'typescript' : 'typescript-reference';
  const cdkLib = readJson(path.join(dir, 'node_modules/aws-cdk-lib/package.json')).version;
  done(step, ctx, v, { name, language, cdk: cdkLib, installed: readJson(path.join(pkg, 'package.json')).version, install, synth });
}

/** The distribution stage's virtualenv (CI builds it once); our package is uninstalled first on install. */
export async function pythonConsumer(step: Step, ctx: Context, mode: Mode, v: string, rel: string): Promise<void> {
  const src = path.join(CONSUMERS, 'python');
  let start = performance.now();
  const venv = await pythonVenv(step);
  if (mode === 'install') await step.run(path.join(venv, 'pip'), ['uninstall', '--quiet', '--yes', 'numinia-cdk-baseline']).catch(() => undefined);
  // Our index only; pypiserver redirects what it does not hold to pypi.org. The consumer's constraints pin the rest.
  await step.run(path.join(venv, 'pip'), ['install', ...(mode === 'upgrade' ? ['-U'] : []), '--index-url', `${ctx.reg.pypiUrl}/simple/`,
    '-c', path.join(src, 'constraints.txt'), `numinia-cdk-baseline${ctx.range.pip}`]);
  await step.run(path.join(venv, 'pip'), ['check']);
  const installed = await pythonVersion(step, 'numinia-cdk-baseline');
  // The wheel the index served bundles the npm tarball built for this release.
  const bundled = await step.out(path.join(venv, 'python'), ['-c', 'import numinia_cdk_baseline._jsii as j, os; d = os.path.dirname(j.__file__); '
    + 'print(os.path.join(d, [f for f in os.listdir(d) if f.endswith(".tgz")][0]))']);
  if (!fs.readFileSync(bundled).equals(fs.readFileSync(path.join(rel, `dist/js/cdk-baseline@${v}.jsii.tgz`)))) {
    throw new Error(`${bundled} is not the npm tarball built in ${rel}`);
  }
  const install = secondsSince(start);
  const cdkOut = outDir(ctx, v, 'python');
  start = performance.now();
  await step.run(path.join(venv, 'python'), ['app.py', cdkOut], { cwd: src });
  const synth = secondsSince(start);
  done(step, ctx, v, { name: 'python', language: 'python', cdk: await pythonVersion(step, 'aws-cdk-lib'), installed, install, synth });
}

/** The dependency is the range; Maven resolves it against the repository's maven-metadata.xml at every build. */
export async function javaConsumer(step: Step, ctx: Context, mode: Mode, v: string, rel: string): Promise<void> {
  const dir = path.join(ctx.tmp, 'java-consumer');
  let start = performance.now();
  if (mode === 'install') {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(CONSUMERS, 'java'), dir, { recursive: true, preserveTimestamps: true });
  }
  // -U on upgrade: re-read the repositories' metadata, the range now holds a newer release.
  await step.run('mvn', ['-B', '-q', ...(mode === 'upgrade' ? ['-U'] : []), `-Dmaven.repo.local=${M2}`, `-Dnuminia.repository=${ctx.reg.mavenUrl}`,
    `-Dnuminia.version=${ctx.range.maven}`, 'compile', 'dependency:build-classpath', '-Dmdep.outputFile=classpath.txt'], { cwd: dir });
  const classpath = fs.readFileSync(path.join(dir, 'classpath.txt'), 'utf-8').trim();
  const jar = classpath.split(':').find((e) => e.includes('/io/numinia/cdk-baseline/')) ?? '';
  const installed = path.basename(path.dirname(jar));
  const built = path.join(rel, 'dist/java/io/numinia/cdk-baseline', installed, `cdk-baseline-${installed}.jar`);
  if (!jar || !fs.existsSync(built) || !fs.readFileSync(jar).equals(fs.readFileSync(built))) {
    throw new Error(`the jar on the classpath (${jar}) is not the one built in ${rel}`);
  }
  const install = secondsSince(start);
  const cdkOut = outDir(ctx, v, 'java');
  start = performance.now();
  await step.run('java', ['-cp', `${dir}/target/classes:${classpath}`, 'io.numinia.consumer.App', cdkOut]);
  const synth = secondsSince(start);
  done(step, ctx, v, { name: 'java', language: 'java', cdk: javaCdkVersion(path.join(dir, 'classpath.txt')), installed, install, synth });
}

/** Our module from the GOPROXY directory (everything else from the usual proxy); the checksum database cannot know it. */
export async function goConsumer(step: Step, ctx: Context, mode: Mode, v: string): Promise<void> {
  const dir = path.join(ctx.tmp, 'go-consumer');
  const opts = { cwd: dir, env: { GOPROXY: `file://${ctx.reg.goproxyDir},${ctx.goUpstream}`, GONOSUMDB: 'github.com/numengames/*' } };
  let start = performance.now();
  if (mode === 'install') {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(CONSUMERS, 'go'), dir, { recursive: true, preserveTimestamps: true });
    await step.run('go', ['mod', 'edit', `-dropreplace=${GO_MODULE}`, `-droprequire=${GO_MODULE}`], opts);
    await step.run('go', ['get', `${GO_MODULE}@${ctx.range.go}`], opts);
  } else {
    // `go get <module>`: "upgrade it to its latest version" (go help get). Not `go get -u`, which also upgrades the
    // dependencies of our package (aws-cdk-go v2.276.0 -> v2.277.0, which npm does not serve, so no TypeScript
    // reference could be synthesized; and the Go proxy as reachable here answers 403 for one of its package paths).
    await step.run('go', ['get', GO_MODULE], opts);
  }
  const installed = (await step.out('go', ['list', '-m', '-f', '{{.Version}}', GO_MODULE], opts)).replace(/^v/, '');
  // The module the proxy served is the one built for this release: go.sum holds the hash of our zip.
  const sum = fs.readFileSync(path.join(dir, 'go.sum'), 'utf-8').split('\n')
    .find((l) => l.startsWith(`${GO_MODULE} v${installed} h1:`))?.split(' ')[2];
  const zipHash = await step.out(ctx.reg.goproxy, ['hash', path.join(ctx.reg.goproxyDir, GO_MODULE, `@v/v${installed}.zip`)]);
  if (sum !== zipHash) throw new Error(`go.sum hash ${sum} is not the hash of the zip published for v${installed}`);
  await step.run('go', ['build', '-o', 'consumer', '.'], opts);
  const install = secondsSince(start);
  const cdkOut = outDir(ctx, v, 'go');
  start = performance.now();
  await step.run(path.join(dir, 'consumer'), [cdkOut], opts);
  const synth = secondsSince(start);
  const cdk = (await step.out('go', ['list', '-m', '-f', '{{.Version}}', 'github.com/aws/aws-cdk-go/awscdk/v2'], opts)).replace(/^v/, '');
  done(step, ctx, v, { name: 'go', language: 'go', cdk, installed, install, synth });
}
