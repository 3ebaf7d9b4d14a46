/**
 * What the distribution stage and the release round trip do alike with the consumer apps of test/consumers/: the
 * aws-cdk-lib registration Maven needs, the Python virtualenv, the consumer.json compare-templates.ts reads.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './env';
import { Step } from './steps';

export const CONSUMERS = path.join(ROOT, 'test', 'consumers');
export const TEMPLATE = 'cdk.out/numinia-production-baseline.template.json';
/** The local Maven repository (DISTRIBUTION_M2, default ~/.m2/repository). */
export const M2 = process.env.DISTRIBUTION_M2 || path.join(os.homedir(), '.m2', 'repository');
/** The Python consumer's virtualenv, shared by both stages (so that CI builds it once). */
export const VENV = path.join(CONSUMERS, 'python', '.venv');

/**
 * Maven Central, as reachable here, serves aws-cdk-lib jars up to 2.272.0 but its maven-metadata.xml lists versions
 * only up to 2.263.0, so the version range jsii-pacmak derives from the peer dependency (^2.269.0 -> [2.269.0,3.0.0))
 * matches nothing and the Java build fails ("No versions available"). Registering the aws-cdk-lib the Java consumer
 * pins as installed in the local repository (maven-metadata-local.xml) gives the range a version to resolve to. Where
 * Central's metadata is current, its newest version still wins, as it would without this.
 */
export async function mavenRegisterCdk(step: Step): Promise<void> {
  const pom = fs.readFileSync(path.join(CONSUMERS, 'java', 'pom.xml'), 'utf-8');
  const version = /<aws-cdk-lib\.version>(.*)<\/aws-cdk-lib\.version>/.exec(pom)?.[1];
  if (!version) throw new Error('no <aws-cdk-lib.version> in test/consumers/java/pom.xml');
  const meta = path.join(M2, 'software/amazon/awscdk/aws-cdk-lib/maven-metadata-local.xml');
  if (fs.existsSync(meta) && fs.readFileSync(meta, 'utf-8').includes(`<version>${version}</version>`)) return;
  step.log(`registering software.amazon.awscdk:aws-cdk-lib:${version} in ${M2} (maven-metadata-local.xml)`);
  const mvn = ['-B', '-q', `-Dmaven.repo.local=${M2}`];
  await step.run('mvn', [...mvn, 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get',
    `-Dartifact=software.amazon.awscdk:aws-cdk-lib:${version}`, '-Dtransitive=false']);
  const dir = path.join(M2, 'software/amazon/awscdk/aws-cdk-lib', version);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-m2-'));
  try {
    for (const ext of ['jar', 'pom']) fs.copyFileSync(path.join(dir, `aws-cdk-lib-${version}.${ext}`), path.join(tmp, `aws-cdk-lib-${version}.${ext}`));
    await step.run('mvn', [...mvn, 'org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file',
      `-Dfile=${tmp}/aws-cdk-lib-${version}.jar`, `-DpomFile=${tmp}/aws-cdk-lib-${version}.pom`]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The Python consumer's virtualenv, rebuilt when requirements.txt or constraints.txt change; returns its bin/. */
export async function pythonVenv(step: Step): Promise<string> {
  const src = path.join(CONSUMERS, 'python');
  const stamp = path.join(VENV, 'consumer-requirements.txt');
  const wanted = ['requirements.txt', 'constraints.txt'].map((f) => fs.readFileSync(path.join(src, f), 'utf-8')).join('');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf-8') !== wanted) {
    fs.rmSync(VENV, { recursive: true, force: true });
    await step.run('python3', ['-m', 'venv', VENV]);
    await step.run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '-r', path.join(src, 'requirements.txt'), '-c', path.join(src, 'constraints.txt')]);
    fs.writeFileSync(stamp, wanted);
  }
  return path.join(VENV, 'bin');
}

/** The version of a Python distribution installed in the virtualenv. */
export function pythonVersion(step: Step, name: string): Promise<string> {
  return step.out(path.join(VENV, 'bin', 'python'), ['-c', `import importlib.metadata as m; print(m.version("${name}"))`]);
}

/** The aws-cdk-lib version on a Java consumer's classpath (mvn dependency:build-classpath output). */
export function javaCdkVersion(classpathFile: string): string {
  const entries = fs.readFileSync(classpathFile, 'utf-8').trim().split(':');
  return entries.map((e) => /\/aws-cdk-lib\/([^/]*)\/aws-cdk-lib-.*\.jar$/.exec(e)?.[1]).filter((v) => v).join('\n');
}

export interface ConsumerRun {
  readonly language: string;
  readonly awsCdkLib: string;
  /** The library version installed (the round trip's consumers install by range). */
  readonly library?: string;
  readonly installSeconds: string;
  readonly synthSeconds: string;
}

/** Checks the consumer synthesized its template and writes <dir>/consumer.json for compare-templates.ts. */
export function writeConsumerJson(dir: string, run: ConsumerRun): void {
  if (!fs.existsSync(path.join(dir, TEMPLATE))) throw new Error(`no template in ${dir}/cdk.out`);
  const library = run.library === undefined ? '' : ` "library": "${run.library}",`;
  fs.writeFileSync(path.join(dir, 'consumer.json'),
    `{ "language": "${run.language}", "awsCdkLib": "${run.awsCdkLib}", "template": "${TEMPLATE}",${library}\n` +
    `  "installSeconds": ${run.installSeconds}, "synthSeconds": ${run.synthSeconds} }\n`);
}
