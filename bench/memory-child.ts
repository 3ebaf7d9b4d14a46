/**
 * Run by run.ts in a fresh process: builds and synthesizes `count` stacks of one kind, then prints the process's
 * peak RSS. With count 0 it only loads the same modules, which gives the floor (node, ts-node, aws-cdk-lib).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp, environments, Kind } from './apps';

const kind = process.argv[2] as Kind;
const count = Number(process.argv[3]);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-bench-mem-'));
try {
  if (count > 0) {
    buildApp(kind, outdir, environments(count)).synth();
  }
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
// maxRSS is in kilobytes and covers the whole life of this process.
console.log(JSON.stringify({ kind, count, maxRssKb: process.resourceUsage().maxRSS }));
