/**
 * Step runner of the distribution stage and the release round trip. Each step logs to <logs>/<id>.log; a failed step
 * prints its log's end, and the steps that need it are recorded as failed without running.
 */
import * as fs from 'fs';
import * as path from 'path';
import { secondsSince } from './env';
import { CommandError, execLogged, ExecOptions } from './process';

export type Status = 'PASS' | 'FAIL';

/** What a step function gets: its log, commands whose output goes to that log, and its note for the summary. */
export class Step {
  constructor(readonly id: string, readonly logFile: string, private readonly runner: Runner) {}

  /** Appends lines to the step's log. */
  log(...lines: string[]): void {
    fs.appendFileSync(this.logFile, lines.map((l) => `${l}\n`).join(''));
  }

  /** Runs a command, output to the log; throws (the step fails with its exit status) when it fails. */
  run(cmd: string, args: string[], options: ExecOptions = {}): Promise<string> {
    return execLogged(cmd, args, this.logFile, options);
  }

  /** Runs a command and returns its stdout (trimmed); stderr goes to the log. */
  out(cmd: string, args: string[], options: ExecOptions = {}): Promise<string> {
    return execLogged(cmd, args, this.logFile, { ...options, capture: true });
  }

  /** The step's detail in the summary. */
  note(text: string): void {
    this.runner.notes.set(this.id, text);
  }
}

export interface RunOptions {
  /** Do not print the log's end when the step fails (the caller prints what matters). */
  readonly quiet?: boolean;
}

export class Runner {
  readonly order: string[] = [];
  readonly status = new Map<string, Status>();
  readonly took = new Map<string, string>();
  readonly notes = new Map<string, string>();

  /** @param notesOnPass print the step's note on its PASS line (the round trip does, the distribution stage not) */
  constructor(private readonly root: string, private readonly logs: string, private readonly notesOnPass: boolean) {
    fs.mkdirSync(logs, { recursive: true });
  }

  passed(id: string): boolean {
    return this.status.get(id) === 'PASS';
  }

  /** A line of the summary that is no step of its own (e.g. one per language of a comparison). */
  record(id: string, status: Status, note: string): void {
    this.order.push(id);
    this.status.set(id, status);
    this.took.set(id, '0');
    this.notes.set(id, note);
  }

  logFile(id: string): string {
    return path.join(this.logs, `${id.replace(/[:@/]/g, '-')}.log`);
  }

  /** Runs a step unless a step it needs has not passed; resolves with whether it passed. */
  async run(id: string, label: string, needs: string[], fn: (step: Step) => Promise<void>, options: RunOptions = {}): Promise<boolean> {
    const unmet = needs.find((need) => !this.passed(need));
    if (unmet !== undefined) {
      this.record(id, 'FAIL', `not run: ${unmet} ${this.status.get(unmet) ?? 'did not run'}`);
      console.log(`==> FAIL [${id}] ${label}: not run because ${unmet} failed`);
      return false;
    }
    this.order.push(id);
    const log = this.logFile(id);
    fs.writeFileSync(log, '');
    console.log(`==> [${id}] ${label}`);
    const start = performance.now();
    let status = 0;
    try {
      await fn(new Step(id, log, this));
    } catch (error) {
      status = error instanceof CommandError ? error.status : 1;
      fs.appendFileSync(log, `${error instanceof Error ? error.message : error}\n`);
    }
    const took = secondsSince(start);
    this.took.set(id, took);
    const note = this.notes.get(id);
    if (status === 0) {
      this.status.set(id, 'PASS');
      console.log(`    PASS in ${took} s${this.notesOnPass && note ? ` (${note})` : ''}`);
      return true;
    }
    this.status.set(id, 'FAIL');
    console.log(`    FAIL [${id}] ${label} (exit ${status}, ${took} s); log: ${path.relative(this.root, log)}`);
    if (!options.quiet) console.log(tail(log, 40).map((l) => `    | ${l}`).join('\n'));
    return false;
  }
}

/** The last lines of a log, without jsii's `!!` warning banners. */
export function tail(file: string, lines: number): string[] {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '';
  return text.replace(/\n$/, '').split('\n').filter((l) => !l.startsWith('!!')).slice(-lines);
}
