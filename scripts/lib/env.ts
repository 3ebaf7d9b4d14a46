/**
 * What the distribution stage and the release round trip share about their surroundings: the repository root, the
 * environment every tool runs with, a cache directory per checkout, the tools that must be installed, small readers.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository (scripts/lib/ is two levels down). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** An executable of the repository's own node_modules (what `npx <name>` runs, without npx's start-up). */
export function bin(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

/** ts-node as the projen tasks run it, for a script of this repository. */
export function tsNode(script: string, ...args: string[]): [string, string[]] {
  return [bin('ts-node'), ['--transpile-only', '--project', path.join(ROOT, 'tsconfig.dev.json'), script, ...args]];
}

export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

/** `${TMPDIR:-/tmp}/<prefix>-<first 8 hex digits of md5(ROOT)>` (the bash scripts' cache directories, same names). */
export function cacheDir(prefix: string): string {
  return path.join(os.tmpdir(), `${prefix}-${createHash('md5').update(ROOT).digest('hex').slice(0, 8)}`);
}

/** The environment both stages export: quiet tools, Go modules resolved from the network, no AWS account. */
export function setToolEnv(extra: Record<string, string> = {}): void {
  const env = process.env;
  env.JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION = env.JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION || '20';
  env.JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION = '1';
  env.PYTHONDONTWRITEBYTECODE = '1';
  env.PIP_DISABLE_PIP_VERSION_CHECK = '1';
  env.GOFLAGS = env.GOFLAGS ? `${env.GOFLAGS} -mod=mod` : '-mod=mod';
  env.MAVEN_OPTS = `${env.MAVEN_OPTS ?? ''} -XX:+TieredCompilation -XX:TieredStopAtLevel=1`;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  for (const name of ['CDK_DEFAULT_ACCOUNT', 'CDK_DEFAULT_REGION', 'CDK_CONTEXT_JSON', 'CDK_OUTDIR']) delete env[name];
  Object.assign(env, extra);
}

/** The first missing tool of the list, if any (what `command -v` does). */
export function missingTool(tools: string[]): string | undefined {
  return tools.find((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
}

/** A command's stdout (trimmed), or '' when it fails: for version strings and settings read outside any step. */
export function capture(cmd: string, args: string[], cwd = ROOT): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf-8' });
  return r.status === 0 ? `${r.stdout}`.trim() : '';
}

/** `<n> KiB` of a file's size, rounded. */
export function kib(file: string): string {
  return `${(fs.statSync(file).size / 1024).toFixed(0)} KiB`;
}

/** `du -sk`: the disk usage of a directory in KiB. */
export function duKib(dir: string): string {
  return capture('du', ['-sk', dir]).split('\t')[0];
}

/** Every file under a directory (what `find <dir> -type f` lists). */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as any).path, e.name));
}

/** The only file of a directory whose name ends with the suffix (`ls <dir>/*<suffix>`); throws when not exactly one. */
export function onlyFile(dir: string, suffix: string): string {
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)) : [];
  if (found.length !== 1) throw new Error(`expected one *${suffix} in ${dir}, found ${found.length}`);
  return path.join(dir, found[0]);
}

/** Whether any file under the paths is newer than the file (`find <paths> -newer <file> -print -quit`). */
export function anyNewer(paths: string[], than: string): boolean {
  const limit = fs.statSync(than).mtimeMs;
  return paths.some((p) => {
    const stat = fs.statSync(p);
    if (stat.mtimeMs > limit) return true;
    return stat.isDirectory() && fs.readdirSync(p, { recursive: true }).some((f) => fs.statSync(path.join(p, `${f}`)).mtimeMs > limit);
  });
}

/** Seconds since a start time (performance.now()), with one decimal, as the summaries print them. */
export function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}
