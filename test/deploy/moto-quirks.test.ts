/**
 * The moto workarounds of harness/moto-quirks.ts: what each patch does to a template, and, on a live emulator, that
 * each is still needed with the pinned moto (the unpatched template fails) and that it works (the patched one
 * deploys and reads back right). When a moto upgrade fixes a quirk, its "still needed" test fails: drop the patch.
 */
import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { DescribeAlarmsCommand, GetDashboardCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, GetKeyPolicyCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand } from '@aws-sdk/client-sns';
import { Emulator } from './harness/emulator';
import { patchTemplateForMoto, Template } from './harness/moto-quirks';
import { stackResources } from './harness/read-back';

const ROOT_PRINCIPAL = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };

const KEY_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ROOT_PRINCIPAL }, Action: 'kms:*', Resource: '*' }] };

const TAGGED_KEY: Template = {
  Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: KEY_POLICY, Tags: [{ Key: 'Project', Value: 'numinia' }] } } },
};
const KEY_WITH_POLICY: Template = {
  Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: KEY_POLICY } } },
};
/** A role whose description is the file system's ARN: the emulator's IAM reports it back. */
const FILE_SYSTEM_ARN: Template = {
  Resources: {
    FileSystem: { Type: 'AWS::EFS::FileSystem', Properties: {} },
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Description: { 'Fn::GetAtt': ['FileSystem', 'Arn'] },
      },
    },
  },
};
const TAGGED_PARAMETER: Template = {
  Resources: { Parameter: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/quirk/tagged', Type: 'String', Value: 'vpc-1', Tags: { Project: 'numinia' } } } },
};
const BOOTSTRAP_CHECK: Template = {
  Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } },
  Rules: {
    CheckBootstrapVersion: {
      Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: 'BootstrapVersion' }] }] }, AssertDescription: 'bootstrap 6 required' }],
    },
  },
  Resources: { Parameter: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/quirk/bootstrap', Type: 'String', Value: 'x' } } },
};

const ALARM = {
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmName: 'quirk-alarm',
    Namespace: 'AWS/EC2',
    MetricName: 'StatusCheckFailed',
    Statistic: 'Maximum',
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  },
};
/** A dashboard whose body names the alarm by ARN, as an alarm-status widget does. */
const ALARM_ARN: Template = {
  Resources: {
    Alarm: ALARM,
    Dashboard: {
      Type: 'AWS::CloudWatch::Dashboard',
      Properties: { DashboardName: 'quirk', DashboardBody: { 'Fn::Join': ['', ['{"widgets":[{"type":"alarm","properties":{"alarms":["', { 'Fn::GetAtt': ['Alarm', 'Arn'] }, '"]}}]}']] } },
    },
  },
};
/** The monitoring area's types moto's CloudFormation skips, around a topic and a log group it does make. */
const NOT_MODELLED: Template = {
  Resources: {
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'quirk-topic' } },
    TopicPolicy: {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [{ Ref: 'Topic' }],
        PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: 'Topic' } }] },
      },
    },
    Subscription: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'email', Endpoint: 'ops@example.com' } },
    LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/quirk/trail' } },
    Filter: {
      Type: 'AWS::Logs::MetricFilter',
      Properties: {
        LogGroupName: { Ref: 'LogGroup' },
        FilterPattern: '{ $.eventName = "ConsoleLogin" }',
        MetricTransformations: [{ MetricNamespace: 'LogMetrics', MetricName: 'Quirk', MetricValue: '1' }],
      },
    },
    Alarm: { ...ALARM, Properties: { ...ALARM.Properties, AlarmActions: [{ Ref: 'Topic' }] } },
  },
};

