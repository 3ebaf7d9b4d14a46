/**
 * The production baseline deployed into a local AWS emulator (moto server), with the real CDK CLI and with the
 * CloudFormation API, then read back with real AWS SDK v3 calls. Nothing here can reach AWS: see
 * harness/emulator-env.ts (local endpoint, dummy credentials, scrubbed environment, dead proxy).
 *
 * Where each fact is verified:
 *
 * | Fact                                                                | Emulator (this file) | Template (template-facts.test.ts) |
 * |---------------------------------------------------------------------|----------------------|-----------------------------------|
 * | VPC CIDR; subnet CIDRs and zones                                    | yes                  |                                   |
 * | NAT gateways (count, one per public subnet)                         | yes                  |                                   |
 * | private default routes to the NAT of their own zone                 | yes (*)              |                                   |
 * | S3 gateway endpoint; EKS and Logs interface endpoints, their SG     | yes                  |                                   |
 * | flow log, its log group's 30-day retention, its role                | yes                  |                                   |
 * | EFS: encryption with the baseline key, backups, mount targets, SG   | yes                  |                                   |
 * | KMS keys (the alarm topic's too): aliases, rotation, state, policy  | yes                  | rotation period (365 days)        |
 * | IAM roles: trust policies, an inline policy each (none: CSI node)   | yes                  | managed policy (dropped by moto)  |
 * | bastion: type, subnet, no public IP, encrypted gp3 root, profile    | yes                  | IMDSv2, its security group, alarm |
 * | tags Environment/Project/ManagedBy                                  | where moto keeps tags| NAT, EIP, IGW, route tables,      |
 * |                                                                     |                      | endpoints (moto drops their tags) |
 * | retained resources survive stack deletion                           | yes                  | DeletionPolicy of each            |
 * | alarm topic: name, display name, its key                            | yes                  | tags (moto drops them)            |
 * | dashboard: alarms by ARN, the NAT gateways, endpoints, EFS, bastion | yes (***)            |                                   |
 * | CloudTrail trail, bucket policies, recovery alarm                   | no (not modelled)    | yes                               |
 * | CIS metric filters, the 27 alarms, topic policy, e-mail subscriptions| no (not modelled)    | yes (and test/monitoring/)        |
 * | bucket versioning, public access block, lifecycle, access logging   | no (not modelled)    | yes                               |
 * | network ACLs: each subnet's entries, flows they allow and refuse    | yes (**)             | yes (test/network)                |
 * | security group egress rules, EFS file system policy, log group key  | no (dropped)         | yes                               |
 * | Custom::VpcRestrictDefaultSG (Lambda-backed)                        | no (no Lambda here)  | yes, on the example's template    |
 *
 * (*) moto does not report route-table associations: the subnet -> route table edge comes from the template's
 *     SubnetRouteTableAssociation; the routes, NAT gateways and zones come from the emulator.
 * (**) moto's CloudFormation skips network ACLs; the harness creates the template's through the EC2 API after the
 *     deployment (harness/network-acls.ts), so the emulator's answer is checked, not CloudFormation's handling.
 * (***) the alarm-status widget names alarms by ARN; moto makes no alarm, so the harness writes those ARNs from the
 *     alarms' names (harness/moto-quirks.ts). What moto skips is shown in moto-quirks.test.ts ("not modelled").
 *
 * Each scenario starts on a freshly reset emulator. The emulator apps are the production example with
 * `restrictDefaultSecurityGroup: false` (apps/emulator-app.ts says why).
 */
import { buildEmulatorApp } from './apps/emulator-app';
import { PRODUCTION_STACK_NAME } from './apps/production-props';
import { buildSingleNatApp, SINGLE_NAT_STACK_NAME } from './apps/single-nat-app';
import {
  createStackWithSdk, deleteStackWithSdk, deployWithCdk, destroyWithCdk, liveStackStatuses, newAssemblyDir, synthesize, SynthesizedStack,
} from './harness/deploy';
import { Emulator } from './harness/emulator';
import { BaselineFacts, readBaseline } from './harness/read-back';
import { leftoversAfterDeletion, retainedLogicalIds, stateAfterDeletion } from './harness/retention';
import { declareProductionBaselineTests } from './production-expectations';

/** Synthesis, bootstrap and deployment: generous, for a loaded 2-core CI machine (measured: well under a minute). */
const SCENARIO_TIMEOUT_MS = 5 * 60_000;

let emulator: Emulator;
let production: SynthesizedStack;

beforeAll(async () => {
  emulator = await Emulator.start();
  production = synthesize(buildEmulatorApp({ outdir: newAssemblyDir(emulator, 'production') }).app, PRODUCTION_STACK_NAME);
}, SCENARIO_TIMEOUT_MS);

afterAll(async () => {
  await emulator?.stop();
}, 60_000);

