/**
 * The summary both stages end with: one line per step (status, id, seconds, detail) on the console and as a Markdown
 * table in <out>/summary.md, the total time, and the failed steps.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Runner } from './steps';

export interface SummaryOptions {
  /** The Markdown heading, e.g. `Distribution check (<date>, package version 1.2.3)`. */
  readonly title: string;
  /** `Distribution summary`, `Round-trip summary`. */
  readonly caption: string;
  /** `distribution`, `round trip`: the prefix of the last lines. */
  readonly name: string;
  readonly root: string;
  readonly file: string;
  /** The width of the step id column. */
  readonly idWidth: number;
  readonly total: string;
}

/** The UTC time as `date -u +%Y-%m-%dT%H:%M:%SZ` prints it. */
export function utcNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Prints and writes the summary; returns the number of failed steps. */
export function printSummary(runner: Runner, options: SummaryOptions): number {
  const rows = runner.order.map((id) => ({
    id,
    status: runner.status.get(id) ?? 'FAIL',
    took: runner.took.get(id) ?? '0',
    note: runner.notes.get(id) ?? '',
  }));
  fs.writeFileSync(options.file, [
    `# ${options.title}`,
    '',
    '| step | result | seconds | detail |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.id} | ${r.status} | ${r.took} | ${r.note} |`),
    '',
    `Total: ${options.total} s`,
    '',
  ].join('\n'));
  console.log(`\n${options.caption} (also in ${path.relative(options.root, options.file)}):`);
  for (const r of rows) {
    console.log(`  ${r.status.padEnd(4)} ${r.id.padEnd(options.idWidth)} ${r.took.padStart(7)} s  ${r.note}`);
  }
  console.log(`  total ${options.total} s`);
  const broken = rows.filter((r) => r.status !== 'PASS').map((r) => r.id);
  if (broken.length > 0) console.log(`${options.name}: FAILED: ${broken.join(' ')}`);
  console.log(`${options.name}: ${rows.length - broken.length} passed, ${broken.length} failed`);
  return broken.length;
}
