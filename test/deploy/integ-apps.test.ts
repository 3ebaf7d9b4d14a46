/**
 * The real-account acceptance suite (test/integ.*.ts), checked without AWS: each app synthesizes with
 * @aws-cdk/integ-tests-alpha on the aws-cdk-lib the library is tested with, is one integ test case with its own
 * assertion stack, makes AWS do what it asserts (the API calls below), and matches its committed snapshot
 * (`test/integ.<name>.ts.snapshot/`, one template per stack, compared as `cdk diff` compares them). integ-runner reads
 * cloud assemblies up to schema 53 only (deploy/integ/README.md), so the snapshot check is this test's own.
 *
 * After a deliberate change: `UPDATE_INTEG_SNAPSHOTS=1 npx jest test/deploy/integ-apps.test.ts`, and review the diff.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatDifferences, fullDiff } from '@aws-cdk/cloudformation-diff';
import { App } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildDefaultIntegApp, buildRestrictedEndpointIntegApp, buildSingleNatIntegApp, IntegApp } from './integ/integ-apps';

type Json = any;

const SUBNETS = Array<string>(6).fill('EC2describeSubnets');

/**
 * A template with what changes between identical syntheses made constant: asset hashes, and the salt integ-tests puts
 * on every assertion (the time of synthesis, so that each deployment runs it again).
 */
function normalized(template: Json): Json {
  return JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, 'ASSET_HASH').replace(/"salt":"?\d+"?/g, '"salt":"SALT"'));
}

/** What `cdk diff` would print between the snapshot and the synthesized template; empty when they are the same. */
function difference(snapshot: Json, synthesized: Json): string {
  const diff = fullDiff(snapshot, synthesized);
  if (diff.isEmpty) {
    return '';
  }
  const chunks: string[] = [];
  formatDifferences({ write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WritableStream, diff);
  return chunks.join('').replace(/\x1b\[[0-9;]*m/g, '');
}

describe.each<[string, (app: App) => IntegApp, string[]]>([
  ['integ.default', buildDefaultIntegApp, [
    'EC2describeVpcs', ...SUBNETS, 'EC2describeNatGateways', ...Array<string>(3).fill('EC2describeRouteTables'),
    'EFSdescribeFileSystems', 'KMSgetKeyRotationStatus',
    // What the baseline does: the trail delivers, an alarm notifies, a private function mounts and writes, the
    // bastion is online, a private subnet reaches the internet.
    'CloudTrailgetTrailStatus', 'CloudWatchLogsfilterLogEvents', 'CloudWatchsetAlarmState', 'SQSreceiveMessage', 'Lambdainvoke',
    'SSMdescribeInstanceInformation', 'Lambdainvoke',
  ]],
  ['integ.single-nat', buildSingleNatIntegApp, [
    'EC2describeVpcs', ...SUBNETS, 'EC2describeNatGateways', ...Array<string>(3).fill('EC2describeRouteTables'), 'Lambdainvoke',
  ]],
  ['integ.restricted-endpoint', buildRestrictedEndpointIntegApp, [
    'EC2describeVpcs', ...SUBNETS, 'EC2describeNatGateways', 'SSMdescribeInstanceInformation', 'SSMsendCommand', 'SSMgetCommandInvocation',
  ]],
])('%s', (name, build, apiCalls) => {
  // Synthesized inside each test (mutation testing counts a describe body's work as static: CONTRIBUTING.md).
  const synthesized = (): { test: IntegApp; assembly: CloudAssembly } => {
    const app = new App();
    const test = build(app);
    return { test, assembly: app.synth() };
  };

  test('is one integ test case in eu-west-1, with its own assertion stack', () => {
    const { test, assembly } = synthesized();
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'integ.json'), 'utf8'));
    expect(Object.values<any>(manifest.testCases)).toEqual([expect.objectContaining({
      stacks: [test.stack.artifactId],
      assertionStack: test.assertionStack.node.path,
      regions: ['eu-west-1'],
    })]);
  });

  test('checks the deployment by these AWS API calls', () => {
    const { test, assembly } = synthesized();
    const calls = Object.values<any>(assembly.getStackByName(test.assertionStack.stackName).template.Resources)
      .map((r) => r.Type as string)
      .filter((type) => type.startsWith('Custom::DeployAssert@SdkCall'))
      .map((type) => type.replace('Custom::DeployAssert@SdkCall', ''));
    expect(calls.sort()).toEqual([...apiCalls].sort());
  });

  test('matches its committed snapshot, stack by stack', () => {
    const { test, assembly } = synthesized();
    const directory = path.join(__dirname, '..', `${name}.ts.snapshot`);
    const differences = [test.stack, test.assertionStack].map((stack) => {
      const file = path.join(directory, `${stack.artifactId}.template.json`);
      const template = normalized(assembly.getStackArtifact(stack.artifactId).template);
      if (process.env.UPDATE_INTEG_SNAPSHOTS === '1') {
        fs.mkdirSync(directory, { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(template, undefined, 1)}\n`);
      }
      if (!fs.existsSync(file)) {
        return `${file}: no snapshot (UPDATE_INTEG_SNAPSHOTS=1 writes it)`;
      }
      const changes = difference(JSON.parse(fs.readFileSync(file, 'utf8')), template);
      return changes === '' ? '' : `${stack.artifactId} differs from its snapshot:\n${changes}`;
    }).filter((d) => d !== '');
    expect(differences).toEqual([]);
  });
});