describe('production baseline deployed with the CDK CLI (cdk bootstrap, cdk deploy)', () => {
  let facts: BaselineFacts;
  beforeAll(async () => {
    await emulator.reset();
    await emulator.bootstrap();
    await deployWithCdk(emulator, production);
    facts = await readBaseline(emulator.clients, production.stackName, production.template);
  }, SCENARIO_TIMEOUT_MS);

  declareProductionBaselineTests(() => facts, () => production.template);

  describe('after cdk destroy', () => {
    beforeAll(async () => {
      await destroyWithCdk(emulator, production);
    }, SCENARIO_TIMEOUT_MS);
    declareRetentionTests(() => facts);
  });
});

describe('production baseline created with CloudFormation CreateStack (AWS SDK v3), no bootstrap', () => {
  let facts: BaselineFacts;
  beforeAll(async () => {
    await emulator.reset();
    await createStackWithSdk(emulator, production);
    facts = await readBaseline(emulator.clients, production.stackName, production.template);
  }, SCENARIO_TIMEOUT_MS);

  declareProductionBaselineTests(() => facts, () => production.template);

  describe('after DeleteStack', () => {
    beforeAll(async () => {
      await deleteStackWithSdk(emulator, production.stackName);
    }, SCENARIO_TIMEOUT_MS);
    declareRetentionTests(() => facts);
  });
});

describe('a non-default configuration deploys: one NAT gateway (NatGateways.SINGLE)', () => {
  let facts: BaselineFacts;
  beforeAll(async () => {
    // QUIRK (moto 5.2): updates through change sets crash moto, so the changed configuration is a new stack on a
    // freshly reset emulator rather than an update of the default one.
    await emulator.reset();
    const singleNat = synthesize(buildSingleNatApp(newAssemblyDir(emulator, 'single-nat')).app, SINGLE_NAT_STACK_NAME);
    await emulator.bootstrap();
    await deployWithCdk(emulator, singleNat);
    facts = await readBaseline(emulator.clients, singleNat.stackName, singleNat.template);
  }, SCENARIO_TIMEOUT_MS);

  test('one NAT gateway, in the first public subnet (10.0.101.0/24, eu-west-1a)', () => {
    expect(facts.natGateways).toHaveLength(1);
    const natSubnet = facts.subnets.find((s) => s.id === facts.natGateways[0].subnetId);
    expect(natSubnet).toMatchObject({ kind: 'Public', cidr: '10.0.101.0/24', availabilityZone: 'eu-west-1a' });
  });

  test('every private route table sends its default route to that NAT gateway', () => {
    const privateSubnets = facts.subnets.filter((s) => s.kind === 'Private');
    expect(privateSubnets.map((s) => s.defaultRouteTarget)).toEqual([0, 1, 2].map(() => facts.natGateways[0].id));
  });

  test('the address plan is unchanged', () => {
    expect(facts.vpc.cidr).toBe('10.0.0.0/16');
    expect(facts.subnets.map((s) => `${s.cidr} ${s.availabilityZone}`).sort()).toEqual([
      '10.0.1.0/24 eu-west-1a', '10.0.101.0/24 eu-west-1a', '10.0.102.0/24 eu-west-1b',
      '10.0.103.0/24 eu-west-1c', '10.0.2.0/24 eu-west-1b', '10.0.3.0/24 eu-west-1c',
    ]);
  });

  test('one Elastic IP', () => {
    expect(Object.values(facts.resources).filter((r) => r.type === 'AWS::EC2::EIP')).toHaveLength(1);
  });
});

/** After the stack is deleted: what must survive does, what must go is gone. */
function declareRetentionTests(before: () => BaselineFacts): void {
  test('the stack is gone', async () => {
    expect(await liveStackStatuses(emulator, production.stackName)).toEqual([]);
  });

  test('every retained resource still exists: KMS keys (enabled, the alarm topic\'s too), EFS, trail buckets, log groups', async () => {
    const states = await Promise.all(retainedLogicalIds(production.template).map(async (logicalId) => {
      const { type, physicalId } = before().resources[logicalId];
      return `${type} ${await stateAfterDeletion(emulator.clients, type, physicalId)}`;
    }));
    expect(states.sort()).toEqual([
      'AWS::EFS::FileSystem available',
      'AWS::KMS::Key Enabled', 'AWS::KMS::Key Enabled', 'AWS::KMS::Key Enabled', 'AWS::KMS::Key Enabled',
      'AWS::Logs::LogGroup exists', 'AWS::Logs::LogGroup exists', 'AWS::Logs::LogGroup exists', 'AWS::Logs::LogGroup exists', 'AWS::Logs::LogGroup exists',
      'AWS::S3::Bucket exists', 'AWS::S3::Bucket exists',
    ]);
  });

  test('resources that are not retained are gone: roles, key aliases, mount targets, the bastion, the topic, the dashboard', async () => {
    expect(await leftoversAfterDeletion(emulator.clients, before())).toEqual([]);
  });
}
