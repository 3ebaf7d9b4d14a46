/**
 * Releases A and B: A is a clone of HEAD, B a clone of A with an empty `feat:` commit on top. Each is versioned by the
 * project's own `npx projen bump`, compiled with jsii and packaged with jsii-pacmak (js, python, java, go); B's
 * release notes (dist/changelog.md) carry what the upgrade from A does to the default template.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Context, GO_PACKAGE } from './context';
import { M2, mavenRegisterCdk } from '../../lib/consumers';
import { anyNewer, bin, ROOT } from '../../lib/env';
import { Step } from '../../lib/steps';

/** Bumps and builds the clone in `dir`; returns the version. */
async function buildRelease(step: Step, dir: string): Promise<string> {
  const git = (...args: string[]) => step.out('git', args, { cwd: dir });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  // The release scripts as in the working copy (they may not be committed yet); src/ is the commit's.
  fs.rmSync(path.join(dir, 'scripts/release'), { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'scripts/release'), path.join(dir, 'scripts/release'), { recursive: true, preserveTimestamps: true });
  const latest = await git('describe', '--tags', '--abbrev=0', '--match', 'v[0-9]*').catch(() => '');
  step.log(`latest tag: ${latest || 'none (first release)'}`);
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  await step.run(bin('projen'), ['bump'], { cwd: dir });
  const version = fs.readFileSync(path.join(dir, 'dist/version.txt'), 'utf-8').trim();
  step.log(`bumped to ${version}; release notes:`, fs.readFileSync(path.join(dir, 'dist/changelog.md'), 'utf-8'));
  // The release-notes step of bump has compiled the bumped working copy already, unless nothing was newer.
  const jsii = path.join(dir, '.jsii');
  if (!fs.existsSync(jsii) || anyNewer(['src', 'README.md', 'package.json'].map((p) => path.join(dir, p)), jsii)) {
    await step.run(bin('projen'), ['compile'], { cwd: dir });
  }
  fs.mkdirSync(M2, { recursive: true });
  await mavenRegisterCdk(step);
  await step.run(bin('jsii-pacmak'), ['-v', '--force', '--no-npmignore', '--target', 'js', '--target', 'python', '--target', 'java',
    '--target', 'go', '--maven-local-repository', M2], { cwd: dir });
  await step.run('ls', ['-l', 'dist/js', 'dist/python', `dist/java/io/numinia/cdk-baseline/${version}`, `dist/go/${GO_PACKAGE}/go.mod`], { cwd: dir });
  step.note(`${version}, ${(await git('log', '--oneline', '-1')).slice(0, 60)}`);
  return version;
}

export async function buildA(step: Step, ctx: Context): Promise<void> {
  const a = path.join(ctx.tmp, 'a');
  await step.run('git', ['clone', '--quiet', ROOT, a]);
  await step.run('git', ['-C', a, 'remote', 'remove', 'origin']); // nothing can be pushed from here
  await buildRelease(step, a);
}

export async function buildB(step: Step, ctx: Context): Promise<void> {
  const b = path.join(ctx.tmp, 'b');
  await step.run('git', ['clone', '--quiet', path.join(ctx.tmp, 'a'), b]);
  await step.run('git', ['-C', b, 'remote', 'remove', 'origin']);
  await step.run('git', ['-c', 'user.email=round-trip@example.invalid', '-c', 'user.name=release round trip', 'commit', '--quiet',
    '--allow-empty', '-m', 'feat: release round trip, the second release'], { cwd: b });
  await buildRelease(step, b);
}
