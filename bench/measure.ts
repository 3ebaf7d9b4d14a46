/**
 * How the benchmark measures: one sample (construct, synth, on-CPU time) of an app, and the statistics over samples.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp, Kind, StackSpec } from './apps';

export interface Sample { constructMs: number; synthMs: number; totalMs: number; onCpuMs: number }

/**
 * Time this thread has spent on a CPU (Linux; NaN elsewhere). Unlike wall time it leaves out waiting for a core held
 * by other processes: a cross-check of the wall-time ratios when the machine is shared.
 */
export function onCpuMs(): number {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

export function inTempDir<T>(fn: (outdir: string) => T): T {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-bench-'));
  try {
    return fn(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// No forced GC between samples: in a trial, a full GC before each sample made the samples ~25% slower. Samples are
// interleaved instead, and each pays for some garbage of the one before.
export function sample(kind: Kind, specs: StackSpec[], validation = true): Sample {
  return inTempDir((outdir) => {
    const cpu0 = onCpuMs();
    const t0 = process.hrtime.bigint();
    const app = buildApp(kind, outdir, specs, validation);
    const t1 = process.hrtime.bigint();
    app.synth();
    const t2 = process.hrtime.bigint();
    const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
    return { constructMs: ms(t0, t1), synthMs: ms(t1, t2), totalMs: ms(t0, t2), onCpuMs: onCpuMs() - cpu0 };
  });
}

/** The q-quantile, interpolated between the two nearest samples. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
}
export const median = (values: number[]) => quantile(values, 0.5);

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function medians(samples: Sample[]): Sample {
  const of = (key: keyof Sample) => round1(median(samples.map((s) => s[key])));
  return { constructMs: of('constructMs'), synthMs: of('synthMs'), totalMs: of('totalMs'), onCpuMs: of('onCpuMs') };
}
