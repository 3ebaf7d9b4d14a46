/**
 * Run by fleet.ts in a fresh process: builds and synthesizes one fleet app, then prints its times and the process's
 * peak RSS. Usage: fleet-child.ts <stacks> <validation on|off> <pipeline yes|no>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildFleetApp } from './fleet-apps';

const stacks = Number(process.argv[2]);
const validation = process.argv[3] === 'on';
const pipeline = process.argv[4] === 'yes';
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-bench-fleet-'));
const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
try {
  const t0 = process.hrtime.bigint();
  const app = buildFleetApp(outdir, stacks, { validation, pipeline });
  const t1 = process.hrtime.bigint();
  const assembly = app.synth();
  const t2 = process.hrtime.bigint();
  const templates = assembly.nestedAssemblies.reduce((n, a) => n + a.nestedAssembly.stacks.length, 0) + assembly.stacks.length;
  // maxRSS is in kilobytes and covers the whole life of this process.
  console.log(JSON.stringify({
    stacks,
    validation,
    pipeline,
    templates,
    constructMs: ms(t0, t1),
    synthMs: ms(t1, t2),
    totalMs: ms(t0, t2),
    maxRssKb: process.resourceUsage().maxRSS,
  }));
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
