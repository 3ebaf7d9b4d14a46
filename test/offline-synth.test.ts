import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * An account-bound stack (`env: { account, region }`) makes aws-cdk-lib check the zones against the account's, which is
 * a context lookup: `cdk synth` needs AWS credentials, unless the app's cdk.context.json holds the answer. The README
 * says so; this proves both halves with the real CDK CLI, offline and without credentials.
 */
const ROOT = path.resolve(__dirname, '..');
const ACCOUNT = '111111111111';

function cdkSynth(dir: string) {
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({
    app: `${path.join(ROOT, 'node_modules/.bin/ts-node')} --transpile-only --project ${path.join(ROOT, 'tsconfig.dev.json')} ${path.join(ROOT, 'examples/production/app.ts')}`,
  }));
  // No credentials of any kind, no metadata service, no proxy: what a CI runner without AWS access has.
  return spawnSync(path.join(ROOT, 'node_modules/.bin/cdk'), ['synth', '--quiet', '--no-notices', '-o', path.join(dir, 'cdk.out')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 240_000,
    env: { PATH: process.env.PATH, HOME: dir, CDK_DEFAULT_ACCOUNT: ACCOUNT, AWS_EC2_METADATA_DISABLED: 'true', CI: 'true' },
  });
}

describe('an account-bound app synthesizes offline with a committed cdk.context.json', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-synth-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test('without it, cdk synth asks for credentials', () => {
    const result = cdkSynth(scratch());
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`Need to perform AWS calls for account ${ACCOUNT}, but no credentials have been configured`));
  });

  test('with the zones in cdk.context.json, cdk synth needs no AWS access', () => {
    const dir = scratch();
    fs.writeFileSync(path.join(dir, 'cdk.context.json'), JSON.stringify({
      [`availability-zones:account=${ACCOUNT}:region=eu-west-1`]: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    }));
    const result = cdkSynth(dir);
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
    const template = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.out', 'numinia-production-baseline.template.json'), 'utf8'));
    expect(Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::EC2::Subnet').map((s) => s.Properties.AvailabilityZone).sort())
      .toEqual(['eu-west-1a', 'eu-west-1a', 'eu-west-1b', 'eu-west-1b', 'eu-west-1c', 'eu-west-1c']);
  });
});
