/**
 * The distribution stage's consumers: each app of test/consumers/ installs the package just built and synthesizes
 * into dist/distribution/consumers/<name>/cdk.out (with a consumer.json for compare-templates.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { GO_MODULE, GO_PACKAGE, JAVA_DIR, VERSION } from './packages';
import { CONSUMERS, javaCdkVersion, M2, pythonVenv, pythonVersion, writeConsumerJson } from '../lib/consumers';
import { onlyFile, readJson, ROOT, secondsSince } from '../lib/env';
import { Step } from '../lib/steps';

export interface Where {
  /** dist/distribution */
  readonly out: string;
  /** DISTRIBUTION_WORK: consumer work copies and their node_modules */
  readonly work: string;
}

/** The aws-cdk-lib version each consumer ran with, by consumer name (the references are chosen from it). */
export const CDK = new Map<string, string>();

function done(step: Step, where: Where, name: string, language: string, awsCdkLib: string, install: string, synth: string): void {
  writeConsumerJson(path.join(where.out, 'consumers', name), { language, awsCdkLib, installSeconds: install, synthSeconds: synth });
  CDK.set(name, awsCdkLib);
  step.log(`${name}: aws-cdk-lib ${awsCdkLib}, install/build ${install} s, synth ${synth} s`);
  step.note(name.startsWith('typescript-') ? `install ${install} s, synth ${synth} s`
    : `aws-cdk-lib ${awsCdkLib}: install/build ${install} s, synth ${synth} s`);
}

/** The TypeScript consumer in <work>/<name>, with aws-cdk-lib `version` (empty: the one it pins). */
export async function tsApp(step: Step, where: Where, name: string, version: string): Promise<void> {
  const dir = path.join(where.work, name);
  const tgz = onlyFile(path.join(ROOT, 'dist/js'), '.jsii.tgz');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'tsconfig.json', 'app.cts']) fs.copyFileSync(path.join(CONSUMERS, 'typescript', f), path.join(dir, f));
  for (const d of ['node_modules/@numinia', 'build']) fs.rmSync(path.join(dir, d), { recursive: true, force: true });
  let start = performance.now();
  if (version) await step.run('npm', ['pkg', 'set', `dependencies.aws-cdk-lib=${version}`], { cwd: dir });
  await step.run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tgz], { cwd: dir });
  // The package installed is the one just built: same assembly fingerprint as .jsii.
  const installed = readJson(path.join(dir, 'node_modules/@numinia/cdk-baseline/.jsii')).fingerprint;
  const built = readJson(path.join(ROOT, '.jsii')).fingerprint;
  if (installed !== built) throw new Error(`installed .jsii fingerprint ${installed} is not the one just built (${built})`);
  if (name === 'typescript') {
    await step.run(path.join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: dir });
  } else {
    fs.mkdirSync(path.join(dir, 'build'), { recursive: true });
    fs.copyFileSync(path.join(where.work, 'typescript/build/app.cjs'), path.join(dir, 'build/app.cjs'));
  }
  const install = secondsSince(start);
  const cdk = readJson(path.join(dir, 'node_modules/aws-cdk-lib/package.json')).version;
  const out = path.join(where.out, 'consumers', name);
  fs.mkdirSync(out, { recursive: true });
  start = performance.now();
  await step.run('node', ['build/app.cjs', path.join(out, 'cdk.out')], { cwd: dir });
  done(step, where, name, name === 'typescript' ? 'typescript' : 'typescript-reference', cdk, install, secondsSince(start));
}

