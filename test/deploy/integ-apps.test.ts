/**
 * The integ tests' apps (test/integ.*.ts) synthesize with @aws-cdk/integ-tests-alpha on the aws-cdk-lib the
 * library is tested with, and carry the API checks integ-runner would run after a real deployment.
 * (integ-runner itself cannot read this aws-cdk-lib's cloud assemblies yet: see deploy/integ/README.md.)
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildDefaultIntegApp, buildSingleNatIntegApp, IntegApp } from './integ/integ-apps';

describe.each<[string, (app: App) => IntegApp, string[]]>([
  ['integ.default', buildDefaultIntegApp, [
    'EC2describeVpcs', ...Array<string>(6).fill('EC2describeSubnets'), 'EC2describeNatGateways', ...Array<string>(3).fill('EC2describeRouteTables'),
    'EFSdescribeFileSystems', 'KMSgetKeyRotationStatus',
  ]],
  ['integ.single-nat', buildSingleNatIntegApp, [
    'EC2describeVpcs', ...Array<string>(6).fill('EC2describeSubnets'), 'EC2describeNatGateways', ...Array<string>(3).fill('EC2describeRouteTables'),
  ]],
])('%s', (_name, build, apiCalls) => {
  let test: IntegApp;
  let assembly: CloudAssembly;
  beforeAll(() => {
    const app = new App();
    test = build(app);
    assembly = app.synth();
  });

  it('is one integ test case in eu-west-1, with its own assertion stack', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'integ.json'), 'utf8'));
    const cases = Object.values<any>(manifest.testCases);
    expect(cases).toEqual([expect.objectContaining({
      stacks: [test.stack.artifactId],
      assertionStack: test.assertionStack.node.path,
      regions: ['eu-west-1'],
    })]);
  });

  it('checks the deployment with these AWS API calls', () => {
    const template = assembly.getStackByName(test.assertionStack.stackName).template;
    const calls = Object.values(template.Resources as Record<string, { Type: string }>)
      .map((r) => r.Type)
      .filter((type) => type.startsWith('Custom::DeployAssert@SdkCall'))
      .map((type) => type.replace('Custom::DeployAssert@SdkCall', ''));
    expect(calls.sort()).toEqual([...apiCalls].sort());
  });
});
