import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { NatGateways, NuminiaBaseline } from '../src';
import { baselineStack, STATEFUL_TYPES, synthTemplate } from './util';
import { PINNED_FEATURE_FLAGS } from '../src/private/feature-flags';

type Json = any;

/**
 * Two differences come from flags that aws-cdk-lib reads on the consumer's Stack, out of the construct's reach, and
 * mean the same thing: `@aws-cdk/core:enablePartitionLiterals` writes "aws" for `{Ref: AWS::Partition}` in a
 * region-specific stack, and `@aws-cdk/aws-iam:minimizePolicies` sorts the actions and principals of each IAM statement.
 * This folds both into one form; anything else that differs still fails the test.
 */
function normalize(value: Json): Json {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  if (value.Ref === 'AWS::Partition') return 'aws';
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
  if (Array.isArray(out['Fn::Join']) && out['Fn::Join'][0] === '') {
    const parts = (out['Fn::Join'][1] as Json[]).reduce((acc: Json[], part) => {
      if (typeof part === 'string' && typeof acc[acc.length - 1] === 'string') acc[acc.length - 1] += part;
      else acc.push(part);
      return acc;
    }, []);
    return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : { 'Fn::Join': ['', parts] };
  }
  if (Array.isArray(out.Action)) out.Action = [...out.Action].sort();
  if (Array.isArray(out.Principal?.AWS)) {
    out.Principal.AWS = [...out.Principal.AWS].sort((a: Json, b: Json) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}


describe('NuminiaBaseline', () => {
  test('the same template under a bare App and under every flag that cdk init sets', () => {
    const flags = cxapi.CURRENTLY_RECOMMENDED_FLAGS;
    expect(Object.keys(flags).length).toBeGreaterThan(50);
    const bare = synthTemplate().toJSON();
    const flagged = synthTemplate({}, { appProps: { context: flags } }).toJSON();
    expect(normalize(flagged)).toEqual(normalize(bare));
  });

  test('every flag the baseline pins is one cdk init sets, at the value it sets', () => {
    for (const [flag, value] of Object.entries(PINNED_FEATURE_FLAGS)) {
      expect([flag, (cxapi.CURRENTLY_RECOMMENDED_FLAGS as Record<string, unknown>)[flag]]).toEqual([flag, value]);
    }
  });

  test('logical IDs of stateful resources are pinned: changing one replaces the resource and loses data', () => {
    const template = synthTemplate({ network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] } });
    const ids = STATEFUL_TYPES.flatMap((type) => Object.keys(template.findResources(type)).map((id) => `${type} ${id}`)).sort();
    expect(ids).toEqual([
      'AWS::EC2::Subnet BaselineNetworkVpcDatabaseSubnet1Subnet33608311',
      'AWS::EC2::Subnet BaselineNetworkVpcDatabaseSubnet2Subnet2FBBFBC9',
      'AWS::EC2::Subnet BaselineNetworkVpcDatabaseSubnet3Subnet9339361B',
      'AWS::EC2::Subnet BaselineNetworkVpcPrivateSubnet1Subnet4D5B5213',
      'AWS::EC2::Subnet BaselineNetworkVpcPrivateSubnet2Subnet9C1EB044',
      'AWS::EC2::Subnet BaselineNetworkVpcPrivateSubnet3Subnet06970E6E',
      'AWS::EC2::Subnet BaselineNetworkVpcPublicSubnet1SubnetDA743A06',
      'AWS::EC2::Subnet BaselineNetworkVpcPublicSubnet2Subnet1425B521',
      'AWS::EC2::Subnet BaselineNetworkVpcPublicSubnet3Subnet6772326E',
      'AWS::EC2::VPC BaselineNetworkVpc03811D27',
      'AWS::EFS::FileSystem BaselineStorageFileSystem486C4291',
      'AWS::EFS::MountTarget BaselineStorageFileSystemEfsMountTargetPrivateSubnet163E98B72',
      'AWS::EFS::MountTarget BaselineStorageFileSystemEfsMountTargetPrivateSubnet29F469BEE',
      'AWS::EFS::MountTarget BaselineStorageFileSystemEfsMountTargetPrivateSubnet348087ED2',
      'AWS::KMS::Key BaselineEncryptionEksSecretsKeyDDE5F76B',
      'AWS::KMS::Key BaselineEncryptionFileSystemKeyAD418ED4',
      'AWS::KMS::Key BaselineEncryptionLogsKey589DFDB0',
      'AWS::KMS::Key BaselineMonitoringAlarmTopicKeyFA8ED7D1',
      'AWS::Logs::LogGroup BaselineAuditTrailLogGroup4DC54905',
      'AWS::Logs::LogGroup BaselineBastionPatchingLogGroup79D6FD29',
      'AWS::Logs::LogGroup BaselineBastionSessionLoggingLogGroup187A86AB',
      'AWS::Logs::LogGroup BaselineBastionSessionLoggingPreferencesLogGroup0FF8A097',
      'AWS::Logs::LogGroup BaselineNetworkFlowLogGroup5D69D648',
      'AWS::S3::Bucket BaselineAuditTrailAccessLogsBucketB49B871F',
      'AWS::S3::Bucket BaselineAuditTrailBucket6B0AB327',
      'AWS::SNS::Topic BaselineMonitoringAlarmTopicD3FA594D',
    ]);
  });

  test('logical IDs of stateful resources do not move when a non-stateful option changes', () => {
    const ids = (t: Template) => STATEFUL_TYPES.flatMap((type) => Object.keys(t.findResources(type))).sort();
    // The bastion's own log groups (patching and session output) go with it; they are retained, so nothing is lost.
    const withoutBastion = ids(synthTemplate()).filter((id) => !id.startsWith('BaselineBastion'));
    expect(ids(synthTemplate({ network: { natGateways: NatGateways.SINGLE }, bastion: { enabled: false } }))).toEqual(withoutBastion);
    expect(ids(synthTemplate({ network: { natGateways: NatGateways.SINGLE } }))).toEqual(ids(synthTemplate()));
  });

  test('data-bearing resources (keys, file system, log groups, buckets) are retained on delete and replacement', () => {
    const template = synthTemplate();
    for (const type of ['AWS::EFS::FileSystem', 'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::S3::Bucket']) {
      for (const resource of Object.values(template.findResources(type))) {
        expect([type, resource.DeletionPolicy, resource.UpdateReplacePolicy]).toEqual([type, 'Retain', 'Retain']);
      }
    }
  });

  test('Environment, Project, ManagedBy=cdk and user tags are on every resource that takes tags', () => {
    const template = synthTemplate({ project: 'acme', environment: 'staging', tags: { CostCentre: 'cc-42' } });
    const untagged: string[] = [];
    for (const [id, resource] of Object.entries(template.toJSON().Resources as Record<string, Json>)) {
      const props = resource.Properties ?? {};
      const tags = props.Tags ?? props.FileSystemTags;
      if (tags === undefined) {
        untagged.push(resource.Type);
        continue;
      }
      // Most types take a list of {Key, Value}; a few (SSM parameters) a plain map.
      const byKey = Array.isArray(tags) ? Object.fromEntries(tags.map((t: Json) => [t.Key, t.Value])) : tags;
      expect([id, byKey.Environment, byKey.Project, byKey.ManagedBy, byKey.CostCentre]).toEqual([id, 'staging', 'acme', 'cdk', 'cc-42']);
    }
    // The types CloudFormation gives no tags (test/tags.test.ts checks every type against CloudFormation's database).
    expect([...new Set(untagged)].sort()).toEqual([
      'AWS::EC2::NetworkAclEntry',
      'AWS::EC2::Route',
      'AWS::EC2::SubnetNetworkAclAssociation',
      'AWS::EC2::SubnetRouteTableAssociation',
      'AWS::EC2::VPCGatewayAttachment',
      'AWS::EFS::MountTarget',
      'AWS::IAM::InstanceProfile',
      'AWS::IAM::Policy',
      'AWS::KMS::Alias',
      'AWS::Logs::MetricFilter',
      'AWS::S3::BucketPolicy',
      'AWS::SNS::TopicPolicy',
      'AWS::SSM::MaintenanceWindowTarget',
      'AWS::SSM::MaintenanceWindowTask',
      'Custom::SessionManagerPreferences',
      'Custom::VpcRestrictDefaultSG',
    ]);
  });

  test('exposes the L2s it makes', () => {
    const { baseline } = baselineStack();
    expect(baseline.vpc.privateSubnets).toHaveLength(3);
    expect(baseline.fileSystem).toBeDefined();
    expect(baseline.fileSystemSecurityGroup).toBeDefined();
    expect(baseline.keys.fileSystem).toBeDefined();
    expect(baseline.bastion).toBeDefined();
    expect(baseline.bastionRole).toBeDefined();
    expect(baseline.efsCsiDriverRole).toBeDefined();
    expect(baseline.trail).toBeDefined();
    expect(baseline.trailBucket).toBeDefined();
    expect(baseline.trailLogGroup).toBeDefined();
    expect(baseline.flowLogGroup).toBeDefined();
  });

  test('the default template: 182 resources (133 without monitoring), matching the snapshot (a complement to the assertions above)', () => {
    const template = synthTemplate().toJSON();
    expect(Object.keys(template.Resources)).toHaveLength(182);
    // Asset hashes change with the aws-cdk-lib release, not with this library.
    expect(JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, '<asset-hash>'))).toMatchSnapshot();
  });

  test('it emits no CfnOutput: the consuming app decides its outputs', () => {
    expect(synthTemplate().toJSON().Outputs).toBeUndefined();
  });

  test('two baselines fit in one app (nothing has a fixed physical name)', () => {
    const { app } = baselineStack();
    const second = new Stack(app, 'Second', { env: { region: 'eu-west-1' } });
    new NuminiaBaseline(second, 'Baseline', { environment: 'staging' });
    expect(() => app.synth()).not.toThrow();
  });
});
