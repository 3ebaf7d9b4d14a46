/**
 * `npx projen mutation`: StrykerJS over src/, one file group at a time (groups.ts), each against its own tests.
 *
 *   npx projen mutation                      every group, incremental (only what changed since the committed results)
 *   npx projen mutation --group validation   one group (repeatable)
 *   npx projen mutation --changed [<ref>]    only the groups whose src/ or test files differ from <ref> (default HEAD~1)
 *   npx projen mutation --full               ignore the incremental files: test every mutant again
 *   npx projen mutation --measured           only the groups whose results are committed, and in them only the files
 *                                            those results hold (what CI runs); fails at once when those results were
 *                                            measured on other sources or tests than the working copy's (freshness.ts)
 *   npx projen mutation --group g --files f  only some files of a group (repeatable); their results join the group's
 *
 * Reports: reports/mutation/<group>/index.html and mutation.json (git-ignored), and a summary per file. Results are
 * kept in test/mutation/incremental/<group>.json (committed), so a re-run tests only the mutants whose code or tests
 * changed. Fails when a group scores below BREAK_THRESHOLD.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { staleness } from './freshness';
import { MUTATION_GROUPS, MutationGroup } from './groups';

const ROOT = path.resolve(__dirname, '..', '..');
const REPORTS = path.join(ROOT, 'reports', 'mutation');
const INCREMENTAL = path.join(ROOT, 'test', 'mutation', 'incremental');
/** The issue's bar: every file group at 85 % or more. */
const BREAK_THRESHOLD = 85;

interface Options { groups: string[]; files: string[]; changedSince?: string; full: boolean; measured: boolean }

function parseArgs(argv: string[]): Options {
  const options: Options = { groups: [], files: [], full: false, measured: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--group') {
      options.groups.push(argv[++i]);
    } else if (arg === '--changed') {
      options.changedSince = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'HEAD~1';
    } else if (arg === '--full') {
      options.full = true;
    } else if (arg === '--files') {
      options.files.push(argv[++i]);
    } else if (arg === '--measured') {
      options.measured = true;
    } else {
      throw new Error(`mutation: unknown argument ${arg}; expected --group <name>, --files <glob>, --changed [<ref>], --full or --measured`);
    }
  }
  const unknown = options.groups.filter((g) => !MUTATION_GROUPS.some((group) => group.name === g));
  if (unknown.length > 0) {
    throw new Error(`mutation: no group ${unknown.join(', ')}; the groups are ${MUTATION_GROUPS.map((g) => g.name).join(', ')}`);
  }
  return options;
}

/** The jest configuration of the project (package.json), narrowed to a group's tests and stripped of what only CI reads. */
function jestConfig(group: MutationGroup): Record<string, unknown> {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).jest as Record<string, unknown>;
  return {
    ...base,
    testMatch: group.tests.map((glob) => (glob.startsWith('!') ? `!<rootDir>/${glob.slice(1)}` : `<rootDir>/${glob}`)),
    collectCoverage: false,
    reporters: [],
  };
}