export async function python(step: Step, where: Where): Promise<void> {
  const src = path.join(CONSUMERS, 'python');
  const whl = onlyFile(path.join(ROOT, 'dist/python'), '.whl');
  let start = performance.now();
  const venv = await pythonVenv(step);
  // The wheel's own requirements from the pinned set, then the wheel itself afresh (its version rarely changes).
  await step.run(path.join(venv, 'pip'), ['install', '--quiet', '-c', path.join(src, 'constraints.txt'), whl]);
  await step.run(path.join(venv, 'pip'), ['install', '--quiet', '--no-deps', '--force-reinstall', whl]);
  await step.run(path.join(venv, 'pip'), ['check']);
  const install = secondsSince(start);
  const cdk = await pythonVersion(step, 'aws-cdk-lib');
  const out = path.join(where.out, 'consumers/python');
  fs.mkdirSync(out, { recursive: true });
  start = performance.now();
  await step.run(path.join(venv, 'python'), ['app.py', path.join(out, 'cdk.out')], { cwd: src });
  done(step, where, 'python', 'python', cdk, install, secondsSince(start));
}

export async function java(step: Step, where: Where): Promise<void> {
  const dir = path.join(where.work, 'java');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(CONSUMERS, 'java'), dir, { recursive: true, preserveTimestamps: true });
  // A release version is never fetched twice by Maven: drop the copy a previous run cached.
  fs.rmSync(path.join(M2, 'io/numinia/cdk-baseline'), { recursive: true, force: true });
  let start = performance.now();
  await step.run('mvn', ['-B', '-q', `-Dmaven.repo.local=${M2}`, `-Dnuminia.repository=file://${ROOT}/dist/java`,
    `-Dnuminia.version=${VERSION}`, 'compile', 'dependency:build-classpath', '-Dmdep.outputFile=classpath.txt'], { cwd: dir });
  const jar = `cdk-baseline-${VERSION}.jar`;
  const cached = path.join(M2, 'io/numinia/cdk-baseline', VERSION, jar);
  if (!fs.existsSync(cached) || !fs.readFileSync(path.join(JAVA_DIR, jar)).equals(fs.readFileSync(cached))) {
    throw new Error('the jar on the classpath is not the one just built');
  }
  const install = secondsSince(start);
  const cdk = javaCdkVersion(path.join(dir, 'classpath.txt'));
  const out = path.join(where.out, 'consumers/java');
  fs.mkdirSync(out, { recursive: true });
  const classpath = `${dir}/target/classes:${fs.readFileSync(path.join(dir, 'classpath.txt'), 'utf-8').trim()}`;
  start = performance.now();
  await step.run('java', ['-cp', classpath, 'io.numinia.consumer.App', path.join(out, 'cdk.out')]);
  done(step, where, 'java', 'java', cdk, install, secondsSince(start));
}

export async function go(step: Step, where: Where): Promise<void> {
  const dir = path.join(where.work, 'go');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(CONSUMERS, 'go'), dir, { recursive: true, preserveTimestamps: true });
  let start = performance.now();
  await step.run('go', ['mod', 'edit', `-replace=${GO_MODULE}=${ROOT}/dist/go/${GO_PACKAGE}`], { cwd: dir });
  await step.run('go', ['build', '-o', 'consumer', '.'], { cwd: dir });
  const install = secondsSince(start);
  const cdk = (await step.out('go', ['list', '-m', '-f', '{{.Version}}', 'github.com/aws/aws-cdk-go/awscdk/v2'], { cwd: dir })).replace(/^v/, '');
  const out = path.join(where.out, 'consumers/go');
  fs.mkdirSync(out, { recursive: true });
  start = performance.now();
  await step.run(path.join(dir, 'consumer'), [path.join(out, 'cdk.out')], { cwd: dir });
  done(step, where, 'go', 'go', cdk, install, secondsSince(start));
}

/** The TypeScript app with the aws-cdk-lib version another language ran with: that language's reference. */
export async function reference(step: Step, where: Where, version: string): Promise<void> {
  if (!(await step.out('npm', ['view', `aws-cdk-lib@${version}`, 'version']).catch(() => ''))) {
    throw new Error(`npm does not serve aws-cdk-lib@${version}: pin the consumer that uses it to a version npm serves too`);
  }
  await tsApp(step, where, `typescript-${version}`, version);
}
