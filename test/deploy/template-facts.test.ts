/**
 * The template half of the deployment tests (the table at the top of baseline-emulator.test.ts): facts the local
 * emulator does not model, drops, or cannot run, asserted on the synthesized template of the production example
 * with aws-cdk-lib/assertions. No emulator, no AWS.
 */
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildEmulatorApp } from './apps/emulator-app';
import { EMULATOR_ACCOUNT } from './harness/emulator-env';
import { CfnResource } from './harness/moto-quirks';
import { buildProductionApp } from '../../examples/production/app';

const BASELINE_TAGS = [
  { Key: 'Environment', Value: 'production' },
  { Key: 'ManagedBy', Value: 'cdk' },
  { Key: 'Project', Value: 'numinia' },
];

/** The example reads its account from CDK_DEFAULT_ACCOUNT: pinned to the emulator's while it is built. */
function exampleStack(): Stack {
  const saved = process.env.CDK_DEFAULT_ACCOUNT;
  process.env.CDK_DEFAULT_ACCOUNT = EMULATOR_ACCOUNT;
  try {
    return buildProductionApp().stack;
  } finally {
    if (saved === undefined) {
      delete process.env.CDK_DEFAULT_ACCOUNT;
    } else {
      process.env.CDK_DEFAULT_ACCOUNT = saved;
    }
  }
}

function emulatorStack(restrictDefaultSecurityGroup: boolean): Stack {
  return buildEmulatorApp({ network: { restrictDefaultSecurityGroup } }).stack;
}

let example: Template;
let deployed: Template;

beforeAll(() => {
  example = Template.fromStack(exampleStack());
  deployed = Template.fromStack(emulatorStack(false));
});

describe('the emulator apps are the production example', () => {
  test('with restrictDefaultSecurityGroup back on, the emulator app synthesizes exactly the example template', () => {
    expect(Template.fromStack(emulatorStack(true)).toJSON()).toEqual(example.toJSON());
  });

  test('what is deployed to the emulator lacks only the custom resource that empties the default security group', () => {
    const exampleResources: Record<string, { Type: string }> = example.toJSON().Resources;
    const deployedResources: Record<string, { Type: string }> = deployed.toJSON().Resources;
    const onlyInExample = Object.keys(exampleResources).filter((id) => !(id in deployedResources));
    expect(onlyInExample.map((id) => exampleResources[id].Type).sort()).toEqual([
      'AWS::IAM::Role', 'AWS::Lambda::Function', 'Custom::VpcRestrictDefaultSG',
    ]);
    expect(Object.keys(deployedResources).filter((id) => !(id in exampleResources))).toEqual([]);
    for (const [id, resource] of Object.entries(deployedResources)) {
      expect([id, resource]).toEqual([id, exampleResources[id]]);
    }
    // Parameters, rules, outputs, description: the same.
    expect({ ...deployed.toJSON(), Resources: undefined }).toEqual({ ...example.toJSON(), Resources: undefined });
  });
});

describe('asserted on the template: moto cannot run a Lambda-backed custom resource', () => {
  test('one Custom::VpcRestrictDefaultSG on the VPC default security group, run by its provider Lambda', () => {
    example.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    const [vpcId] = Object.keys(example.findResources('AWS::EC2::VPC'));
    const [handlerId] = Object.keys(example.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('default security group') },
    }));
    example.hasResourceProperties('Custom::VpcRestrictDefaultSG', {
      DefaultSecurityGroupId: { 'Fn::GetAtt': [vpcId, 'DefaultSecurityGroup'] },
      ServiceToken: { 'Fn::GetAtt': [handlerId, 'Arn'] },
    });
    // The baseline's Lambdas: this one, and the Session Manager preferences' handler (left out of the emulator's
    // deployment by harness/moto-quirks.ts; its handler runs against moto in test/access/session-logging.test.ts).
    expect(Object.values(example.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Description).sort()).toEqual([
      'Creates or updates SSM-SessionManagerRunShell, and makes the new version the default',
      expect.stringMatching(/default security group/),
    ]);
    example.resourceCountIs('Custom::SessionManagerPreferences', 1);
  });
});