function strykerConfig(group: MutationGroup, full: boolean, resultsFile: string, files: string[]): Record<string, unknown> {
  return {
    $schema: '../../../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'jest',
    plugins: ['@stryker-mutator/jest-runner', path.join(__dirname, 'ignorers.cjs')],
    // Mutants no test of a group can judge, each with its reason (ignorers.cjs): reported as ignored, not hidden.
    ignorers: ['AcceptedFindings', 'PriceSources', 'AlarmDescriptionProse'],
    jest: { projectType: 'custom', config: jestConfig(group), enableFindRelatedTests: false },
    coverageAnalysis: 'perTest',
    mutate: files.length > 0 ? files : group.mutate,
    incremental: true,
    force: full,
    incrementalFile: path.relative(ROOT, resultsFile),
    reporters: ['html', 'json', 'progress'],
    htmlReporter: { fileName: path.relative(ROOT, path.join(REPORTS, group.name, 'index.html')) },
    jsonReporter: { fileName: path.relative(ROOT, path.join(REPORTS, group.name, 'mutation.json')) },
    thresholds: { high: 95, low: BREAK_THRESHOLD, break: BREAK_THRESHOLD },
    // Two cores: one test process per core.
    concurrency: 2,
    // A synthesis takes seconds; an infinite loop a mutant makes is the only thing the timeout is for.
    timeoutMS: 60_000,
    tempDirName: '.stryker-tmp',
    // The sandbox copies the repository: not the Python tools, the build outputs or the reports.
    ignorePatterns: [
      '.venv', 'cdk.out', '**/cdk.out', 'dist', 'lib', 'coverage', 'reports', 'test-reports', '.jsii', 'API.md', 'docs',
      'rosetta', '.diagram-preview', 'test/deploy', 'test/consumers', 'test/release', 'test/compliance/lint.test.ts',
      'test/fleet/stackset-compliance.test.ts',
    ],
  };
}

function incrementalFile(group: MutationGroup): string {
  return path.join(INCREMENTAL, `${group.name}.json`);
}

interface FileScore { file: string; killed: number; survived: number; noCoverage: number; timeout: number; ignored: number }

/** Scores per file from a Stryker JSON report: (killed + timed out) / (killed + timed out + survived + no coverage). */
function readScores(group: MutationGroup): FileScore[] {
  const report = JSON.parse(fs.readFileSync(path.join(REPORTS, group.name, 'mutation.json'), 'utf8'));
  return Object.entries<{ mutants: Array<{ status: string }> }>(report.files).map(([file, { mutants }]) => {
    const count = (status: string) => mutants.filter((m) => m.status === status).length;
    return {
      file: path.relative(ROOT, path.resolve(ROOT, file)),
      killed: count('Killed'),
      survived: count('Survived'),
      noCoverage: count('NoCoverage'),
      timeout: count('Timeout'),
      ignored: count('Ignored'),
    };
  }).sort((a, b) => a.file.localeCompare(b.file));
}

const detected = (s: FileScore) => s.killed + s.timeout;
const valid = (s: FileScore) => s.killed + s.timeout + s.survived + s.noCoverage;
const percent = (s: FileScore) => (valid(s) === 0 ? 100 : (100 * detected(s)) / valid(s));

function total(group: string, scores: FileScore[]): FileScore {
  const sum = (key: keyof Omit<FileScore, 'file'>) => scores.reduce((n, s) => n + s[key], 0);
  return { file: group, killed: sum('killed'), survived: sum('survived'), noCoverage: sum('noCoverage'), timeout: sum('timeout'), ignored: sum('ignored') };
}

function row(s: FileScore): string {
  return `${s.file.padEnd(48)} ${percent(s).toFixed(1).padStart(6)} %  ${String(detected(s)).padStart(4)} killed  `
    + `${String(s.survived).padStart(3)} survived  ${String(s.noCoverage).padStart(3)} no coverage  ${String(s.ignored).padStart(3)} ignored`;
}

