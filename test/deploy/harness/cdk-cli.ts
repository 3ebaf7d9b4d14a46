import * as path from 'path';
import { assertEmulatorOnly } from './emulator-env';
import { killChild, spawnTiedToThisProcess } from './processes';

/**
 * The real CDK CLI (npm package `aws-cdk`), run with `node` directly rather than through `npx`: the process we
 * start is the CLI itself, so the process ID we can kill is the one doing the work.
 */
const CDK_BIN = path.join(path.dirname(require.resolve('aws-cdk/package.json')), 'bin', 'cdk');

export interface CdkResult {
  readonly exitCode: number | null;
  /** stdout and stderr, interleaved as written. */
  readonly output: string;
}

export interface CdkOptions {
  /** The complete child environment (see `emulatorChildEnv`); checked again here before anything starts. */
  readonly env: NodeJS.ProcessEnv;
  /** A scratch directory: the CLI must not pick up the project's cdk.json or cdk.context.json. */
  readonly cwd: string;
  readonly timeoutMs?: number;
}

/** Runs `cdk <args>` and resolves with its exit code and output (it does not throw on a non-zero exit). */
export function runCdk(args: string[], options: CdkOptions): Promise<CdkResult> {
  assertEmulatorOnly(options.env);
  // --no-notices: the CLI would otherwise fetch its notices from the internet.
  const argv = [CDK_BIN, ...args, '--no-notices', '--no-color', '--ci'];
  return new Promise((resolve, reject) => {
    const child = spawnTiedToThisProcess(process.execPath, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: string[] = [];
    child.stdout!.on('data', (data: Buffer) => chunks.push(data.toString()));
    child.stderr!.on('data', (data: Buffer) => chunks.push(data.toString()));
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      chunks.push(`\n[harness] cdk ${args[0]} timed out after ${timeoutMs / 1000} s: killed\n`);
      killChild(child, 'SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output: chunks.join('') });
    });
  });
}

/** Runs `cdk <args>` and throws, with the CLI's output, unless it exits 0. */
export async function runCdkOrThrow(args: string[], options: CdkOptions): Promise<CdkResult> {
  const result = await runCdk(args, options);
  if (result.exitCode !== 0) {
    throw new Error(`cdk ${args.join(' ')} exited ${result.exitCode}:\n${result.output}`);
  }
  return result;
}
