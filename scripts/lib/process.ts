/**
 * Child processes of a stage: every command a step runs is tracked by its process ID, so that an interrupt stops it,
 * and the stage's cleanup (servers, caches) runs once, on success, failure or signal.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';

/** A command that exited non-zero (or could not start): its exit status is the step's. */
export class CommandError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export interface ExecOptions {
  readonly cwd?: string;
  /** Added to (or, when undefined, removed from) the stage's environment. */
  readonly env?: Record<string, string | undefined>;
}

const live = new Set<ChildProcess>();
let interrupted = false;

/** Whether the stage got SIGINT or SIGTERM: from then on no command or server starts. */
export function isInterrupted(): boolean {
  return interrupted;
}

/**
 * Runs a command with its output appended to a log file; resolves with its stdout when `capture` (stdout then does
 * not go to the log), rejects with a CommandError when it exits non-zero.
 */
export function execLogged(cmd: string, args: string[], log: string, options: ExecOptions & { capture?: boolean } = {}): Promise<string> {
  if (interrupted) return Promise.reject(new CommandError(`${cmd}: not started, the stage was interrupted`, 130));
  const fd = fs.openSync(log, 'a');
  fs.writeSync(fd, `$ ${[cmd, ...args].join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}\n`);
  const env = { ...process.env, ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env, stdio: ['ignore', options.capture ? 'pipe' : fd, fd] });
    fs.closeSync(fd);
    live.add(child);
    let stdout = '';
    child.stdout?.on('data', (chunk) => { stdout += chunk; });
    child.on('error', (error) => { live.delete(child); reject(new CommandError(`${cmd}: ${error.message}`, 127)); });
    child.on('close', (code, signal) => {
      live.delete(child);
      if (code === 0) return resolve(stdout.trim());
      const status = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
      reject(new CommandError(`${cmd} ${args.slice(0, 3).join(' ')}... exited with ${code ?? signal}`, status));
    });
  });
}

/** Stops the commands running now, by process ID. */
export function stopCommands(): void {
  for (const child of live) if (child.pid) try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ }
}

/**
 * Runs the stage; `cleanup` runs once afterwards, also when the stage throws or the process gets SIGINT (exit 130)
 * or SIGTERM (exit 143). The process exits with the stage's code.
 */
export function runStage(stage: () => Promise<number>, cleanup: () => Promise<void>): void {
  let cleaned: Promise<void> | undefined;
  let signalled: number | undefined;
  const clean = () => (cleaned ??= cleanup().catch((e) => { console.error(`cleanup: ${e}`); }));
  const onSignal = (code: number) => () => {
    interrupted = true;
    signalled = code;
    console.error('\ninterrupted: stopping commands and servers');
    stopCommands();
    void clean().finally(() => process.exit(code));
  };
  process.once('SIGINT', onSignal(130));
  process.once('SIGTERM', onSignal(143));
  void stage()
    .catch((error) => { console.error(error instanceof Error ? error.stack : error); return 1; })
    .then(async (code) => { await clean(); process.exit(signalled ?? code); });
}
