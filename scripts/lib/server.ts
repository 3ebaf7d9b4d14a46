/**
 * Servers a stage starts (registries on 127.0.0.1): each is tied to this process by the kernel's parent-death signal
 * (so even a SIGKILL of the stage stops them) and stopped by its process ID when the stage ends, also on failure.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { isInterrupted } from './process';
import { tail } from './steps';

/** Arms PR_SET_PDEATHSIG, checks the parent is still there, then becomes the server (same process ID). */
const TIE_TO_PARENT = `
import ctypes, os, signal, sys
if sys.platform.startswith("linux"):
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != int(sys.argv[1]):
        sys.exit(1)  # the parent died before the signal was armed
os.execv(sys.argv[2], sys.argv[2:])`;

export interface Server {
  readonly name: string;
  readonly pid: number;
  readonly log: string;
  readonly child: ChildProcess;
}

const servers: Server[] = [];

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Starts `command args...` (an absolute path) with its output in `log`. */
export function startServer(name: string, log: string, command: string, args: string[]): Server {
  if (isInterrupted()) throw new Error(`${name}: not started, the stage was interrupted`);
  const fd = fs.openSync(log, 'a');
  const child = spawn('python3', ['-c', TIE_TO_PARENT, String(process.pid), command, ...args], { stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (!child.pid) throw new Error(`${name}: could not start ${command}`);
  const server = { name, pid: child.pid, log, child };
  servers.push(server);
  return server;
}

/** Until `url` answers 2xx; fails when the server exits or after 30 s, with the end of its log. */
export async function waitHttp(url: string, server: Server): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    if (exited(server.child)) throw new Error(`server for ${url} exited:\n${tail(server.log, 20).join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url} within 30 s\n${tail(server.log, 20).join('\n')}`);
}

/** Stops every server: SIGTERM by process ID, SIGKILL after 5 s; resolves when all have exited. */
export async function stopServers(): Promise<void> {
  await Promise.all(servers.map(stop));
}

const stopping = new Map<Server, Promise<void>>();

function stop(server: Server): Promise<void> {
  if (!stopping.has(server)) {
    stopping.set(server, new Promise<void>((resolve) => {
      if (exited(server.child)) return resolve();
      server.child.once('exit', () => { clearTimeout(timer); resolve(); });
      const timer = setTimeout(() => { try { process.kill(server.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      try { process.kill(server.pid, 'SIGTERM'); } catch { /* gone */ }
    }));
  }
  return stopping.get(server)!;
}

/** Whether a process ID is a live process (a zombie or no process: false). */
export function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf-8'));
  } catch {
    return false;
  }
}

// Last resort when the stage exits without its cleanup (an uncaught error): no waiting here, only signals.
process.on('exit', () => {
  for (const server of servers) if (!exited(server.child)) try { process.kill(server.pid, 'SIGKILL'); } catch { /* gone */ }
});
