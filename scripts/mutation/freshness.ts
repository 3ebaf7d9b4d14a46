/**
 * Whether a group's committed results (test/mutation/incremental/<group>.json) still describe the working copy: the
 * sources and tests they were measured on, compared with the files on disk.
 *
 * CI reruns every mutant whose code or tests changed since; on 2 cores a mutant costs up to a minute (each test
 * synthesizes a baseline), so results left stale after a change can take CI past its 90 minutes. `--measured` checks
 * first and fails at once, naming the group and the command, rather than running out of time.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MutationGroup } from './groups';

interface Results {
  readonly files: Record<string, { readonly source: string; readonly mutants: unknown[] }>;
  readonly testFiles?: Record<string, { readonly source?: string }>;
}

function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(.*/)?').replace(/\*/g, '[^/]*');
  return new RegExp(`^${source}$`);
}

function listFiles(root: string, dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

/** The test files a group runs, as its globs select them from test/. */
export function groupTests(root: string, group: MutationGroup): string[] {
  const include = group.tests.filter((g) => !g.startsWith('!')).map(globToRegExp);
  const exclude = group.tests.filter((g) => g.startsWith('!')).map((g) => globToRegExp(g.slice(1)));
  return listFiles(root, 'test').filter((f) => include.some((re) => re.test(f)) && !exclude.some((re) => re.test(f))).sort();
}

/** What changed since the group's results were measured: one line per file, empty when they are current. */
export function staleness(root: string, group: MutationGroup, resultsFile: string): string[] {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results;
  const read = (file: string) => (fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : undefined);
  const problems: string[] = [];
  for (const [file, { source, mutants }] of Object.entries(results.files)) {
    const current = read(file);
    if (current !== source) {
      problems.push(`${file} (${mutants.length} mutants) ${current === undefined ? 'is gone' : 'changed'}`);
    }
  }
  const measuredTests = results.testFiles ?? {};
  for (const [file, { source }] of Object.entries(measuredTests)) {
    // Stryker keeps no source for a test file when its runner reports none; such a file cannot be compared.
    if (source !== undefined && read(file) !== source) {
      problems.push(`${file} (a test) ${read(file) === undefined ? 'is gone' : 'changed'}`);
    }
  }
  for (const file of groupTests(root, group).filter((f) => !(f in measuredTests))) {
    problems.push(`${file} (a test) is new to the group`);
  }
  return problems;
}
