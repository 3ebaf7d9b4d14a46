/**
 * After each publication: every consumer installs (or upgrades to) the release, the TypeScript app is synthesized
 * again with each other aws-cdk-lib version a consumer ran with (its reference), and every language's template must
 * equal the TypeScript one at the same aws-cdk-lib (scripts/distribution/compare-templates.ts). At the end: jsii-diff
 * between the two published npm packages, the upgrade check from A to B, and B's release notes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Context, GO_MODULE, PACKAGE_NAME } from './context';
import { goConsumer, javaConsumer, Mode, pythonConsumer, tsConsumer } from './install';
import { TEMPLATE } from '../../lib/consumers';
import { bin, readJson, ROOT, tsNode } from '../../lib/env';
import { Runner, Step } from '../../lib/steps';

/** Every language at version `v` (built in `rel`), then the TypeScript references, then the comparison. */
export async function consumers(runner: Runner, ctx: Context, mode: Mode, v: string, rel: string, tag: string): Promise<void> {
  const r = ctx.range;
  const id = (name: string) => `${mode}:${tag}:${name}`;
  const publish = [`publish:${tag}`];
  ctx.cdk.clear();
  await runner.run(id('typescript'), `TypeScript consumer: ${mode === 'install' ? `npm install ${PACKAGE_NAME}@${r.npm}` : 'npm update'}`, publish,
    (s) => tsConsumer(s, ctx, 'typescript', '', mode, v, rel));
  await runner.run(id('python'), `Python consumer: pip install ${mode === 'upgrade' ? '-U ' : ''}'numinia-cdk-baseline${r.pip}'`, publish,
    (s) => pythonConsumer(s, ctx, mode, v, rel));
  await runner.run(id('java'), `Java consumer: io.numinia:cdk-baseline:${r.maven}${mode === 'upgrade' ? ', mvn -U' : ''}`, publish,
    (s) => javaConsumer(s, ctx, mode, v, rel));
  await runner.run(id('go'), `Go consumer: ${mode === 'install' ? `go get ${GO_MODULE}@${r.go}` : `go get ${GO_MODULE} (upgrade)`}`, publish,
    (s) => goConsumer(s, ctx, mode, v));
  const tsCdk = ctx.cdk.get('typescript');
  const refs = [...new Set(['python', 'java', 'go'].map((l) => ctx.cdk.get(l)))].filter((c): c is string => !!c && c !== tsCdk).sort();
  for (const ref of refs) {
    const fresh = mode === 'install' || !fs.existsSync(path.join(ctx.cache, `typescript-${ref}/node_modules`, PACKAGE_NAME));
    await runner.run(id(`reference-${ref}`), `TypeScript app with aws-cdk-lib ${ref} (reference)${fresh ? '' : ': npm update'}`, [id('typescript')],
      (s) => tsConsumer(s, ctx, `typescript-${ref}`, ref, fresh ? 'install' : 'upgrade', v, rel));
  }
  await runner.run(`compare:${v}`, `templates of every language at ${v} vs TypeScript`, ['typescript', 'python', 'java', 'go'].map(id),
    async (s) => {
      const results = path.join(ctx.out, v, 'compare.json');
      await s.run(...tsNode(path.join(ROOT, 'scripts/distribution/compare-templates.ts'), path.join(ctx.out, v), results), { cwd: ROOT });
      s.note((readJson(results) as Array<{ language: string; status: string }>).map((x) => `${x.language} ${x.status}`).join(', '));
    });
}

/** Not required (B may change the template), recorded: did the upgrade change the TypeScript template? */
export async function sameTemplate(step: Step, ctx: Context, a: string, b: string): Promise<void> {
  const [ta, tb] = [a, b].map((v) => fs.readFileSync(path.join(ctx.out, v, 'typescript', TEMPLATE)));
  step.note(ta.equals(tb) ? 'identical' : 'differs (see the upgrade check)');
}

