import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { answerLookups, writeContext, zonesKey } from '../../src/cli/context';

const ROOT = path.resolve(__dirname, '..', '..');
/** The command the package ships (package.json "bin"), compiled: what `npx numinia-baseline` runs in a user's app. */
const BIN = path.join(ROOT, 'lib', 'cli', 'main.js');
const CDK = path.join(ROOT, 'node_modules', '.bin', 'cdk');

/** The zones new accounts get (AWS documentation, "Regions and Zones"; the EC2 console of a new account, 2026-12). */
const EU_WEST_1 = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const US_EAST_1 = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'];
const AP_NORTHEAST_1 = ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'];

const zonesLookup = (account: string, region: string) => ({ key: zonesKey(account, region), provider: 'availability-zones', props: { account, region } });

describe('answerLookups: the zone table answers availability-zone lookups only', () => {
  test('the key aws-cdk-lib looks zones up under', () => {
    expect(zonesKey('111111111111', 'eu-west-1')).toBe('availability-zones:account=111111111111:region=eu-west-1');
  });

  test('known regions get the zones of a new account; us-west-1, unknown regions and other lookups are left to AWS', () => {
    const answer = answerLookups([
      zonesLookup('111111111111', 'eu-west-1'),
      zonesLookup('111111111111', 'ap-northeast-1'),
      zonesLookup('111111111111', 'us-west-1'),
      zonesLookup('111111111111', 'xx-nowhere-1'),
      { key: 'vpc-provider:account=111111111111:filter.tag:Name=x:region=eu-west-1', provider: 'vpc-provider', props: { account: '111111111111', region: 'eu-west-1' } },
    ]);
    expect(answer.entries).toEqual({
      [zonesKey('111111111111', 'eu-west-1')]: EU_WEST_1,
      [zonesKey('111111111111', 'ap-northeast-1')]: AP_NORTHEAST_1,
    });
    expect(answer.unanswered).toEqual([
      expect.stringMatching(/^availability-zones:account=111111111111:region=us-west-1: the zones of us-west-1 depend on the account/),
      expect.stringMatching(/region=xx-nowhere-1: the zones of xx-nowhere-1 depend on the account or are not in the library's table$/),
      'vpc-provider:account=111111111111:filter.tag:Name=x:region=eu-west-1: a vpc-provider lookup, which only AWS can answer',
    ]);
  });

  test('an entry already in the file (a real lookup) is kept; the others are added, sorted', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'context-')), 'cdk.context.json');
    fs.writeFileSync(file, JSON.stringify({ [zonesKey('1', 'eu-west-1')]: ['eu-west-1b'], 'acknowledged-issue-numbers': [32775] }));
    const report = writeContext(file, { entries: { [zonesKey('2', 'eu-west-1')]: EU_WEST_1, [zonesKey('1', 'eu-west-1')]: EU_WEST_1 }, unanswered: [] });
    expect(report.added).toEqual([zonesKey('2', 'eu-west-1')]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
      [zonesKey('1', 'eu-west-1')]: ['eu-west-1b'],
      'acknowledged-issue-numbers': [32775],
      [zonesKey('2', 'eu-west-1')]: EU_WEST_1,
    });
  });
});

describe('npx numinia-baseline context, in a fresh app: cdk synth offline and without credentials', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fresh-app-'));
  // What a user's app has: aws-cdk-lib and the library from node_modules (here the repository's, and its compiled lib/).
  const env = {
    PATH: process.env.PATH,
    NODE_PATH: path.join(ROOT, 'node_modules'),
    HOME: dir,
    AWS_EC2_METADATA_DISABLED: 'true',
    CI: 'true',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    CDK_DISABLE_VERSION_CHECK: 'true',
  };
  const run = (command: string, args: string[], cwd = dir) => spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  const synth = () => run(CDK, ['synth', '--quiet', '--no-notices', '-o', path.join(dir, 'cdk.out')]);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    if (!fs.existsSync(BIN)) {
      throw new Error(`${BIN} is missing: run \`npx projen compile\` first (the test runs the command the package ships)`);
    }
    fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'node app.js' }));
    fs.writeFileSync(path.join(dir, 'app.js'), [
      "const { App, Stack } = require('aws-cdk-lib');",
      `const { NuminiaBaseline } = require(${JSON.stringify(path.join(ROOT, 'lib'))});`,
      'const app = new App();',
      "for (const [account, region] of [['111111111111', 'eu-west-1'], ['222222222222', 'us-east-1']]) {",
      '  const stack = new Stack(app, `Platform-${account}-${region}`, { env: { account, region } });',
      "  new NuminiaBaseline(stack, 'Baseline', { project: 'acme', environment: 'production', monitoring: { enabled: false } });",
      '}',
    ].join('\n'));
  });

  // Without the entries, synth stops at the lookup and asks for credentials: test/offline-synth.test.ts.
  test('the command writes the entries, then synth passes; a rerun adds nothing', () => {
    const context = run('node', [BIN, 'context']);
    expect({ status: context.status, stderr: context.stderr }).toEqual({ status: 0, stderr: '' });
    expect(context.stdout).toContain('cdk.context.json: added 2 entries');
    const written = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.context.json'), 'utf8'));
    expect(written).toEqual({ [zonesKey('111111111111', 'eu-west-1')]: EU_WEST_1, [zonesKey('222222222222', 'us-east-1')]: US_EAST_1 });

    const after = synth();
    expect({ status: after.status, stderr: after.status === 0 ? '' : after.stderr }).toEqual({ status: 0, stderr: '' });
    expect(fs.existsSync(path.join(dir, 'cdk.out', 'Platform-111111111111-eu-west-1.template.json'))).toBe(true);

    const again = run('node', [BIN, 'context']);
    expect(again.stdout).toContain('cdk.context.json: nothing to add');
  });

  test('--fleet writes what the example fleet needs: the entries examples/fleet/cdk.context.json holds by hand', () => {
    const fleetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-app-'));
    const result = run('node', [BIN, 'context', '--fleet', path.join(ROOT, 'examples', 'fleet', 'fleet.json')], fleetDir);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const handWritten = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'fleet', 'cdk.context.json'), 'utf8'));
    expect(JSON.parse(fs.readFileSync(path.join(fleetDir, 'cdk.context.json'), 'utf8'))).toEqual(handWritten);
  });

  test('a failing app, an unknown command or option: exit code 1 and a message that says what to do', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-app-'));
    fs.writeFileSync(path.join(broken, 'cdk.json'), JSON.stringify({ app: 'node -e "process.exit(3)"' }));
    expect(run('node', [BIN, 'context'], broken)).toMatchObject({ status: 1, stderr: expect.stringContaining('failed (exit code 3) before it wrote a cloud assembly') });
    expect(run('node', [BIN, 'contxt'])).toMatchObject({ status: 1, stderr: expect.stringContaining('unknown command "contxt"') });
    expect(run('node', [BIN, 'context', '--flet', 'x.json'])).toMatchObject({ status: 1, stderr: expect.stringContaining('unknown option --flet') });
    const noApp = fs.mkdtempSync(path.join(os.tmpdir(), 'no-app-'));
    expect(run('node', [BIN, 'context'], noApp)).toMatchObject({ status: 1, stderr: expect.stringContaining('has no "app", and no --app was given') });
  });

  test('the package ships the command: package.json "bin" names the compiled src/cli/main.ts', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'numinia-baseline': 'lib/cli/main.js' });
    expect(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
