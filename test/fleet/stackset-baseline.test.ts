import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, BootstraplessSynthesizer, DefaultStackSynthesizer, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';

const resourcesOf = (json: any): any[] => Object.values(json.Resources);
import { synthStackSetTemplate } from './stackset-template';
import { NatGateways, StackSetBaseline } from '../../src';

describe('StackSetBaseline: the environment-agnostic template a service-managed StackSet deploys', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackset-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  // Synthesized in each test, not in the describe body (mutation testing would count it static: README).
  const synthesized = () => {
    const result = synthStackSetTemplate(outdir);
    return { ...result, resources: Object.entries<any>(result.json.Resources) };
  };

  test('no file asset, no Lambda function but the preferences\' inline one, no bootstrap version rule', () => {
    const { json, resources } = synthesized();
    // The Session Manager preferences' function carries its code inline (ZipFile): no asset. Each stack instance holds
    // its account and region's preferences (the accounts are unknown at synth time).
    expect(resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function' || r.Type.startsWith('Custom::')).map(([, r]) => [r.Type, Object.keys(r.Properties.Code ?? {})]))
      .toEqual([['AWS::Lambda::Function', ['ZipFile']], ['Custom::SessionManagerPreferences', []]]);
    expect(json.Rules).toBeUndefined();
    expect(Object.keys(json.Parameters)).not.toContain('BootstrapVersion');
    expect(JSON.stringify(json)).not.toMatch(/cdk-hnb659fds|aws:asset:path/);
  });

  test('the VPC CIDR is a /16 parameter and the subnets are the document\'s plan inside it, over three zones of Fn::GetAZs', () => {
    const { template, resources } = synthesized();
    template.hasParameter('VpcCidr', { Type: 'String', Default: '10.0.0.0/16', AllowedPattern: Match.stringLikeRegexp('/16\\$$') });
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: { Ref: 'VpcCidr' } });
    const subnets = resources.filter(([, r]) => r.Type === 'AWS::EC2::Subnet').map(([, r]) => r.Properties);
    expect(subnets.map((s) => [s.CidrBlock['Fn::Select'][0], s.AvailabilityZone['Fn::Select'][0]]).sort((a, b) => a[0] - b[0])).toEqual([
      [1, 0], [2, 1], [3, 2], [101, 0], [102, 1], [103, 2],
    ]);
    expect(subnets[0].CidrBlock['Fn::Select'][1]).toEqual({ 'Fn::Cidr': [{ Ref: 'VpcCidr' }, 256, '8'] });
    expect(subnets[0].AvailabilityZone['Fn::Select'][1]).toEqual({ 'Fn::GetAZs': '' });
  });

  test('the trail and everything that serves it exist only in the HomeRegion parameter\'s region', () => {
    const { template, resources } = synthesized();
    template.hasCondition('IsHomeRegion', { 'Fn::Equals': [{ Ref: 'AWS::Region' }, { Ref: 'HomeRegion' }] });
    template.hasParameter('HomeRegion', { Default: 'eu-west-1' });
    const conditional = resources.filter(([, r]) => r.Condition === 'IsHomeRegion').map(([, r]) => r.Type);
    const counts = Object.fromEntries([...new Set(conditional)].sort().map((type) => [type, conditional.filter((t) => t === type).length]));
    expect(counts).toEqual({
      'AWS::CloudTrail::Trail': 1,
      'AWS::IAM::Policy': 1,
      'AWS::IAM::Role': 1,
      'AWS::Logs::LogGroup': 1,
      'AWS::S3::Bucket': 2,
      'AWS::S3::BucketPolicy': 2,
      // what reads the trail's log group: the 15 CIS filters, their alarms and the trail-delivery alarm
      'AWS::Logs::MetricFilter': 15,
      'AWS::CloudWatch::Alarm': 16,
    });
    // The dashboard is in every region, and names no alarm that exists in the home region only.
    const [[, dashboard]] = resources.filter(([, r]) => r.Type === 'AWS::CloudWatch::Dashboard');
    expect(dashboard.Condition).toBeUndefined();
    const homeOnly = resources.filter(([, r]) => r.Condition === 'IsHomeRegion').map(([id]) => id);
    expect(homeOnly.filter((id) => JSON.stringify(dashboard).includes(`"${id}"`))).toEqual([]);
    // every other resource is unconditional: the VPC, keys, flow logs, bastion exist in every region
    expect(resources.filter(([, r]) => r.Condition === undefined).length).toBeGreaterThan(50);
  });

  test('the logs key grants CloudTrail only in the home region', () => {
    const { resources } = synthesized();
    const [logsKey] = resources.filter(([, r]) => r.Type === 'AWS::KMS::Key' && JSON.stringify(r).includes('cloudtrail.amazonaws.com')).map(([, r]) => r);
    const statements: any[] = logsKey.Properties.KeyPolicy.Statement;
    const cloudTrail = statements.filter((s) => JSON.stringify(s).includes('cloudtrail.amazonaws.com'));
    expect(cloudTrail.map((s) => [s['Fn::If']?.[0], s['Fn::If']?.[1].Sid, s['Fn::If']?.[2]])).toEqual([
      ['IsHomeRegion', 'AllowCloudTrailToEncryptLogsOfThisAccount', { Ref: 'AWS::NoValue' }],
      ['IsHomeRegion', 'AllowCloudTrailToDescribeKey', { Ref: 'AWS::NoValue' }],
    ]);
    expect(statements.filter((s) => s['Fn::If'] === undefined).map((s) => s.Sid)).toEqual([undefined, 'AllowCloudWatchLogsOfTheBaselineLogGroups']);
  });

  test('the default security group keeps AWS\'s rules, and says so', () => {
    const { resources, stackSetStack } = synthesized();
    expect(resources.filter(([, r]) => r.Type === 'Custom::VpcRestrictDefaultSG')).toEqual([]);
    const warnings = stackSetStack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/default security group keeps AWS's rules .*\[ack: @numinia\/cdk-baseline:defaultSecurityGroupOpen\]$/)]);
  });

  test('the bastion\'s image is resolved per region at deploy time, from a public SSM parameter', () => {
    const { json } = synthesized();
    expect(Object.values<any>(json.Parameters).filter((p) => p.Type.startsWith('AWS::SSM::Parameter::Value'))).toEqual([
      { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64' },
    ]);
  });

  test('the VpcCidr parameter takes a /16 block and nothing else', () => {
    const { json } = synthesized();
    expect(json.Parameters.VpcCidr).toMatchObject({
      ConstraintDescription: 'a /16 block such as 10.1.0.0/16',
      Description: expect.stringMatching(/^The VPC CIDR, a \/16/),
    });
    expect(json.Parameters.HomeRegion.Description).toMatch(/multi-region CloudTrail trail$/);
    const allowed = new RegExp(json.Parameters.VpcCidr.AllowedPattern);
    const accepted = ['10.1.0.0/16', '0.0.0.0/16', '255.255.0.0/16', '172.31.0.0/16', '199.249.0.0/16'];
    const refused = ['256.1.0.0/16', '10.1.1.0/16', '10.1.0.1/16', '10.1.0.0/17', '10.1.0.0/8', '010.1.0.0/16', 'x10.1.0.0/16', '10.1.0.0/160', '10.1.0.0'];
    expect([accepted.filter((c) => !allowed.test(c)), refused.filter((c) => allowed.test(c))]).toEqual([[], []]);
  });

  test('the options: project, VPC CIDR, no file system, no bastion, no trail (and then nothing conditional), NAT, tags', () => {
    const { json, template } = synthStackSetTemplate(fs.mkdtempSync(path.join(outdir, 'options-')), {
      project: 'acme',
      vpcCidr: '10.5.0.0/16',
      options: { fileSystem: false, bastion: false, cloudTrail: false, natGateways: NatGateways.SINGLE, tags: { Team: 'platform' } },
    });
    const types = Object.values<any>(json.Resources).map((r) => r.Type);
    expect(json.Parameters.VpcCidr.Default).toBe('10.5.0.0/16');
    expect(types.filter((t) => ['AWS::EFS::FileSystem', 'AWS::EC2::Instance', 'AWS::CloudTrail::Trail', 'AWS::SNS::Subscription'].includes(t))).toEqual([]);
    expect(types.filter((t) => t === 'AWS::EC2::NatGateway')).toHaveLength(1);
    expect(Object.values<any>(json.Resources).filter((r) => r.Condition !== undefined && r.Type !== 'AWS::CDK::Metadata')).toEqual([]);
    expect(JSON.stringify(json)).not.toContain('Fn::If');
    template.hasResourceProperties('AWS::EC2::VPC', { Tags: Match.arrayWith([{ Key: 'Team', Value: 'platform' }]) });
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: Match.stringLikeRegexp('^acme-workload-') });
  });

  test('the alarm emails subscribe to the alarm topic', () => {
    const { template } = synthesized();
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'platform-alerts@numinia.io' });
  });

  test('the retained log groups end with the stack instance\'s ID, and the logs key names them so', () => {
    const { json } = synthesized();
    const instanceId = { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] };
    const named = (name: string) => ({ 'Fn::Join': ['', [`${name}-`, instanceId]] });
    const groups = resourcesOf(json).filter((r) => r.Type === 'AWS::Logs::LogGroup');
    expect(groups.map((g) => [g.Properties.LogGroupName, g.DeletionPolicy])).toEqual(expect.arrayContaining([
      [named('/numinia/workload/vpc-flow-logs'), 'Retain'],
      [named('/numinia/workload/cloudtrail'), 'Retain'],
      [named('/numinia/workload/bastion-patching'), 'Retain'],
      [named('/numinia/workload/bastion-sessions'), 'Retain'],
      [named('/numinia/workload/session-preferences'), 'Retain'],
    ]));
    expect(groups).toHaveLength(5);
    // A regular baseline keeps its names: renaming a log group replaces it.
    const key = resourcesOf(json).find((r) => r.Type === 'AWS::KMS::Key' && JSON.stringify(r).includes('AllowCloudWatchLogsOfTheBaselineLogGroups'));
    expect(JSON.stringify(key)).toContain(JSON.stringify(instanceId));
  });

  test('all problems at once', () => {
    const stack = new Stack(new App(), 'Bound', { env: { account: '111111111111', region: 'eu-west-1' } });
    expect(() => new StackSetBaseline(stack, 'Baseline', { environment: 'workload', homeRegion: 'eu-west-1', options: { restrictDefaultSecurityGroup: true } }))
      .toThrow(/^Invalid StackSetBaseline props \(3 problems\):\n {2}- the stack Bound .*\n {2}- the stack Bound adds the CDK bootstrap-version .*\n {2}- options\.restrictDefaultSecurityGroup: /);
  });

  test('fails in a stack bound to an account and region', () => {
    const stack = new Stack(new App(), 'Bound', { env: { account: '111111111111', region: 'eu-west-1' }, synthesizer: new BootstraplessSynthesizer() });
    expect(() => new StackSetBaseline(stack, 'Baseline', { environment: 'workload', homeRegion: 'eu-west-1' }))
      .toThrow(/^Invalid StackSetBaseline props \(1 problem\):\n {2}- the stack Bound is bound to 111111111111\/eu-west-1; a StackSet template must be environment-agnostic \(no env\)$/);
  });

  test('fails when asked to restrict the default security group', () => {
    const stack = new Stack(new App(), 'Agnostic', { synthesizer: new BootstraplessSynthesizer() });
    expect(() => new StackSetBaseline(stack, 'Baseline', { environment: 'workload', homeRegion: 'eu-west-1', options: { restrictDefaultSecurityGroup: true } }))
      .toThrow(/options\.restrictDefaultSecurityGroup: true needs a Lambda function from a file asset/);
  });

  test('fails in a stack whose synthesizer adds the bootstrap-version rule, which fails in accounts that never ran cdk bootstrap', () => {
    expect(() => new StackSetBaseline(new Stack(new App(), 'Plain'), 'Baseline', { environment: 'workload', homeRegion: 'eu-west-1' })).toThrow(
      'Invalid StackSetBaseline props (1 problem):\n  - the stack Plain adds the CDK bootstrap-version parameter and rule (its synthesizer\'s '
      + 'generateBootstrapVersionRule), which fail in every account that never ran cdk bootstrap, as a StackSet\'s accounts have not; use '
      + 'cdk-stacksets\' StackSetStack, or synthesizer: new BootstraplessSynthesizer() or new DefaultStackSynthesizer({ generateBootstrapVersionRule: false })',
    );
    const explicit = new Stack(new App(), 'Explicit', { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: true }) });
    expect(() => new StackSetBaseline(explicit, 'Baseline', { environment: 'workload', homeRegion: 'eu-west-1' })).toThrow(/adds the CDK bootstrap-version/);
  });

  test('a stack without the rule takes it, and its template has neither the parameter nor the rule', () => {
    for (const synthesizer of [new BootstraplessSynthesizer(), new DefaultStackSynthesizer({ generateBootstrapVersionRule: false })]) {
      const stack = new Stack(new App(), 'WithoutRule', { synthesizer });
      new StackSetBaseline(stack, 'Baseline', { environment: 'workload', homeRegion: 'eu-west-1' });
      const json = Template.fromStack(stack).toJSON();
      expect(json.Rules).toBeUndefined();
      expect(Object.keys(json.Parameters)).not.toContain('BootstrapVersion');
    }
  });

  test('without NAT the bastion reaches S3 with HTTPS to any address (no prefix-list lookup: it would need a Lambda asset)', () => {
    const { json } = synthStackSetTemplate(outdir, { options: { natGateways: NatGateways.NONE } });
    expect(resourcesOf(json).filter((r) => (r.Type === 'AWS::Lambda::Function' && !r.Properties.Code.ZipFile) || r.Type === 'Custom::AWS')).toEqual([]);
    const group = resourcesOf(json).find((r) => r.Type === 'AWS::EC2::SecurityGroup' && /^Bastion/.test(r.Properties.GroupDescription));
    // Without NAT the private subnets' only route out is the gateway endpoint's prefix list.
    expect(group.Properties.SecurityGroupEgress).toEqual(expect.arrayContaining([
      { CidrIp: '0.0.0.0/0', Description: 'HTTPS to S3 through the gateway endpoint (packages, patches, SSM agent updates)', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]));
  });
});
