import { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { baselineStack } from './util';

// The recipe (NuminiaBaseline's constructor) asks an area only when its config needs it, and the construct's methods
// reach the areas it built: the two decisions its mutation run (the `recipe` group) found no test judging.

test('without the trail and with flow logs in CloudWatch Logs only, the baseline makes no log bucket at all', () => {
  const { stack, baseline } = baselineStack({ logging: { cloudTrail: { enabled: false } } });
  Template.fromStack(stack).resourceCountIs('AWS::S3::Bucket', 0);
  expect([baseline.trail, baseline.trailBucket, baseline.flowLogBucket]).toEqual([undefined, undefined, undefined]);
});

test('allowBastionTunnelTo opens the port from the bastion to the peer, on both security groups', () => {
  const { stack, baseline } = baselineStack();
  const peer = new ec2.SecurityGroup(stack, 'Database', { vpc: baseline.vpc });
  baseline.allowBastionTunnelTo(peer, ec2.Port.tcp(5432));
  const template = Template.fromStack(stack);
  const bastionGroup = { 'Fn::GetAtt': [stack.getLogicalId(baseline.bastionSecurityGroup!.node.defaultChild as CfnElement), 'GroupId'] };
  template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
    IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: bastionGroup,
  });
  template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
    GroupId: bastionGroup, IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432,
  });
});
