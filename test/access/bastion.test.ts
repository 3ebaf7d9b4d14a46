import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { synthTemplate } from '../util';

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
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':automate:eu-west-1:ec2:recover']] }],
    });
  });

  test('its role has AmazonSSMManagedInstanceCore', () => {
    synthTemplate().hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] }],
    });
  });

  test('its role may describe the project clusters only, and list clusters (which AWS grants on * only)', () => {
    synthTemplate({ project: 'acme' }).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Sid: 'DescribeProjectClusters',
            Effect: 'Allow',
            Action: ['eks:DescribeCluster', 'eks:ListAddons', 'eks:ListFargateProfiles', 'eks:ListNodegroups'],
            Resource: {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':cluster/acme-*']],
            },
          },
          { Sid: 'ListClusters', Effect: 'Allow', Action: 'eks:ListClusters', Resource: '*' },
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
});
