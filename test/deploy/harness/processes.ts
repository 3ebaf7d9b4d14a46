import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import * as path from 'path';

/** The project's virtualenv (`npx projen install:python`): moto needs it, so its Python is always there too. */
export const VENV_BIN = path.resolve(__dirname, '../../../.venv/bin');

/**
 * Run by the virtualenv's Python: on Linux, ask the kernel to SIGKILL this process when its parent (the test
 * process) dies, for whatever reason (a failed hook, a timeout, Ctrl-C, even SIGKILL); then become the command
 * itself (execv keeps the process ID and the armed signal). argv: parent PID, command, arguments.
 */
const TIE_TO_PARENT = [
  'import ctypes, os, signal, sys',
  "if sys.platform.startswith('linux'):",
  '    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG',
  '    if os.getppid() != int(sys.argv[1]):',
  '        sys.exit(1)  # the parent died before the signal was armed',
  'os.execv(sys.argv[2], sys.argv[2:])',
].join('\n');

/**
 * Spawns `command` (an absolute path) so that it cannot outlive this test process.
 *
 * Why not `process.on('exit' | 'SIGINT' | ...)` handlers: inside a jest test file `process` is jest's sandboxed copy
 * of the real one, and listeners on it never fire (tried: a SIGINT to jest left moto running). The kernel's
 * parent-death signal needs no cooperation from the dying process. `afterAll` still stops every child by its ID.
 */
export function spawnTiedToThisProcess(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(path.join(VENV_BIN, 'python'), ['-c', TIE_TO_PARENT, String(process.pid), command, ...args], options);
}

/** Signals a child by its process ID, unless it has already exited. */
export function killChild(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(child.pid, signal);
    } catch {
      // Exited between the check and the kill.
    }
  }
}
