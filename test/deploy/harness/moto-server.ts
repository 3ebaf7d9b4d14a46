import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { emulatorEndpoint } from './emulator-env';
import { killChild, spawnTiedToThisProcess, VENV_BIN } from './processes';

/** Installed by `npx projen install:python` from requirements-dev.txt (moto[server] pinned). */
export const MOTO_SERVER = path.join(VENV_BIN, 'moto_server');

const START_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;

/**
 * A moto server (`moto_server -H 127.0.0.1 -p PORT`) of our own, on a free port, logging to a file.
 * Stopped by its process ID in `stop()`; killed by the kernel if the test process ends first (see processes.ts).
 */
export class MotoServer {
  /** Starts a server on a free port; retries on a new port if another process took the port in between. */
  public static async start(options: { logFile: string; env: (endpoint: string) => NodeJS.ProcessEnv }): Promise<MotoServer> {
    if (!fs.existsSync(MOTO_SERVER)) {
      throw new Error(`${MOTO_SERVER} not found: install the Python test tools first (npx projen install:python)`);
    }
    let lastError: unknown;
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      const port = await freePort();
      const server = new MotoServer(port, options.logFile, options.env(emulatorEndpoint(port)));
      try {
        await server.waitUntilReady();
        return server;
      } catch (error) {
        lastError = error;
        await server.stop();
      }
    }
    throw lastError;
  }

  /** What the AWS SDKs and the CDK CLI are given (host `localhost`: see `emulatorEndpoint`). */
  public readonly endpoint: string;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private hasExited = false;

  private constructor(public readonly port: number, public readonly logFile: string, env: NodeJS.ProcessEnv) {
    this.endpoint = emulatorEndpoint(port);
    const log = fs.openSync(logFile, 'a');
    try {
      this.child = spawnTiedToThisProcess(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', log, log] });
    } finally {
      fs.closeSync(log);
    }
    this.exited = new Promise((resolve) => this.child.once('exit', () => {
      this.hasExited = true;
      resolve();
    }));
  }

  public get pid(): number | undefined {
    return this.child.pid;
  }

  /** Empties every backend: the next scenario starts from a fresh account. */
  public async reset(): Promise<void> {
    const response = await fetch(`${this.adminUrl()}/reset`, { method: 'POST' });
    if (!response.ok) {
      throw new Error(`moto reset failed: HTTP ${response.status}`);
    }
  }

  /** The last lines of the server log: moto reports its own crashes (HTTP 500) only there. */
  public logTail(lines = 40): string {
    const text = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
    return text.split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM by process ID, SIGKILL if it has not exited after 5 s. */
  public async stop(): Promise<void> {
    if (!this.hasExited) {
      killChild(this.child, 'SIGTERM');
      const timer = setTimeout(() => killChild(this.child, 'SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
  }

  private adminUrl(): string {
    // Admin calls need no S3-style host parsing: the numeric address avoids any resolver detour.
    return `http://127.0.0.1:${this.port}/moto-api`;
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.hasExited) {
        throw new Error(`moto_server exited during start-up:\n${this.logTail()}`);
      }
      try {
        if ((await fetch(`${this.adminUrl()}/`)).ok) {
          return;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`moto_server did not answer within ${START_TIMEOUT_MS / 1000} s:\n${this.logTail()}`);
  }
}

/** A port the kernel just handed out: free unless another process grabs it before moto binds it (start() retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}