function changedFiles(since: string): string[] {
  return execFileSync('git', ['diff', '--name-only', since, '--', 'src', 'test', 'scripts/mutation'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n').filter(Boolean);
}

function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(.*/)?').replace(/\*/g, '[^/]*');
  return new RegExp(`^${source}$`);
}

function touches(group: MutationGroup, files: string[]): boolean {
  const globs = [...group.mutate.filter((g) => !g.startsWith('!')), ...group.tests.filter((g) => !g.startsWith('!'))].map(globToRegExp);
  return files.some((file) => file.startsWith('scripts/mutation/') || globs.some((glob) => glob.test(file)));
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  let groups = MUTATION_GROUPS.filter((g) => options.groups.length === 0 || options.groups.includes(g.name));
  if (options.changedSince) {
    const files = changedFiles(options.changedSince);
    groups = groups.filter((g) => touches(g, files));
    console.log(`mutation: ${files.length} files changed since ${options.changedSince}; groups to run: ${groups.map((g) => g.name).join(', ') || 'none'}`);
  }
  if (options.measured) {
    const unmeasured = groups.filter((g) => !fs.existsSync(incrementalFile(g)));
    groups = groups.filter((g) => fs.existsSync(incrementalFile(g)));
    console.log(`mutation: groups with committed results: ${groups.map((g) => g.name).join(', ') || 'none'}`
      + (unmeasured.length > 0 ? `; not measured yet (a first run takes hours on 2 cores): ${unmeasured.map((g) => g.name).join(', ')}` : ''));
  }
  if (options.measured) {
    // Stale results would make CI rerun their mutants, up to a minute each on 2 cores: fail now, saying what to run.
    const stale = groups.map((g) => ({ group: g.name, problems: staleness(ROOT, g, incrementalFile(g)) })).filter((s) => s.problems.length > 0);
    if (stale.length > 0) {
      for (const { group, problems } of stale) {
        console.error(`mutation: the committed results of ${group} were measured on other files:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      }
      console.error(`mutation: FAIL: run ${stale.map(({ group }) => `\`npx projen mutation --group ${group}\``).join(', ')} `
        + 'and commit test/mutation/incremental/ (only the changed mutants run again)');
      process.exitCode = 1;
      return;
    }
  }
  fs.mkdirSync(INCREMENTAL, { recursive: true });
  const summary: string[] = [];
  const failing: string[] = [];
  for (const group of groups) {
    const started = Date.now();
    const dir = path.join(REPORTS, group.name);
    fs.mkdirSync(dir, { recursive: true });
    const configFile = path.join(dir, 'stryker.config.json');
    // CI reads the committed results and writes its own copy: the repository stays as committed (its final git diff).
    let resultsFile = incrementalFile(group);
    let files = options.files;
    if (options.measured) {
      resultsFile = path.join(dir, 'incremental.json');
      fs.copyFileSync(incrementalFile(group), resultsFile);
      // What was measured stays measured; a file never run yet would cost CI a first run (hours for some groups).
      files = Object.keys(JSON.parse(fs.readFileSync(resultsFile, 'utf8')).files);
    }
    // A run that dies must not leave the previous run's report to be read as its own.
    fs.rmSync(path.join(dir, 'mutation.json'), { force: true });
    fs.writeFileSync(configFile, JSON.stringify(strykerConfig(group, options.full, resultsFile, files), undefined, 2));
    console.log(`\nmutation: group ${group.name}: ${group.mutate.join(' ')} against ${group.tests.join(' ')}`);
    // aws-cdk-lib's built-in template validation reports findings only; no test of these groups reads them.
    const result = spawnSync('npx', ['stryker', 'run', path.relative(ROOT, configFile)], {
      cwd: ROOT, stdio: 'inherit', env: { ...process.env, CDK_VALIDATION: 'false' },
    });
    const seconds = Math.round((Date.now() - started) / 1000);
    if (!fs.existsSync(path.join(dir, 'mutation.json'))) {
      failing.push(group.name);
      summary.push(`${group.name}: Stryker produced no report (exit ${result.status}) after ${seconds} s`);
      continue;
    }
    const scores = readScores(group);
    const groupTotal = total(group.name, scores);
    if (percent(groupTotal) < BREAK_THRESHOLD || result.status !== 0) {
      failing.push(group.name);
    }
    summary.push(`group ${row(groupTotal)}  (${seconds} s)`, ...scores.map((s) => `  ${row(s)}`));
  }
  console.log(`\nmutation score per group and file (break below ${BREAK_THRESHOLD} %):\n${summary.join('\n')}`);
  if (failing.length > 0) {
    console.error(`mutation: FAIL: ${failing.join(', ')}`);
    process.exitCode = 1;
  }
}

main();