describe('asserted on the template: resource types moto accepts without modelling them', () => {
  test('a multi-region CloudTrail trail: all management events, log file validation, the logs key, its bucket, a CloudWatch Logs copy', () => {
    const [bucketId] = Object.keys(example.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.anyValue() } }));
    example.resourceCountIs('AWS::CloudTrail::Trail', 1);
    example.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      IsLogging: true,
      EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }],
      KMSKeyId: { 'Fn::GetAtt': [logicalIdOfKey('logs'), 'Arn'] },
      S3BucketName: { Ref: bucketId },
      CloudWatchLogsLogGroupArn: Match.anyValue(),
    });
  });

  test('bucket policies: TLS only on both buckets; CloudTrail may write into the trail bucket, S3 server access logging into the other', () => {
    const policies = Object.values(example.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
        Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }));
    }
    const allowed = policies.flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => s.Effect === 'Allow').map((s: any) => `${s.Principal.Service} ${s.Action}`).sort();
    expect(allowed).toEqual([
      'cloudtrail.amazonaws.com s3:GetBucketAcl', 'cloudtrail.amazonaws.com s3:PutObject', 'logging.s3.amazonaws.com s3:PutObject',
    ]);
  });

  test('monitoring: fifteen CIS metric filters on the trail\'s log group, each with its alarm; 27 alarms in all, notifying the topic', () => {
    const [trailGroup] = Object.keys(example.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/numinia/production/cloudtrail' } }));
    // The CIS filters are in the LogMetrics namespace; the bastion's tunnel count (BastionOperations) has no alarm.
    const filters = Object.values(example.findResources('AWS::Logs::MetricFilter'))
      .filter((f) => f.Properties.MetricTransformations[0].MetricNamespace === 'LogMetrics');
    expect(filters).toHaveLength(15);
    expect(filters.every((f) => f.Properties.LogGroupName.Ref === trailGroup)).toBe(true);
    const [topic] = Object.keys(example.findResources('AWS::SNS::Topic'));
    const notifying = Object.values(example.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmActions: [{ Ref: topic }], ActionsEnabled: true } }));
    expect(notifying).toHaveLength(27);
    const cisMetrics = notifying.filter((a) => a.Properties.Namespace === 'LogMetrics').map((a) => a.Properties.MetricName).sort();
    expect(cisMetrics).toEqual(filters.map((f) => f.Properties.MetricTransformations[0].MetricName).sort());
  });

  test('monitoring: the topic policy lets only CloudWatch alarms of this account and EventBridge publish, over TLS', () => {
    const [topic] = Object.keys(example.findResources('AWS::SNS::Topic'));
    const [policy] = Object.values(example.findResources('AWS::SNS::TopicPolicy'));
    expect(policy.Properties.Topics).toEqual([{ Ref: topic }]);
    expect(policy.Properties.PolicyDocument.Statement.map((s: any) => `${s.Effect} ${JSON.stringify(s.Principal)} ${s.Action}`)).toEqual([
      'Deny "*" sns:Publish', 'Allow {"Service":"cloudwatch.amazonaws.com"} sns:Publish', 'Allow {"Service":"events.amazonaws.com"} sns:Publish',
    ]);
  });

  test('the bastion recovery alarm: StatusCheckFailed_System for 2 minutes recovers the instance', () => {
    example.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'StatusCheckFailed_System',
      EvaluationPeriods: 2,
      Period: 60,
      AlarmActions: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':automate:eu-west-1:ec2:recover']] }],
    });
  });
});