/** The bastion's Patch Manager types, and the rule on its compliance, around a log group moto does make. */
const PATCHING_NOT_MODELLED: Template = {
  Resources: {
    LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/quirk/bastion-patching' } },
    PatchBaseline: {
      Type: 'AWS::SSM::PatchBaseline',
      Properties: {
        Name: 'quirk-bastion',
        OperatingSystem: 'AMAZON_LINUX_2023',
        PatchGroups: ['quirk-bastion'],
        ApprovalRules: { PatchRules: [{ ApproveAfterDays: 7, PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security'] }] } }] },
      },
    },
    Scan: { Type: 'AWS::SSM::Association', Properties: { Name: 'AWS-RunPatchBaseline', ScheduleExpression: 'rate(1 day)', Parameters: { Operation: ['Scan'] }, Targets: [{ Key: 'tag:PatchGroup', Values: ['quirk-bastion'] }] } },
    Window: { Type: 'AWS::SSM::MaintenanceWindow', Properties: { Name: 'quirk-install', Schedule: 'cron(0 3 ? * SUN *)', ScheduleTimezone: 'Europe/Dublin', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false } },
  },
};
/** The Session Manager preferences' custom resource, which moto would hand to a container to run. */
const SESSION_PREFERENCES: Template = {
  Resources: {
    Function: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.14', Handler: 'index.handler', Code: { ZipFile: 'x' }, Role: 'arn:aws:iam::123456789012:role/r' } },
    Preferences: { Type: 'Custom::SessionManagerPreferences', Properties: { ServiceToken: { 'Fn::GetAtt': ['Function', 'Arn'] }, Content: '{}' } },
  },
};

/** Subnets cut from a parameter's block by Fn::Cidr, as the StackSet template does. */
const CIDR_SUBNETS: Template = {
  Parameters: { VpcCidr: { Type: 'String', Default: '10.7.0.0/16' } },
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'VpcCidr' } } },
    Subnet: {
      Type: 'AWS::EC2::Subnet',
      Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: { 'Fn::Select': [101, { 'Fn::Cidr': [{ Ref: 'VpcCidr' }, 256, '8'] }] } },
    },
  },
};

describe('patchTemplateForMoto', () => {
  test('rewrites KMS key tags as TagKey/TagValue and SSM parameter tags as a Key/Value list', () => {
    expect(patchTemplateForMoto(TAGGED_KEY).Resources.Key.Properties?.Tags).toEqual([{ TagKey: 'Project', TagValue: 'numinia' }]);
    expect(patchTemplateForMoto(TAGGED_PARAMETER).Resources.Parameter.Properties?.Tags).toEqual([{ Key: 'Project', Value: 'numinia' }]);
  });

  test('turns a key policy into the same JSON as a string, its intrinsics kept for CloudFormation', () => {
    const policy = patchTemplateForMoto(KEY_WITH_POLICY).Resources.Key.Properties?.KeyPolicy;
    // Resolve the intrinsics as CloudFormation would, then parse: the original policy comes back.
    const resolve = (value: any): string => {
      if (typeof value === 'string') return value;
      if (value.Ref) return ({ 'AWS::Partition': 'aws', 'AWS::AccountId': '123456789012' } as Record<string, string>)[value.Ref];
      return value['Fn::Join'][1].map(resolve).join(value['Fn::Join'][0]);
    };
    expect(JSON.parse(resolve(policy))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }],
    });
  });

  test('builds the file system ARN from its ID instead of Fn::GetAtt', () => {
    expect(patchTemplateForMoto(FILE_SYSTEM_ARN).Resources.Role.Properties?.Description['Fn::Join'][1]).toContainEqual({ Ref: 'FileSystem' });
  });

  test('builds an alarm\'s ARN from its name instead of Fn::GetAtt', () => {
    const body = (patchTemplateForMoto(ALARM_ARN).Resources.Dashboard.Properties!.DashboardBody as any)['Fn::Join'][1];
    expect(body[1]).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alarm:quirk-alarm']],
    });
  });

  test('computes Fn::Cidr as CloudFormation does, from a literal block or a parameter\'s default', () => {
    expect(patchTemplateForMoto(CIDR_SUBNETS).Resources.Subnet.Properties?.CidrBlock['Fn::Select'][1]).toHaveLength(256);
    expect(patchTemplateForMoto(CIDR_SUBNETS).Resources.Subnet.Properties?.CidrBlock['Fn::Select'][1].slice(0, 2)).toEqual(['10.7.0.0/24', '10.7.1.0/24']);
    const literal: Template = { Resources: { S: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: { 'Fn::Cidr': ['192.168.0.0/24', 4, 6] } } } } };
    expect(patchTemplateForMoto(literal).Resources.S.Properties?.CidrBlock).toEqual(['192.168.0.0/26', '192.168.0.64/26', '192.168.0.128/26', '192.168.0.192/26']);
    const tooSmall: Template = { Resources: { S: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: { 'Fn::Cidr': ['10.0.0.0/28', 2, '8'] } } } } };
    expect(() => patchTemplateForMoto(tooSmall)).toThrow('Fn::Cidr of 10.0.0.0/28 into blocks of 8 host bits: the block is smaller than one of them');
  });

  test('drops the bootstrap version check only when asked', () => {
    expect(patchTemplateForMoto(BOOTSTRAP_CHECK)).toMatchObject({ Parameters: { BootstrapVersion: expect.anything() }, Rules: expect.anything() });
    const patched = patchTemplateForMoto(BOOTSTRAP_CHECK, { dropBootstrapVersionCheck: true });
    expect(patched.Parameters).toEqual({});
    expect(patched.Rules).toBeUndefined();
  });

  test('leaves the input alone', () => {
    const before = JSON.stringify(KEY_WITH_POLICY);
    patchTemplateForMoto(KEY_WITH_POLICY);
    expect(JSON.stringify(KEY_WITH_POLICY)).toBe(before);
  });
});

