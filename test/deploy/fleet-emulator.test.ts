/**
 * A fleet of two accounts deployed into one local emulator (moto separates accounts by the `x-moto-account-id`
 * header: harness/accounts.ts): account A with `staging` in eu-west-1 (its home region) and us-east-1, account B with
 * `production` in eu-west-1. Each stage's stack goes in with CloudFormation CreateStack, into its own account and
 * region, and is read back there. moto does not model CloudTrail: that the trail is only in the home regions is read
 * from what moto does model (the trail's buckets and log group, the stacks' resources) and from the key policies.
 */
import { CreateStackCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { App } from 'aws-cdk-lib';
import { AccountClients, accountClients, destroyAccountClients } from './harness/accounts';
import { newAssemblyDir } from './harness/deploy';
import { Emulator } from './harness/emulator';
import { patchTemplateForMoto, Template } from './harness/moto-quirks';
import { Fleet, NuminiaBaselineStage } from '../../src';

const A = '111111111111';
const B = '222222222222';
const SCENARIO_TIMEOUT_MS = 5 * 60_000;

const FLEET = new Fleet({
  accounts: [{ id: A, homeRegion: 'eu-west-1' }, { id: B, homeRegion: 'eu-west-1' }],
  // moto cannot run the Lambda behind the default security group's custom resource (no container runtime here)
  defaults: { restrictDefaultSecurityGroup: false },
  environments: [
    { name: 'staging', account: A, regions: [{ region: 'us-east-1', cidr: '10.21.0.0/16' }, { region: 'eu-west-1', cidr: '10.20.0.0/16' }] },
    { name: 'production', account: B, regions: [{ region: 'eu-west-1', cidr: '10.30.0.0/16' }] },
  ],
});

let emulator: Emulator;
const deployed: Array<{ id: string; clients: AccountClients; template: Template; stackName: string }> = [];

async function createStack(clients: AccountClients, stackName: string, template: Template): Promise<void> {
  // The template is larger than the 51,200 bytes CreateStack takes inline: it goes to a bucket of its own account.
  const bucket = `templates-${clients.account}-${clients.region}`;
  const location = clients.region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: clients.region as any } };
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket, ...location }));
  await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'template.json', Body: JSON.stringify(patchTemplateForMoto(template, { dropBootstrapVersionCheck: true })) }));
  try {
    await clients.cloudFormation.send(new CreateStackCommand({
      StackName: stackName,
      TemplateURL: `${emulator.endpoint}/${bucket}/template.json`,
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      OnFailure: 'DO_NOTHING',
    }));
  } catch (error) {
    throw new Error(`CreateStack of ${stackName} in ${clients.account}/${clients.region} failed: ${String(error)}\nmoto log:\n${emulator.logTail()}`);
  }
}

const resourceTypes = async (d: (typeof deployed)[number]) =>
  ((await d.clients.cloudFormation.send(new ListStackResourcesCommand({ StackName: d.stackName }))).StackResourceSummaries ?? [])
    .filter((r) => r.ResourceStatus === 'CREATE_COMPLETE').map((r) => r.ResourceType!);
const target = (id: string) => deployed.find((d) => d.id === id)!;

beforeAll(async () => {
  emulator = await Emulator.start();
  const app = new App({ outdir: newAssemblyDir(emulator, 'fleet'), builtinCloudFormationValidation: false });
  const stages = NuminiaBaselineStage.forFleet(app, FLEET);
  app.synth();
  for (const stage of stages) {
    const clients = accountClients(emulator.endpoint, stage.target.account, stage.target.region);
    const template = stage.synth().getStackByName(stage.stack.stackName).template as Template;
    await createStack(clients, stage.stack.stackName, template);
    deployed.push({ id: stage.target.id, clients, template, stackName: stage.stack.stackName });
  }
}, SCENARIO_TIMEOUT_MS);

afterAll(async () => {
  deployed.forEach((d) => destroyAccountClients(d.clients));
  await emulator?.stop();
}, 60_000);

