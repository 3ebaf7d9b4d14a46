/**
 * Publishing a release with each ecosystem's own command: npm publish, twine upload, mvn deploy:deploy-file, and for
 * Go the proxy files (the Go ecosystem has no upload: a proxy serves what a VCS tag holds).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Context, GO_MODULE, GO_PACKAGE, VENV_BIN } from './context';
import { M2 } from '../../lib/consumers';
import { Step } from '../../lib/steps';

/** Publishes the release built in `dir` (version `v`) to every registry. */
export async function publish(step: Step, ctx: Context, dir: string, v: string): Promise<void> {
  const reg = ctx.reg;
  await step.run('npm', ['publish', path.join(dir, `dist/js/cdk-baseline@${v}.jsii.tgz`), '--registry', reg.npmUrl,
    '--userconfig', path.join(ctx.tmp, 'publisher.npmrc')]);
  // PyPI: the wheel and the sdist
  const python = path.join(dir, 'dist/python');
  await step.run(path.join(VENV_BIN, 'twine'), ['upload', '--non-interactive', '--disable-progress-bar', '--repository-url',
    `${reg.pypiUrl}/`, '-u', 'release', '-p', 'unused', ...fs.readdirSync(python).sort().map((f) => path.join(python, f))]);
  // Maven: the jar with its pom, sources and javadoc
  const jar = path.join(dir, 'dist/java/io/numinia/cdk-baseline', v, `cdk-baseline-${v}`);
  await step.run('mvn', ['-B', '-q', `-Dmaven.repo.local=${M2}`, 'org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy-file',
    `-Durl=${reg.mavenUrl}`, '-DrepositoryId=numinia-round-trip', `-Dfile=${jar}.jar`, `-DpomFile=${jar}.pom`,
    `-Dsources=${jar}-sources.jar`, `-Djavadoc=${jar}-javadoc.jar`]);
  // Go
  await step.run(reg.goproxy, ['publish', reg.goproxyDir, path.join(dir, 'dist/go', GO_PACKAGE), `v${v}`]);

  const npmDoc = await (await fetch(`${reg.npmUrl}@numinia%2fcdk-baseline`)).json() as { versions: Record<string, unknown> };
  const simple = await (await fetch(`${reg.pypiUrl}/simple/numinia-cdk-baseline/`)).text();
  step.log(`published ${v}:`, Object.keys(npmDoc.versions).join(' '),
    ...[...new Set(simple.match(/numinia_cdk_baseline-[^"#<]*/g) ?? [])].sort(),
    fs.readFileSync(path.join(ctx.tmp, 'maven/io/numinia/cdk-baseline/maven-metadata.xml'), 'utf-8'),
    fs.readFileSync(path.join(reg.goproxyDir, GO_MODULE, '@v/list'), 'utf-8'));
  step.note(`npm publish, twine upload, mvn deploy:deploy-file, GOPROXY files: ${v}`);
}