describe('asserted on the template: properties moto drops or does not report', () => {
  test('trail buckets: versioned, public access blocked, ACLs off, expiring; the trail bucket logs its access to the other', () => {
    const buckets = Object.values(example.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(2);
    for (const bucket of buckets) {
      expect(bucket.Properties).toMatchObject({
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
    }
    example.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { LogFilePrefix: 'trail-bucket/' },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }] })] },
    });
  });

  test('KMS keys (four, the alarm topic\'s included) rotate every 365 days', () => {
    const keys = Object.values(example.findResources('AWS::KMS::Key'));
    expect(keys.map((k) => [k.Properties.EnableKeyRotation, k.Properties.RotationPeriodInDays])).toEqual(keys.map(() => [true, 365]));
    expect(keys).toHaveLength(4);
  });

  test('log groups are encrypted with the logs key', () => {
    const groups = Object.values(example.findResources('AWS::Logs::LogGroup'));
    // Flow logs, trail, bastion patching, bastion sessions, session preferences' handler.
    expect(groups.map((g) => g.Properties.KmsKeyId)).toEqual([0, 1, 2, 3, 4].map(() => ({ 'Fn::GetAtt': [logicalIdOfKey('logs'), 'Arn'] })));
  });

  test('the bastion role has AmazonSSMManagedInstanceCore attached', () => {
    example.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] }],
    });
  });

  test('the bastion requires IMDSv2 and sits in its own security group: no inbound rule, HTTPS out only', () => {
    const [groupId] = Object.keys(example.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: Match.stringLikeRegexp('^Bastion') },
    }));
    example.hasResourceProperties('AWS::EC2::Instance', {
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
      SecurityGroupIds: [{ 'Fn::GetAtt': [groupId, 'GroupId'] }],
    });
    const group = example.findResources('AWS::EC2::SecurityGroup')[groupId];
    expect(group.Properties.SecurityGroupIngress).toBeUndefined();
    expect(group.Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 })]);
  });

  test('the endpoint and EFS security groups allow no outbound traffic', () => {
    const groups = example.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: Match.stringLikeRegexp('^(Interface VPC endpoints|EFS mount targets)') },
    });
    expect(Object.values(groups).map((g) => g.Properties.SecurityGroupEgress)).toEqual([0, 1].map(() => [
      // aws-cdk-lib's way of writing "no egress": a rule that can match nothing.
      expect.objectContaining({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' }),
    ]));
  });

  test('the EFS file system policy refuses unencrypted transport', () => {
    example.hasResourceProperties('AWS::EFS::FileSystem', {
      FileSystemPolicy: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'DenyUnencryptedTransport', Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        })]),
      }),
    });
  });

  test('public subnets do not hand out public IPs', () => {
    const publicSubnets = Object.values(example.findResources('AWS::EC2::Subnet', {
      Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Public' }]) },
    }));
    expect(publicSubnets.map((s) => s.Properties.MapPublicIpOnLaunch)).toEqual([false, false, false]);
  });

  test('tags on the resources whose tags moto drops: NAT gateways, Elastic IPs, internet gateway, route tables, VPC endpoints, the alarm topic', () => {
    for (const type of ['AWS::EC2::NatGateway', 'AWS::EC2::EIP', 'AWS::EC2::InternetGateway', 'AWS::EC2::RouteTable', 'AWS::EC2::VPCEndpoint', 'AWS::SNS::Topic']) {
      const resources = Object.entries(example.findResources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const [id, resource] of resources) {
        expect([id, resource.Properties.Tags]).toEqual([id, expect.arrayContaining(BASELINE_TAGS)]);
      }
    }
  });
});

describe('asserted on the template: what stack deletion must leave behind', () => {
  test('KMS keys (the alarm topic\'s too), the file system, both trail buckets and the five log groups are retained on deletion and replacement', () => {
    const resources: Record<string, CfnResource> = example.toJSON().Resources;
    const retained = Object.values(resources)
      .filter((r) => r.DeletionPolicy === 'Retain')
      .map((r) => `${r.Type} ${r.UpdateReplacePolicy}`)
      .sort();
    expect(retained).toEqual([
      'AWS::EFS::FileSystem Retain',
      'AWS::KMS::Key Retain', 'AWS::KMS::Key Retain', 'AWS::KMS::Key Retain', 'AWS::KMS::Key Retain',
      'AWS::Logs::LogGroup Retain', 'AWS::Logs::LogGroup Retain', 'AWS::Logs::LogGroup Retain', 'AWS::Logs::LogGroup Retain', 'AWS::Logs::LogGroup Retain',
      'AWS::S3::Bucket Retain', 'AWS::S3::Bucket Retain',
    ]);
  });
});

/** The logical ID of the baseline key aliased alias/numinia/production/<purpose>. */
function logicalIdOfKey(purpose: string): string {
  const [alias] = Object.values(example.findResources('AWS::KMS::Alias', { Properties: { AliasName: `alias/numinia/production/${purpose}` } }));
  return alias.Properties.TargetKeyId['Fn::GetAtt'][0];
}
