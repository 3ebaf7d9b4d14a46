import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * `npm pack` on a fresh clone (no lib/, no .jsii) would make a package without the library. The repository's
 * "prepack" (scripts/release/prepack-check.cjs) refuses then, and when src/ is newer than the compiled library, naming
 * the command to run. Judged on a copy of the package's own files: the repository's lib/ is left alone.
 */
const ROOT = path.resolve(__dirname, '..', '..');

describe('npm pack refuses a package without the compiled library', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepack-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const pack = () => spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  const write = (file: string, text: string, mtime: Date) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
    fs.utimesSync(path.join(dir, file), mtime, mtime);
  };

  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'prepack-probe', version: '0.0.0', scripts: { prepack: pkg.scripts.prepack } }));
    write('scripts/release/prepack-check.cjs', fs.readFileSync(path.join(ROOT, 'scripts/release/prepack-check.cjs'), 'utf8'), new Date());
    write('src/index.ts', 'export {};\n', new Date('2026-01-01T00:00:00Z'));
  });

  test('a fresh clone: refused, with the command to run', () => {
    expect(pkg.scripts.prepack).toBe('node scripts/release/prepack-check.cjs');
    const result = pack();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('npm pack: the library is not compiled (no lib/index.js or .jsii)');
    expect(result.stderr).toContain('Run `npm ci && npx projen compile` first, then pack again.');
  });

  test('compiled after the last change of src/: packed; src/ changed since: refused', () => {
    write('lib/index.js', '', new Date('2026-01-02T00:00:00Z'));
    write('.jsii', '{}', new Date('2026-01-02T00:00:00Z'));
    expect(pack().status).toBe(0);
    write('src/area/new.ts', 'export {};\n', new Date('2026-01-03T00:00:00Z'));
    const result = pack();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('npm pack: src/ changed after the last compile');
  });
});