describe('a fleet of two accounts in the emulator', () => {
  test('each account and region holds its own VPC, with the fleet\'s CIDR, and no other', async () => {
    const vpcs = await Promise.all(deployed.map(async (d) => {
      const found = (await d.clients.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Environment', Values: ['staging', 'production'] }] }))).Vpcs ?? [];
      return [d.id, d.clients.account, found.map((v) => v.CidrBlock)];
    }));
    expect(vpcs).toEqual([
      ['staging-eu-west-1', A, ['10.20.0.0/16']],
      ['staging-us-east-1', A, ['10.21.0.0/16']],
      ['production-eu-west-1', B, ['10.30.0.0/16']],
    ]);
  });

  test('each stack is complete in its own account: the same stack name lives apart in A and B', async () => {
    for (const d of deployed) {
      const types = await resourceTypes(d);
      // All of what was deployed: the template as patched for moto (without the Session Manager preferences).
      const sent = patchTemplateForMoto(d.template, { dropBootstrapVersionCheck: true });
      expect([d.id, types.includes('AWS::EC2::VPC'), types.length]).toEqual([d.id, true, Object.keys(sent.Resources).length]);
    }
  });

  // moto accepts AWS::CloudTrail::Trail without creating it: the trail is counted in the template, its buckets in moto.
  test('only the home regions\' stacks hold a trail, and moto made its buckets there only', async () => {
    const byTarget = Object.fromEntries(await Promise.all(deployed.map(async (d) => {
      const types = await resourceTypes(d);
      const trails = Object.values(d.template.Resources).filter((r) => r.Type === 'AWS::CloudTrail::Trail').length;
      return [d.id, { trails, buckets: types.filter((t) => t === 'AWS::S3::Bucket').length }];
    })));
    expect(byTarget).toEqual({
      'staging-eu-west-1': { trails: 1, buckets: 2 },
      'production-eu-west-1': { trails: 1, buckets: 2 },
      'staging-us-east-1': { trails: 0, buckets: 0 },
    });
  });

  test('the trail\'s buckets exist in account A once (its home region), apart from account B\'s', async () => {
    const bucketsOf = async (clients: AccountClients) =>
      ((await clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!).filter((n) => !n.startsWith('templates-'));
    const inA = await bucketsOf(target('staging-eu-west-1').clients);
    const inB = await bucketsOf(target('production-eu-west-1').clients);
    expect([inA.length, inB.length]).toEqual([2, 2]);
    expect(inA.filter((n) => inB.includes(n))).toEqual([]);
  });

  test('log groups: the trail\'s only in the home region, the flow logs\' and the bastion\'s everywhere', async () => {
    // Each account and region's first baseline holds its Session Manager preferences: each has the three bastion groups.
    const bastion = (environment: string, others: string[]) => [...others,
      ...['bastion-patching', 'bastion-sessions', 'session-preferences'].map((name) => `/numinia/${environment}/${name}`)].sort();
    const groups = Object.fromEntries(await Promise.all(deployed.map(async (d) => [
      d.id, ((await d.clients.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => g.logGroupName).sort(),
    ])));
    expect(groups).toEqual({
      'staging-eu-west-1': bastion('staging', ['/numinia/staging/cloudtrail', '/numinia/staging/vpc-flow-logs']),
      'production-eu-west-1': bastion('production', ['/numinia/production/cloudtrail', '/numinia/production/vpc-flow-logs']),
      'staging-us-east-1': bastion('staging', ['/numinia/staging/vpc-flow-logs']),
    });
  });

  // moto answers reads of CloudFormation-made keys with HTTP 500 (PITFALLS): the key policies are read from the templates.
  test('the non-home region\'s logs key grants CloudTrail nothing', () => {
    const grantsCloudTrail = (d: (typeof deployed)[number]) =>
      JSON.stringify(Object.values(d.template.Resources).filter((r) => r.Type === 'AWS::KMS::Key')).includes('cloudtrail.amazonaws.com');
    expect(deployed.map((d) => [d.id, grantsCloudTrail(d)])).toEqual([
      ['staging-eu-west-1', true], ['staging-us-east-1', false], ['production-eu-west-1', true],
    ]);
  });
});
