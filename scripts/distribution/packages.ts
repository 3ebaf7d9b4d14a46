/**
 * The distribution stage's build steps: jsii compile, jsii-rosetta, jsii-pacmak per language (dist/<lang>), and the
 * npm tarball's contents.
 */
import * as fs from 'fs';
import * as path from 'path';
import { M2, mavenRegisterCdk } from '../lib/consumers';
import { anyNewer, bin, duKib, filesUnder, kib, onlyFile, readJson, ROOT, tsNode } from '../lib/env';
import { Step } from '../lib/steps';

const PKG = readJson(path.join(ROOT, 'package.json'));
export const VERSION: string = PKG.version;
export const GO_PACKAGE: string = PKG.jsii.targets.go.packageName;
export const GO_MODULE = `${PKG.jsii.targets.go.moduleName}/${GO_PACKAGE}`;
export const JAVA_DIR = path.join(ROOT, 'dist/java/io/numinia/cdk-baseline', VERSION);

const pacmak = (step: Step, ...args: string[]) => step.run(bin('jsii-pacmak'), ['-v', '--force', '--no-npmignore', ...args], { cwd: ROOT });

/** npx projen compile, only when .jsii is missing or older than src/, README.md or package.json. */
export async function compile(step: Step): Promise<void> {
  const jsii = path.join(ROOT, '.jsii');
  if (process.env.DISTRIBUTION_COMPILE !== 'always' && fs.existsSync(jsii) && fs.existsSync(path.join(ROOT, 'lib/index.js'))
    && !anyNewer(['src', 'README.md', 'package.json'].map((p) => path.join(ROOT, p)), jsii)) {
    step.log('lib/ and .jsii are newer than src/, README.md and package.json: not recompiling');
    step.note('up to date, not recompiled');
    return;
  }
  await step.run(bin('projen'), ['compile'], { cwd: ROOT });
}

export async function rosetta(step: Step): Promise<void> {
  await step.run('bash', [path.join(ROOT, 'scripts/distribution/rosetta.sh')], { cwd: ROOT });
  const snippets = Object.values(readJson(path.join(ROOT, '.jsii.tabl.json')).snippets) as Array<{ didCompile?: boolean }>;
  step.note(`${snippets.filter((s) => s.didCompile).length} of ${snippets.length} TypeScript snippets compile (strict)`);
}

export async function packageJs(step: Step): Promise<void> {
  await pacmak(step, '--target', 'js');
  const tgz = onlyFile(path.join(ROOT, 'dist/js'), '.jsii.tgz');
  step.note(`${path.basename(tgz)} ${kib(tgz)}`);
}

export async function packagePython(step: Step): Promise<void> {
  await pacmak(step, '--target', 'python');
  const whl = onlyFile(path.join(ROOT, 'dist/python'), '.whl');
  const sdist = onlyFile(path.join(ROOT, 'dist/python'), '.tar.gz');
  step.note(`${path.basename(whl)} ${kib(whl)}, sdist ${kib(sdist)}`);
}

export async function packageJava(step: Step): Promise<void> {
  fs.mkdirSync(M2, { recursive: true });
  await mavenRegisterCdk(step);
  await pacmak(step, '--target', 'java', '--maven-local-repository', M2);
  const jar = path.join(JAVA_DIR, `cdk-baseline-${VERSION}.jar`);
  if (!fs.existsSync(jar)) throw new Error(`no ${jar}`);
  const pom = fs.readFileSync(jar.replace(/\.jar$/, '.pom'), 'utf-8');
  const cdk = /<artifactId>aws-cdk-lib<\/artifactId>\s*<version>(.*)<\/version>/.exec(pom)?.[1] ?? '';
  step.note(`${path.basename(jar)} ${kib(jar)} (+ sources, javadoc, pom in dist/java); its pom: aws-cdk-lib ${cdk}`);
}

export async function packageGo(step: Step): Promise<void> {
  await pacmak(step, '--target', 'go');
  const dir = path.join(ROOT, 'dist/go', GO_PACKAGE);
  if (!fs.existsSync(path.join(dir, 'go.mod'))) throw new Error(`no dist/go/${GO_PACKAGE}/go.mod`);
  step.note(`module ${GO_MODULE}: ${filesUnder(dir).length} files, ${duKib(dir)} KiB (source; built with go build ./...)`);
}

export async function packageDotnet(step: Step): Promise<void> {
  await pacmak(step, '--code-only', '--target', 'dotnet');
  await step.run(...tsNode(path.join(ROOT, 'scripts/distribution/check-dotnet.ts'), '.jsii', 'dist/dotnet'), { cwd: ROOT });
  const dir = path.join(ROOT, 'dist/dotnet');
  step.note(`generated only: ${filesUnder(dir).filter((f) => f.endsWith('.cs')).length} C# files, ${duKib(dir)} KiB; not compiled`);
}

export async function npmPack(step: Step, out: string): Promise<void> {
  const report = path.join(out, 'npm-pack.json');
  await step.run(...tsNode(path.join(ROOT, 'scripts/distribution/check-npm-pack.ts'), onlyFile(path.join(ROOT, 'dist/js'), '.jsii.tgz'), report), { cwd: ROOT });
  const r = readJson(report);
  step.note(`${r.files} files, ${(r.tarballBytes / 1024).toFixed(0)} KiB packed, ${(r.unpackedBytes / 1024).toFixed(0)} KiB unpacked: ${Object.keys(r.byTop).join(' ')}`);
}
