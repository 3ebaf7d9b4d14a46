/**
 * The registries, started on free ports of 127.0.0.1 and stopped by process ID at exit, also on failure:
 *   npm    Verdaccio 6.8.0 (node_modules; storage, config and users in the temporary directory, no uplinks)
 *   PyPI   pypiserver (.venv, `npx projen install:python`); what it does not hold redirects to pypi.org
 *   Maven  a file:// repository that `mvn deploy:deploy-file` writes to
 *   Go     a GOPROXY directory in the module proxy layout (scripts/release/goproxy, golang.org/x/mod/zip)
 */
import * as fs from 'fs';
import * as path from 'path';
import { Context, VENV_BIN } from './context';
import { bin, readJson, ROOT } from '../../lib/env';
import { freePort } from '../../lib/ports';
import { startServer, waitHttp } from '../../lib/server';
import { Step } from '../../lib/steps';

// No uplinks: this registry holds only what is published to it; consumers get every other package from npmjs.org
// (their .npmrc sends only the @numinia scope here).
const verdaccioConfig = (tmp: string) => `storage: ${tmp}/verdaccio/storage
auth:
  htpasswd:
    file: ${tmp}/verdaccio/htpasswd
    max_users: 1
uplinks: {}
packages:
  '@numinia/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
log: { type: stdout, format: pretty, level: http }
`;

export async function startRegistries(step: Step, ctx: Context, logs: string): Promise<void> {
  const tmp = ctx.tmp;
  if (!fs.existsSync(path.join(VENV_BIN, 'pypi-server')) || !fs.existsSync(path.join(VENV_BIN, 'twine'))) {
    await step.run(bin('projen'), ['install:python'], { cwd: ROOT });
  }
  for (const d of ['verdaccio/storage', 'pypi', 'maven', 'goproxy', 'bin']) fs.mkdirSync(path.join(tmp, d), { recursive: true });

  let port = await freePort();
  fs.writeFileSync(path.join(tmp, 'verdaccio/config.yaml'), verdaccioConfig(tmp));
  const verdaccio = startServer('verdaccio', path.join(logs, 'verdaccio.server.log'), process.execPath,
    [path.join(ROOT, 'node_modules/verdaccio/bin/verdaccio'), '--config', path.join(tmp, 'verdaccio/config.yaml'), '--listen', `127.0.0.1:${port}`]);
  const npmUrl = `http://127.0.0.1:${port}/`;
  await waitHttp(`${npmUrl}-/ping`, verdaccio);
  // A user for publishing (what `npm adduser` does); its token goes into the publisher's own npmrc only.
  const res = await fetch(`${npmUrl}-/user/org.couchdb.user:release`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'release', password: 'round-trip-only' }),
  });
  if (!res.ok) throw new Error(`verdaccio: adding the publishing user: HTTP ${res.status}`);
  const token = ((await res.json()) as { token: string }).token;
  fs.writeFileSync(path.join(tmp, 'publisher.npmrc'), `//127.0.0.1:${port}/:_authToken=${token}\n`);
  // What a consumer repository commits: only the @numinia scope comes from our registry.
  fs.writeFileSync(path.join(tmp, 'consumer.npmrc'), `@numinia:registry=${npmUrl}\n`);
  step.log(`verdaccio ${readJson(path.join(ROOT, 'node_modules/verdaccio/package.json')).version} at ${npmUrl} (pid ${verdaccio.pid})`);

  port = await freePort();
  const pypiserver = startServer('pypiserver', path.join(logs, 'pypiserver.server.log'), path.join(VENV_BIN, 'pypi-server'),
    ['run', '-v', '-i', '127.0.0.1', '-p', `${port}`, '-a', '.', '-P', '.', '--fallback-url', 'https://pypi.org/simple/', path.join(tmp, 'pypi')]);
  const pypiUrl = `http://127.0.0.1:${port}`;
  await waitHttp(`${pypiUrl}/health`, pypiserver);
  step.log(`pypiserver ${await step.out(path.join(VENV_BIN, 'pypi-server'), ['--version'])} at ${pypiUrl} (pid ${pypiserver.pid})`);

  const goproxy = path.join(tmp, 'bin/goproxy');
  await step.run('go', ['build', '-o', goproxy, '.'], { cwd: path.join(ROOT, 'scripts/release/goproxy') });
  ctx.registries = { npmUrl, pypiUrl, mavenUrl: `file://${tmp}/maven`, goproxyDir: path.join(tmp, 'goproxy'), goproxy, verdaccio, pypiserver };
  step.log(`maven repository ${ctx.registries.mavenUrl}; GOPROXY directory ${ctx.registries.goproxyDir}`);
  step.note(`verdaccio pid ${verdaccio.pid} at ${npmUrl}, pypiserver pid ${pypiserver.pid} at ${pypiUrl}`);
}
