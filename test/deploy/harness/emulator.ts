import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CdkOptions, CdkResult, runCdk, runCdkOrThrow } from './cdk-cli';
import { destroyClients, EmulatorClients, emulatorClients } from './clients';
import { EMULATOR_ACCOUNT, EMULATOR_REGION, emulatorChildEnv } from './emulator-env';
import { MotoServer } from './moto-server';

/**
 * One local emulator for a test file: a moto server of our own, the environment every child gets, AWS SDK clients,
 * and the CDK CLI pointed at it. `start()` in beforeAll, `stop()` in afterAll.
 */
export class Emulator {
  public static async start(): Promise<Emulator> {
    const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-deploy-'));
    try {
      const moto = await MotoServer.start({
        logFile: path.join(scratchDir, 'moto.log'),
        env: (endpoint) => emulatorChildEnv(endpoint, scratchDir),
      });
      return new Emulator(moto, scratchDir);
    } catch (error) {
      fs.rmSync(scratchDir, { recursive: true, force: true });
      throw error;
    }
  }

  public readonly clients: EmulatorClients;
  /** The complete environment of the CDK CLI (and moto): dummy credentials, local endpoint, nothing else AWS. */
  public readonly childEnv: NodeJS.ProcessEnv;

  private constructor(private readonly moto: MotoServer, public readonly scratchDir: string) {
    this.childEnv = emulatorChildEnv(moto.endpoint, scratchDir);
    this.clients = emulatorClients(moto.endpoint);
  }

  public get endpoint(): string {
    return this.moto.endpoint;
  }

  /** A fresh, empty account: every scenario starts from here. */
  public async reset(): Promise<void> {
    await this.moto.reset();
  }

  /** `cdk bootstrap` of the emulator's account and region (no app: with one, the CLI would synthesize it first). */
  public async bootstrap(): Promise<void> {
    await this.cdkOrThrow(['bootstrap', `aws://${EMULATOR_ACCOUNT}/${EMULATOR_REGION}`]);
  }

  public cdk(args: string[]): Promise<CdkResult> {
    return runCdk(args, this.cdkOptions());
  }

  public cdkOrThrow(args: string[]): Promise<CdkResult> {
    return runCdkOrThrow(args, this.cdkOptions());
  }

  /** The end of moto's log, for failure messages: moto reports its own crashes only there. */
  public logTail(lines?: number): string {
    return this.moto.logTail(lines);
  }

  /** A new directory under this emulator's scratch directory. */
  public tempDir(name: string): string {
    const dir = path.join(this.scratchDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  public async stop(): Promise<void> {
    destroyClients(this.clients);
    await this.moto.stop();
    fs.rmSync(this.scratchDir, { recursive: true, force: true });
  }

  private cdkOptions(): CdkOptions {
    const cwd = path.join(this.scratchDir, 'cli');
    fs.mkdirSync(cwd, { recursive: true });
    return { env: this.childEnv, cwd };
  }
}
