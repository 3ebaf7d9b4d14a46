import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { groupTests, staleness } from '../../scripts/mutation/freshness';
import { MUTATION_GROUPS } from '../../scripts/mutation/groups';

/** A repository in miniature: a group's source and tests, and the results Stryker committed for them. */
function repository(files: Record<string, string>, results: object): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'freshness-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  fs.writeFileSync(path.join(root, 'results.json'), JSON.stringify(results));
  return root;
}

const group = { name: 'area', mutate: ['src/area/**/*.ts'], tests: ['test/area/*.test.ts', '!test/area/slow.test.ts'] };
const measured = {
  files: { 'src/area/a.ts': { source: 'export const a = 1;\n', mutants: [{}, {}] } },
  testFiles: { 'test/area/a.test.ts': { source: 'test a' }, 'test/area/b.test.ts': {} },
};

describe('freshness of the committed mutation results', () => {
  test('the files as measured: current', () => {
    const root = repository({ 'src/area/a.ts': 'export const a = 1;\n', 'test/area/a.test.ts': 'test a', 'test/area/b.test.ts': 'test b', 'test/area/slow.test.ts': 'x' }, measured);
    expect(staleness(root, group, path.join(root, 'results.json'))).toEqual([]);
  });

  test('a changed source, a changed test, a test new to the group: each named; a test left out by "!" is not', () => {
    const root = repository({
      'src/area/a.ts': 'export const a = 2;\n',
      'test/area/a.test.ts': 'test a, changed',
      'test/area/b.test.ts': 'test b',
      'test/area/c.test.ts': 'test c',
      'test/area/slow.test.ts': 'x',
    }, measured);
    expect(staleness(root, group, path.join(root, 'results.json'))).toEqual([
      'src/area/a.ts (2 mutants) changed',
      'test/area/a.test.ts (a test) changed',
      'test/area/c.test.ts (a test) is new to the group',
    ]);
  });

  test('a source or test that is gone', () => {
    const root = repository({ 'test/area/b.test.ts': 'test b' }, measured);
    expect(staleness(root, group, path.join(root, 'results.json'))).toEqual(['src/area/a.ts (2 mutants) is gone', 'test/area/a.test.ts (a test) is gone']);
  });

  test('the real groups\' globs select the real test files, with their exclusions', () => {
    const fleet = MUTATION_GROUPS.find((g) => g.name === 'fleet')!;
    const tests = groupTests(path.resolve(__dirname, '..', '..'), fleet);
    expect(tests).toContain('test/fleet/fleet.test.ts');
    expect(tests).not.toContain('test/fleet/stackset-compliance.test.ts');
    expect(tests.every((t) => t.startsWith('test/fleet/'))).toBe(true);
  });
});
