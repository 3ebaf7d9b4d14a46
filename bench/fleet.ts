/**
 * Fleet benchmark: one app holding a fleet of 30, 100 and 300 baselines (100 environments over 3 regions at the top),
 * each size synthesized in a fresh process (fleet-child.ts): wall time, peak RSS and time per stack, to show the cost
 * per stack stays flat. Then the 300-stack app with aws-cdk-lib's built-in validation on (what `cdk synth` does by
 * default), and inside a CDK Pipelines pipeline. Writes bench/fleet-results.json; see bench/README.md.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SIZES = [30, 100, 300];
/** The goal on a 2-core machine, for 300 stacks. */
const GOAL = { seconds: 120, rssMb: 1536 };

interface Run {
  stacks: number;
  validation: boolean;
  pipeline: boolean;
  templates: number;
  constructMs: number;
  synthMs: number;
  totalMs: number;
  maxRssKb: number;
}

function child(stacks: number, validation: boolean, pipeline: boolean): Run & { wallMs: number } {
  const t0 = Date.now();
  const result = spawnSync('npx', ['ts-node', '--transpile-only', '--project', 'tsconfig.dev.json', path.join('bench', 'fleet-child.ts'),
    String(stacks), validation ? 'on' : 'off', pipeline ? 'yes' : 'no'], { cwd: path.join(__dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`fleet-child ${stacks} failed: ${result.stderr}`);
  }
  const line = result.stdout.trim().split('\n').pop()!;
  return { ...JSON.parse(line), wallMs: Date.now() - t0 };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const row = (r: Run & { wallMs: number }) => ({
  stacks: r.stacks,
  validation: r.validation,
  pipeline: r.pipeline,
  templates: r.templates,
  constructS: round(r.constructMs / 1000),
  synthS: round(r.synthMs / 1000),
  totalS: round(r.totalMs / 1000),
  processS: round(r.wallMs / 1000),
  msPerStack: round(r.totalMs / r.stacks),
  peakRssMb: round(r.maxRssKb / 1024, 0),
});

const load0 = os.loadavg()[0];
const rows = [
  ...SIZES.map((n) => row(child(n, false, false))),
  row(child(300, true, false)),
  row(child(300, false, true)),
];
const load1 = os.loadavg()[0];
console.table(rows);
const flat = rows.filter((r) => !r.validation && !r.pipeline);
const perStack = flat.map((r) => r.msPerStack);
const top = flat[flat.length - 1];
const worst300 = rows.filter((r) => r.stacks === 300);
console.log(`per-stack time from ${SIZES[0]} to ${SIZES[SIZES.length - 1]} stacks: ${perStack.join(' / ')} ms (ratio ${round(perStack[perStack.length - 1] / perStack[0], 2)})`);
for (const r of worst300) {
  const met = r.processS <= GOAL.seconds && r.peakRssMb <= GOAL.rssMb;
  console.log(`300 stacks${r.validation ? ', built-in validation on' : ''}${r.pipeline ? ', in a pipeline' : ''}: ${r.processS} s in its process, ${r.peakRssMb} MB peak: goal (${GOAL.seconds} s, ${GOAL.rssMb} MB) ${met ? 'met' : 'NOT met'}`);
}
const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGb: round(os.totalmem() / 2 ** 30),
    loadAverage: [round(load0, 2), round(load1, 2)],
  },
  node: process.version,
  awsCdkLib: JSON.parse(fs.readFileSync(require.resolve('aws-cdk-lib/package.json'), 'utf8')).version,
  goal: GOAL,
  rows,
  perStackRatio: round(perStack[perStack.length - 1] / perStack[0], 3),
  top,
};
fs.writeFileSync(path.join(__dirname, 'fleet-results.json'), `${JSON.stringify(results, null, 2)}\n`);
