/**
 * Check what the npm tarball holds: the compiled library (lib/*.js, lib/*.d.ts), the jsii assembly (.jsii), API.md,
 * README.md, LICENSE, package.json and the fleet file's JSON Schema (schema/fleet.schema.json); optionally the rosetta translations (.jsii.tabl.json)
 * and a release's notes (CHANGELOG.md); nothing else (no src/,
 * test/, examples/, scripts/, virtualenvs, CI or tool files).
 *
 * Usage: ts-node scripts/distribution/check-npm-pack.ts <tarball> [<report.json>]
 * Prints the size and the content by top-level entry; exits 1 on a missing or an unexpected file.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';

const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'API.md', '.jsii', 'lib/index.js', 'lib/index.d.ts', 'schema/fleet.schema.json'];
const ALLOWED: RegExp[] = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^API\.md$/,
  /^\.jsii$/,
  /^\.jsii\.tabl\.json$/,
  /^lib\/.+\.(js|d\.ts)$/,
  // The fleet file's JSON Schema, for editors: `"$schema": "./node_modules/@numinia/cdk-baseline/schema/fleet.schema.json"`.
  /^schema\/fleet\.schema\.json$/,
  // A release's notes (bump copies dist/changelog.md): present in a release's package only.
  /^CHANGELOG\.md$/,
];
const FORBIDDEN_DIRS = ['src/', 'test/', 'examples/'];

function main(): number {
  const [tarball, reportFile] = process.argv.slice(2);
  if (!tarball || !fs.existsSync(tarball)) {
    console.error(`usage: check-npm-pack.ts <tarball> [<report.json>] (got ${tarball ?? 'nothing'})`);
    return 2;
  }
  const listing = execFileSync('tar', ['-tzvf', tarball], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  const files: Array<{ path: string; size: number }> = [];
  for (const line of listing.split('\n').filter((l) => l.trim() !== '')) {
    // -rw-r--r-- 0/0  1234 1985-10-26 08:15 package/lib/index.js
    const fields = line.trim().split(/\s+/);
    const name = fields.slice(5).join(' ');
    if (line.startsWith('d')) continue;
    files.push({ path: name.replace(/^package\//, ''), size: Number(fields[2]) });
  }

  const paths = new Set(files.map((f) => f.path));
  const missing = REQUIRED.filter((p) => !paths.has(p));
  const forbidden = files.filter((f) => FORBIDDEN_DIRS.some((d) => f.path.startsWith(d))).map((f) => f.path);
  const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f.path))).map((f) => f.path);

  const byTop = new Map<string, { files: number; bytes: number }>();
  for (const f of files) {
    const top = f.path.includes('/') ? `${f.path.split('/')[0]}/` : f.path;
    const entry = byTop.get(top) ?? { files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += f.size;
    byTop.set(top, entry);
  }
  const tarballBytes = fs.statSync(tarball).size;
  const unpackedBytes = files.reduce((sum, f) => sum + f.size, 0);

  console.log(`npm tarball ${tarball}: ${(tarballBytes / 1024).toFixed(1)} KiB packed, `
    + `${(unpackedBytes / 1024).toFixed(1)} KiB unpacked, ${files.length} files`);
  for (const [top, entry] of [...byTop.entries()].sort()) {
    console.log(`  ${top.padEnd(24)} ${String(entry.files).padStart(5)} file(s) ${(entry.bytes / 1024).toFixed(1).padStart(9)} KiB`);
  }
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
  if (forbidden.length > 0) problems.push(`from src/, test/ or examples/: ${summarize(forbidden)}`);
  const other = unexpected.filter((p) => !forbidden.includes(p));
  if (other.length > 0) problems.push(`not expected in the package (add to .npmignore): ${summarize(other)}`);
  problems.push(...copyleftProblems(tarball, files.map((f) => f.path)));
  for (const p of problems) console.log(`  FAIL ${p}`);
  if (problems.length === 0) console.log('  PASS lib/, .jsii, API.md, README.md, LICENSE, package.json, schema/fleet.schema.json and nothing else');

  if (reportFile) {
    const report = {
      tarball,
      tarballBytes,
      unpackedBytes,
      files: files.length,
      byTop: Object.fromEntries(byTop),
      missing,
      forbidden,
      unexpected,
    };
    fs.writeFileSync(reportFile, JSON.stringify(report, undefined, 2) + '\n');
  }
  return problems.length === 0 ? 0 : 1;
}

/**
 * Dev-only tools with a copyleft licence (the IAM simulator of the authorization contracts is AGPL-3.0) must never
 * reach the package: not as a dependency of any kind in its package.json, and not required by its code.
 */
function copyleftProblems(tarball: string, paths: string[]): string[] {
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf-8' }));
  const own = JSON.parse(fs.readFileSync('package.json', 'utf-8'));
  const copyleft = Object.keys(own.devDependencies ?? {}).filter((name) => {
    const installed = `node_modules/${name}/package.json`;
    return fs.existsSync(installed) && /GPL/i.test(String(JSON.parse(fs.readFileSync(installed, 'utf-8')).license ?? ''));
  });
  if (!copyleft.includes('@cloud-copilot/iam-simulate')) {
    return ['the copyleft check found no AGPL dev dependency: it no longer sees @cloud-copilot/iam-simulate (moved or relicensed?)'];
  }
  const declared = ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundledDependencies', 'bundleDependencies']
    .flatMap((field) => (Array.isArray(manifest[field]) ? manifest[field] : Object.keys(manifest[field] ?? {})));
  const problems = copyleft.filter((name) => declared.includes(name)).map((name) => `copyleft dev dependency ${name} is a dependency of the package`);
  const code = paths.filter((p) => p.endsWith('.js'));
  const lib = execFileSync('tar', ['-xzOf', tarball, ...code.map((p) => `package/${p}`)], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  for (const name of copyleft.filter((n) => lib.includes(n))) {
    problems.push(`the package's code refers to the copyleft dev dependency ${name}`);
  }
  if (problems.length === 0) {
    console.log(`  PASS no copyleft dev dependency (${copyleft.join(', ')}) is a dependency of the package or used by its code`);
  }
  return problems;
}

/** The offending paths, grouped by top-level directory when there are many. */
function summarize(paths: string[]): string {
  const groups = new Map<string, number>();
  for (const p of paths) {
    const top = p.includes('/') ? `${p.split('/')[0]}/` : p;
    groups.set(top, (groups.get(top) ?? 0) + 1);
  }
  return [...groups.entries()].map(([top, n]) => (top.endsWith('/') ? `${top} (${n} file(s))` : top)).join(', ');
}

if (require.main === module) {
  process.exitCode = main();
}