describe('on the pinned moto: each workaround is still needed, and works', () => {
  let emulator: Emulator;
  let stackCount = 0;
  beforeAll(async () => {
    emulator = await Emulator.start();
  }, 60_000);
  afterAll(async () => {
    await emulator?.stop();
  }, 30_000);

  /** CreateStack of `template` (as JSON) under a new name; resolves with that name. */
  async function createStack(template: Template): Promise<string> {
    const stackName = `quirk-${++stackCount}`;
    await emulator.clients.cloudFormation.send(new CreateStackCommand({ StackName: stackName, TemplateBody: JSON.stringify(template) }));
    return stackName;
  }

  /** The unpatched template fails; a crash can leave half-made resources, so the emulator is then reset. */
  async function expectCreateStackToFail(template: Template): Promise<void> {
    await expect(createStack(template)).rejects.toThrow();
    await emulator.reset();
  }

  async function physicalId(stackName: string, logicalId: string): Promise<string> {
    return (await stackResources(emulator.clients, stackName))[logicalId].physicalId;
  }

  test('a tagged KMS key: CreateStack fails; patched, the tags are on the key', async () => {
    await expectCreateStackToFail(TAGGED_KEY);
    const stackName = await createStack(patchTemplateForMoto(TAGGED_KEY));
    const tags = await emulator.clients.kms.send(new ListResourceTagsCommand({ KeyId: await physicalId(stackName, 'Key') }));
    expect(tags.Tags).toEqual([{ TagKey: 'Project', TagValue: 'numinia' }]);
  });

  test('a key policy object: DescribeKey fails; patched, DescribeKey works and the policy is resolved', async () => {
    const unpatched = await physicalId(await createStack(KEY_WITH_POLICY), 'Key');
    await expect(emulator.clients.kms.send(new DescribeKeyCommand({ KeyId: unpatched }))).rejects.toThrow();
    const keyId = await physicalId(await createStack(patchTemplateForMoto(KEY_WITH_POLICY)), 'Key');
    expect((await emulator.clients.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Enabled');
    const policy = JSON.parse((await emulator.clients.kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }))).Policy!);
    expect(policy.Statement[0].Principal).toEqual({ AWS: 'arn:aws:iam::123456789012:root' });
  });

  test('Fn::GetAtt of a file system ARN: CreateStack fails; patched, the ARN is the file system\'s', async () => {
    await expectCreateStackToFail(FILE_SYSTEM_ARN);
    const stackName = await createStack(patchTemplateForMoto(FILE_SYSTEM_ARN));
    const role = await emulator.clients.iam.send(new GetRoleCommand({ RoleName: await physicalId(stackName, 'Role') }));
    expect(role.Role?.Description).toBe(`arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/${await physicalId(stackName, 'FileSystem')}`);
  });

  test('a tagged SSM parameter: CreateStack fails; patched, it is created', async () => {
    await expectCreateStackToFail(TAGGED_PARAMETER);
    const stackName = await createStack(patchTemplateForMoto(TAGGED_PARAMETER));
    expect((await stackResources(emulator.clients, stackName)).Parameter.status).toBe('CREATE_COMPLETE');
  });

  test('Fn::GetAtt of an alarm\'s ARN: CreateStack fails; patched, the dashboard names the alarm\'s ARN', async () => {
    await expectCreateStackToFail(ALARM_ARN);
    await createStack(patchTemplateForMoto(ALARM_ARN));
    const body = JSON.parse((await emulator.clients.cloudWatch.send(new GetDashboardCommand({ DashboardName: 'quirk' }))).DashboardBody!);
    expect(body.widgets[0].properties.alarms).toEqual(['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:quirk-alarm']);
  });

  test('not modelled: alarms, metric filters, topic policies and subscriptions are skipped, the stack still completes', async () => {
    // When a moto upgrade makes any of them, read it back in harness/read-back.ts and drop it from the table in
    // baseline-emulator.test.ts.
    const stackName = await createStack(NOT_MODELLED);
    const resources = await stackResources(emulator.clients, stackName);
    expect(Object.keys(resources).sort()).toEqual(['LogGroup', 'Topic']);
    const topicArn = resources.Topic.physicalId;
    expect((await emulator.clients.cloudWatch.send(new DescribeAlarmsCommand({ AlarmNames: ['quirk-alarm'] }))).MetricAlarms).toEqual([]);
    expect((await emulator.clients.logs.send(new DescribeMetricFiltersCommand({ logGroupName: '/quirk/trail' }))).metricFilters).toEqual([]);
    expect((await emulator.clients.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions).toEqual([]);
    // The topic keeps moto's default policy, not the template's.
    const policy = JSON.parse((await emulator.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes!.Policy);
    expect(policy.Statement.map((s: any) => s.Principal)).toEqual([{ AWS: '*' }]);
  });

  test('not modelled: the patch baseline, the association and the maintenance window are skipped, the stack still completes', async () => {
    // The bastion's patching is asserted on the template (test/access/bastion-patching.test.ts). When a moto upgrade
    // makes these, read them back in the baseline's emulator test.
    const stackName = await createStack(PATCHING_NOT_MODELLED);
    expect(Object.keys(await stackResources(emulator.clients, stackName)).sort()).toEqual(['LogGroup']);
  });

  test('a Lambda-backed custom resource: the patch leaves the Session Manager preferences out, and nothing else', () => {
    expect(Object.keys(patchTemplateForMoto(SESSION_PREFERENCES).Resources)).toEqual(['Function']);
  });

  test('Fn::Cidr: CreateStack fails; patched, the subnet gets the block CloudFormation computes', async () => {
    await expectCreateStackToFail(CIDR_SUBNETS);
    const stackName = await createStack(patchTemplateForMoto(CIDR_SUBNETS));
    const subnetId = await physicalId(stackName, 'Subnet');
    expect((await emulator.clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }))).Subnets?.[0].CidrBlock).toBe('10.7.101.0/24');
  });

  test('the bootstrap version check without cdk bootstrap: CreateStack fails; without the check, it is created', async () => {
    await expectCreateStackToFail(BOOTSTRAP_CHECK);
    const stackName = await createStack(patchTemplateForMoto(BOOTSTRAP_CHECK, { dropBootstrapVersionCheck: true }));
    expect((await stackResources(emulator.clients, stackName)).Parameter.status).toBe('CREATE_COMPLETE');
  });
});
