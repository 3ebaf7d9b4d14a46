import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { NuminiaBaseline, NuminiaBaselineProps } from '../../src';

/**
 * The README's "Before you upgrade": keep the template the installed version synthesizes, install the new one, and
 * `cdk diff <stack> --template <kept> --fail-on destructive` with the real CDK CLI, offline and without credentials.
 * The CLI compares templates only, so a change of props stands in for a change of the library: a project rename
 * replaces log groups and key aliases (destructive), a new tag changes resources in place (not destructive).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const CDK = path.join(ROOT, 'node_modules', '.bin', 'cdk');
const STACK = 'numinia-production-baseline';

describe('Before you upgrade: cdk diff against the kept template, offline', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-preview-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The app's cloud assembly with these props, as `cdk synth -o <dir>` writes it. */
  const synth = (name: string, props: Partial<NuminiaBaselineProps>) => {
    const outdir = path.join(dir, name);
    const app = new App({ outdir });
    new NuminiaBaseline(new Stack(app, STACK, { env: { region: 'eu-west-1' } }), 'Baseline', { environment: 'production', ...props });
    app.synth();
    return outdir;
  };
  const diff = (assembly: string, kept: string) => spawnSync(CDK, [
    'diff', STACK, '--app', assembly, '--template', path.join(kept, `${STACK}.template.json`), '--fail-on', 'destructive', '--no-notices',
  ], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: process.env.PATH, HOME: dir, AWS_EC2_METADATA_DISABLED: 'true', CI: 'true', CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: 'true' },
  });

  const before = synth('before', {});

  test('a replacement fails the preview, naming the resource', () => {
    const result = diff(synth('renamed', { project: 'renamed' }), before);
    expect(result.status).toBe(1);
    expect(result.stderr + result.stdout).toMatch(/Found \d+ destructive change\(s\) \(--fail-on=destructive\)/);
    expect(result.stderr + result.stdout).toMatch(/AWS::Logs::LogGroup .* will be replaced/);
  });

  test('an in-place change shows in the diff and passes', () => {
    const result = diff(synth('tagged', { tags: { team: 'platform' } }), before);
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stderr + result.stdout).toMatch(/\[~\] AWS::EC2::VPC/);
    expect(result.stderr + result.stdout).not.toMatch(/destructive change/);
  });
});