/** jsii-diff fetches both packages with `npm install`: through the consumers' scoped registry setting. */
export async function jsiiDiff(step: Step, ctx: Context, a: string, b: string): Promise<void> {
  const ignore = path.join(ctx.tmp, 'b/.compatignore');
  await step.run(bin('jsii-diff'), [`npm:${PACKAGE_NAME}@${a}`, `npm:${PACKAGE_NAME}@${b}`, '--experimental-errors', '--keys',
    ...(fs.existsSync(ignore) ? ['--ignore-file', ignore] : [])], { cwd: ROOT, env: { NPM_CONFIG_USERCONFIG: path.join(ctx.tmp, 'consumer.npmrc') } });
  step.note(`npm:${a} -> npm:${b}: no breaking change (--experimental-errors)`);
}

/** scripts/release/upgrade-check.ts of release B, from A as Verdaccio serves it (jsii-diff is its own step). */
export async function upgradeCheck(step: Step, ctx: Context, a: string): Promise<void> {
  const out = path.join(ctx.out, 'upgrade-check');
  await step.run(bin('ts-node'), ['--transpile-only', '--project', 'tsconfig.dev.json', 'scripts/release/upgrade-check.ts', a, '--out', out, '--no-jsii-diff'],
    { cwd: path.join(ctx.tmp, 'b'), env: { NPM_CONFIG_USERCONFIG: path.join(ctx.tmp, 'consumer.npmrc') } });
  const r = readJson(path.join(out, 'report.json')) as { results: Array<{ status: string }>; api?: { status: string } };
  step.note(`${r.results.filter((x) => x.status === 'PASS').length}/${r.results.length} configurations pass, API ${r.api ? r.api.status : 'not checked'}`);
}

/** B's release notes: the section `bump` writes on what the upgrade from A does to the default template. */
export async function releaseNotes(step: Step, ctx: Context, a: string, b: string): Promise<void> {
  // sed -n '/^### Infrastructure changes on upgrade/,/^## /p', without the next release's heading
  const lines = fs.readFileSync(path.join(ctx.tmp, 'b/dist/changelog.md'), 'utf-8').split(/(?<=\n)/);
  const from = lines.findIndex((l) => l.startsWith('### Infrastructure changes on upgrade'));
  const to = from < 0 ? from : lines.findIndex((l, i) => i > from && l.startsWith('## '));
  const section = from < 0 ? '' : lines.slice(from, to < 0 ? undefined : to).join('');
  fs.writeFileSync(path.join(ctx.out, 'release-notes-B.md'), section);
  step.log(section);
  if (!section.split('\n').some((l) => l.startsWith(`Upgrading from v${a} to v${b}`))) {
    throw new Error(`no "Upgrading from v${a} to v${b}" in B's release notes`);
  }
  // The npm package carries the release's notes as CHANGELOG.md (bump copies them), for `npm view`/node_modules readers.
  const tarball = fs.readdirSync(path.join(ctx.tmp, 'b/dist/js')).find((f) => f.endsWith('.tgz'));
  const shipped = tarball === undefined ? ''
    : await step.out('tar', ['-xzOf', path.join(ctx.tmp, 'b/dist/js', tarball), 'package/CHANGELOG.md']).catch(() => '');
  if (shipped.trim() !== fs.readFileSync(path.join(ctx.tmp, 'b/dist/changelog.md'), 'utf-8').trim()) {
    throw new Error(`B's npm package (${tarball ?? 'no tarball'}) does not carry its release notes as CHANGELOG.md`);
  }
  fs.copyFileSync(path.join(ctx.tmp, 'a/dist/changelog.md'), path.join(ctx.out, 'changelog-A.md'));
  fs.copyFileSync(path.join(ctx.tmp, 'b/dist/changelog.md'), path.join(ctx.out, 'changelog-B.md'));
  step.note(section.split('\n').map((l) => /^Upgrading from .*does\): (.*)$/.exec(l)?.[1]).filter((x) => x !== undefined).join('\n'));
}
