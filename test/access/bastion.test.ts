import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NatGateways, NuminiaBaseline } from '../../src';
import { baselineStack, synthTemplate } from '../util';

function bastionGroup(template: Template) {
  const groups = template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^Bastion') } });
  expect(Object.keys(groups)).toHaveLength(1);
  return Object.values(groups)[0];
}

describe('bastion', () => {
  test('a t3.micro on the latest Amazon Linux 2023, in the first private subnet, with no public address and no key pair', () => {
    const template = synthTemplate();
    template.resourceCountIs('AWS::EC2::Instance', 1);
    template.hasResourceProperties('AWS::EC2::Instance', {
      InstanceType: 't3.micro',
      ImageId: { Ref: Match.stringLikeRegexp('al2023') },
      KeyName: Match.absent(),
      // A private subnet gives no public address (and no subnet assigns one automatically).
      SubnetId: { Ref: Match.stringLikeRegexp('VpcPrivateSubnet1Subnet') },
      NetworkInterfaces: Match.absent(),
      // One-minute metrics: the recovery alarm below evaluates one-minute periods.
      Monitoring: true,
    });
    expect(template.toJSON().Parameters).toEqual(
      expect.objectContaining({
        [Object.keys(template.toJSON().Parameters).find((p) => p.includes('al2023'))!]: {
          Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
          Default: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64',
        },
      }),
    );
  });

  test('IMDSv2 is required, on the instance itself (no launch template with a fixed name)', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::EC2::Instance', {
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
    });
    template.resourceCountIs('AWS::EC2::LaunchTemplate', 0);
  });

  test('the root volume is encrypted gp3, and tags reach it', () => {
    synthTemplate().hasResourceProperties('AWS::EC2::Instance', {
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 8, DeleteOnTermination: true } }],
      PropagateTagsToVolumeOnCreation: true,
    });
  });

  test('no inbound rule at all, and only HTTPS out', () => {
    const template = synthTemplate();
    const group = bastionGroup(template);
    expect(group.Properties.SecurityGroupIngress).toBeUndefined();
    expect(group.Properties.SecurityGroupEgress).toEqual([
      { CidrIp: '0.0.0.0/0', Description: 'HTTPS to SSM, EKS and package repositories', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('no security group anywhere in the baseline allows port 22', () => {
    const json = JSON.stringify(synthTemplate().findResources('AWS::EC2::SecurityGroup'));
    expect(json).not.toMatch(/"FromPort":22\b/);
  });

  test('auto recovery: a system status check alarm with the ec2:recover action', () => {
    synthTemplate().hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/EC2',
      MetricName: 'StatusCheckFailed_System',
      Dimensions: [{ Name: 'InstanceId', Value: { Ref: Match.stringLikeRegexp('BastionInstance') } }],
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 2,
      TreatMissingData: 'missing',
      AlarmDescription: 'Recovers the bastion when its host fails the system status check',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':automate:eu-west-1:ec2:recover']] }],
    });
  });

  test('its role has AmazonSSMManagedInstanceCore, once (not again through aws-cdk-lib\'s ssmSessionPermissions)', () => {
    synthTemplate().hasResourceProperties('AWS::IAM::Role', {
      Description: 'Bastion: SSM Session Manager and read-only access to the project EKS clusters',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] }],
    });
  });

  test('its role may describe the environment\'s clusters only, and list clusters (which AWS grants on * only)', () => {
    const cluster = (name: string) => ({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:cluster/${name}`]],
    });
    synthTemplate({ project: 'acme' }).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Sid: 'DescribeProjectClusters',
            Effect: 'Allow',
            Action: ['eks:DescribeCluster', 'eks:ListAddons', 'eks:ListFargateProfiles', 'eks:ListNodegroups'],
            // acme-production and acme-production-*: not acme-sandbox, which may share the account.
            Resource: [cluster('acme-production'), cluster('acme-production-*')],
          },
          { Sid: 'ListClusters', Effect: 'Allow', Action: 'eks:ListClusters', Resource: '*' },
          // Its operations (test/access/bastion-patching.test.ts, session-logging.test.ts): Run Command's output of the
          // patch install, and its sessions' output; nothing else.
          {
            Sid: 'WritePatchingOutput',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BaselineBastionPatchingLogGroup'), 'Arn'] },
          },
          {
            Sid: 'StreamSessionOutput',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BaselineBastionSessionLoggingLogGroup'), 'Arn'] },
          },
          {
            Sid: 'CheckSessionLogGroupEncryption',
            Effect: 'Allow',
            Action: 'logs:DescribeLogGroups',
            Resource: '*',
          },
        ],
      },
    });
  });

  test('instance type, image and cluster names can be changed', () => {
    const template = synthTemplate({
      bastion: {
        instanceType: new ec2.InstanceType('t3.small'),
        machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }),
        eksClusterNames: ['platform'],
      },
    });
    template.hasResourceProperties('AWS::EC2::Instance', { InstanceType: 't3.small', ImageId: 'ami-0123456789abcdef0' });
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).toContain(':cluster/platform"');
  });

  test('disabled, there is no instance, no alarm and no bastion role', () => {
    const template = synthTemplate({ bastion: { enabled: false } });
    template.resourceCountIs('AWS::EC2::Instance', 0);
    // No alarm on an instance (the monitoring area's other alarms stay).
    expect(Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a) => a.Properties.Namespace === 'AWS/EC2')).toEqual([]);
    template.resourceCountIs('AWS::IAM::InstanceProfile', 0);
  });

  const imageParameter = (template: Template) => Object.values<any>(template.toJSON().Parameters).find((p) => String(p.Default).includes('ami-amazon-linux-latest')).Default;

  test('a Graviton instance type gets the arm64 image (t4g, m7g)', () => {
    expect(imageParameter(synthTemplate({ bastion: { instanceType: new ec2.InstanceType('t4g.micro') } }))).toBe('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64');
    expect(imageParameter(synthTemplate({ bastion: { instanceType: new ec2.InstanceType('m7g.medium') } }))).toBe('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64');
    expect(imageParameter(synthTemplate())).toBe('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64');
  });

  test('an image of the other architecture is refused, naming the image, the type and the way out', () => {
    expect(() => synthTemplate({ bastion: { instanceType: new ec2.InstanceType('t4g.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.X86_64 }) } }))
      .toThrow('bastion.machineImage: an x86_64 Amazon Linux image cannot boot on bastion.instanceType t4g.micro (arm64); choose the image '
        + 'for that architecture (cpuType), or leave machineImage unset: the default follows the instance type');
    expect(() => synthTemplate({ bastion: { machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) } }))
      .toThrow(/an arm64 Amazon Linux image cannot boot on bastion.instanceType t3.micro \(x86_64\)/);
  });

  test('an image of the matching architecture, or one whose architecture is unknown, is accepted', () => {
    const arm = { instanceType: new ec2.InstanceType('t4g.small'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) };
    expect(() => synthTemplate({ bastion: arm })).not.toThrow();
    expect(() => synthTemplate({ bastion: { machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }) } })).not.toThrow();
  });

  test('the security group is exposed and published for application repos', () => {
    const template = synthTemplate();
    const [groupId] = Object.keys(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^Bastion') } }));
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/numinia/production/baseline/bastion/security-group-id',
      Value: { 'Fn::GetAtt': [groupId, 'GroupId'] },
    });
  });

  test('through the SSM endpoints (asked, or without NAT) its HTTPS egress goes to the endpoints and to S3 through the gateway endpoint only', () => {
    for (const props of [{ bastion: { ssmEndpoints: true } }, { network: { natGateways: NatGateways.NONE } }]) {
      const template = synthTemplate(props);
      const [endpointGroupId] = Object.keys(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^Interface VPC endpoints') } }));
      const [lookupId] = Object.keys(template.findResources('Custom::AWS', { Properties: { ServiceToken: Match.anyValue() } }));
      expect(lookupId).toMatch(/^BaselineBastionS3PrefixList/);
      expect(bastionGroup(template).Properties.SecurityGroupEgress).toEqual([{
        DestinationSecurityGroupId: { 'Fn::GetAtt': [endpointGroupId, 'GroupId'] },
        Description: 'HTTPS to the VPC endpoints (Session Manager, EKS, CloudWatch Logs)',
        FromPort: 443,
        IpProtocol: 'tcp',
        ToPort: 443,
      }]);
      // Patches, packages and SSM agent updates come from S3 (the buckets S3EndpointPolicy.restrictTo lets through): a
      // rule of its own, since its peer is known only at deploy time.
      expect(Object.values<any>(template.findResources('AWS::EC2::SecurityGroupEgress')).map((r) => r.Properties)).toEqual([{
        GroupId: { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^Bastion') } }))[0], 'GroupId'] },
        DestinationPrefixListId: { 'Fn::GetAtt': [lookupId, 'PrefixLists.0.PrefixListId'] },
        Description: 'HTTPS to S3 through the gateway endpoint (packages, patches, SSM agent updates)',
        FromPort: 443,
        IpProtocol: 'tcp',
        ToPort: 443,
      }]);
      const services = Object.values<any>(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } }))
        .map((e) => String(e.Properties.ServiceName).split('.').pop());
      expect(services).toEqual(expect.arrayContaining(['ssm', 'ssmmessages', 'ec2messages']));
    }
  });

  test('the S3 prefix list is read at deploy time: the region\'s com.amazonaws.<region>.s3, by a read-only call', () => {
    const template = synthTemplate({ bastion: { ssmEndpoints: true } });
    const [lookup] = Object.values<any>(template.findResources('Custom::AWS'));
    const call = JSON.parse(JSON.stringify(lookup.Properties.Update).replace(/\{"Ref":"AWS::Region"\}/g, '"eu-west-1"'));
    // The create and update call, as aws-cdk-lib writes it: a JSON string with the region joined in.
    expect(JSON.parse(call['Fn::Join'][1].join(''))).toEqual({
      service: 'EC2',
      action: 'describeManagedPrefixLists',
      parameters: { Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.eu-west-1.s3'] }] },
      physicalResourceId: { id: 'com.amazonaws.eu-west-1.s3' },
      outputPaths: ['PrefixLists.0.PrefixListId'],
    });
    // The handler uses the SDK of its runtime: nothing is downloaded from npm while the stack deploys.
    expect(lookup.Properties.InstallLatestAwsSdk).toBe(false);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^BaselineBastionS3PrefixListCustomResourcePolicy'),
      PolicyDocument: { Statement: [{ Action: 'ec2:DescribeManagedPrefixLists', Effect: 'Allow', Resource: '*' }] },
    });
    // Without the SSM endpoints nothing is looked up: HTTPS goes anywhere through NAT.
    synthTemplate().resourceCountIs('Custom::AWS', 0);
  });

  test('the lookup\'s handler, at the stack\'s root, carries the baseline\'s tags and no DependsOn its Fn::GetAtt already implies', () => {
    const template = synthTemplate({ bastion: { ssmEndpoints: true } }).toJSON();
    const handler = template.Resources.AWS679f53fac002430cb0da5b7982bd22872D164C4C;
    expect(handler.DependsOn).toBeUndefined();
    expect(handler.Properties.Role).toEqual({ 'Fn::GetAtt': ['AWS679f53fac002430cb0da5b7982bd2287ServiceRoleC1EA0FF2', 'Arn'] });
    expect(handler.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'Environment', Value: 'production' }, { Key: 'ManagedBy', Value: 'cdk' }]));
  });

  test('in the database tier it gets the SSM endpoints, which it needs there', () => {
    const template = synthTemplate({ network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] }, bastion: { vpcSubnets: { subnetGroupName: 'Database' } } });
    template.hasResourceProperties('AWS::EC2::Instance', { SubnetId: { Ref: Match.stringLikeRegexp('VpcDatabaseSubnet1Subnet') } });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 6);
  });
});

describe('tunnelling through the bastion', () => {
  test('allowBastionTunnelTo opens egress on the bastion\'s group and ingress on the target\'s, on that port only', () => {
    const { stack, baseline } = baselineStack();
    const database = new ec2.SecurityGroup(stack, 'Database', { vpc: baseline.vpc, allowAllOutbound: false });
    baseline.allowBastionTunnelTo(database, ec2.Port.tcp(5432));
    const template = Template.fromStack(stack);
    const [bastionId] = Object.keys(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^Bastion') } }));
    const databaseId = stack.getLogicalId(database.node.defaultChild as ec2.CfnSecurityGroup);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [bastionId, 'GroupId'] },
      DestinationSecurityGroupId: { 'Fn::GetAtt': [databaseId, 'GroupId'] },
      FromPort: 5432,
      ToPort: 5432,
      IpProtocol: 'tcp',
      Description: 'Bastion tunnel (Session Manager port forwarding) on 5432',
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [databaseId, 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [bastionId, 'GroupId'] },
      FromPort: 5432,
      ToPort: 5432,
      IpProtocol: 'tcp',
    });
    // Still nothing comes in to the bastion.
    expect(bastionGroup(template).Properties.SecurityGroupIngress).toBeUndefined();
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 1);
  });

  test('an application repo tunnels to its own database through the imported bastion group', () => {
    const stack = new Stack(new App(), 'Application', { env: { region: 'eu-west-1' } });
    const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });
    const database = new ec2.SecurityGroup(stack, 'Database', { vpc: baseline.vpc });
    baseline.allowBastionTunnelTo(database, ec2.Port.tcp(3306));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { Ref: Match.stringLikeRegexp('bastionsecuritygroupid') },
      FromPort: 3306,
      ToPort: 3306,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      SourceSecurityGroupId: { Ref: Match.stringLikeRegexp('bastionsecuritygroupid') },
      FromPort: 3306,
      ToPort: 3306,
    });
  });

  test('fails clearly when there is no bastion', () => {
    const { stack, baseline } = baselineStack({ bastion: { enabled: false } });
    expect(() => baseline.allowBastionTunnelTo(new ec2.SecurityGroup(stack, 'Db', { vpc: baseline.vpc }), ec2.Port.tcp(5432))).toThrow(/no bastion/);
  });
});
