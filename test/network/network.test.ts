import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NatGateways } from '../../src';
import { synthTemplate } from '../util';

type Resources = Record<string, { Properties: Record<string, any> }>;

function subnets(template: Template): Array<{ id: string; cidr: string; az: string; tier: string }> {
  return Object.entries(template.findResources('AWS::EC2::Subnet') as Resources).map(([id, subnet]) => ({
    id,
    cidr: subnet.Properties.CidrBlock,
    az: subnet.Properties.AvailabilityZone,
    tier: subnet.Properties.Tags.find((t: any) => t.Key === 'aws-cdk:subnet-name').Value,
  }));
}

/** The NAT gateway (logical ID) that each private subnet's default route points to, by the subnet's AZ. */
function defaultRouteTargetsByAz(template: Template, tier: string): Record<string, unknown> {
  const subnetsById = Object.fromEntries(subnets(template).map((s) => [s.id, s]));
  const associations = Object.values(template.findResources('AWS::EC2::SubnetRouteTableAssociation') as Resources);
  const routes = Object.values(template.findResources('AWS::EC2::Route') as Resources);
  const result: Record<string, unknown> = {};
  for (const association of associations) {
    const subnet = subnetsById[association.Properties.SubnetId.Ref];
    if (subnet.tier !== tier) continue;
    const route = routes.find(
      (r) => r.Properties.RouteTableId.Ref === association.Properties.RouteTableId.Ref && r.Properties.DestinationCidrBlock === '0.0.0.0/0',
    );
    result[subnet.az] = route?.Properties.NatGatewayId?.Ref ?? route?.Properties.GatewayId?.Ref ?? null;
  }
  return result;
}

describe('network', () => {
  test('the VPC uses the document CIDR with DNS on', () => {
    synthTemplate().hasResourceProperties('AWS::EC2::VPC', {
      CidrBlock: '10.0.0.0/16',
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
    });
  });

  test('private and public subnets sit at exactly the document CIDRs, one per zone a/b/c of the region', () => {
    const placed = subnets(synthTemplate()).map(({ tier, cidr, az }) => ({ tier, cidr, az }));
    expect(placed).toEqual(
      expect.arrayContaining([
        { tier: 'Private', cidr: '10.0.1.0/24', az: 'eu-west-1a' },
        { tier: 'Private', cidr: '10.0.2.0/24', az: 'eu-west-1b' },
        { tier: 'Private', cidr: '10.0.3.0/24', az: 'eu-west-1c' },
        { tier: 'Public', cidr: '10.0.101.0/24', az: 'eu-west-1a' },
        { tier: 'Public', cidr: '10.0.102.0/24', az: 'eu-west-1b' },
        { tier: 'Public', cidr: '10.0.103.0/24', az: 'eu-west-1c' },
      ]),
    );
    expect(placed).toHaveLength(6);
  });

  test('the zones follow the stack region', () => {
    const azs = subnets(synthTemplate({}, { region: 'us-east-2' })).map((s) => s.az);
    expect(new Set(azs)).toEqual(new Set(['us-east-2a', 'us-east-2b', 'us-east-2c']));
  });

  test('no subnet assigns public IPs automatically', () => {
    const template = synthTemplate();
    for (const subnet of Object.values(template.findResources('AWS::EC2::Subnet') as Resources)) {
      expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
    }
  });

  test('one NAT gateway per zone, each in that zone\'s public subnet, and each private subnet routes through its own zone\'s NAT', () => {
    const template = synthTemplate();
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
    const publicSubnetAz = Object.fromEntries(subnets(template).map((s) => [s.id, s.az]));
    const natAz = Object.fromEntries(
      Object.entries(template.findResources('AWS::EC2::NatGateway') as Resources).map(([id, nat]) => [id, publicSubnetAz[nat.Properties.SubnetId.Ref]]),
    );
    expect(new Set(Object.values(natAz))).toEqual(new Set(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']));
    const routes = defaultRouteTargetsByAz(template, 'Private');
    for (const az of ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']) {
      expect(natAz[routes[az] as string]).toBe(az);
    }
  });

  test('NatGateways.SINGLE makes one NAT gateway that every private subnet uses', () => {
    const template = synthTemplate({ network: { natGateways: NatGateways.SINGLE } });
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    const targets = new Set(Object.values(defaultRouteTargetsByAz(template, 'Private')));
    expect(targets.size).toBe(1);
    expect([...targets][0]).toEqual(expect.stringMatching(/NATGateway/));
  });

  test('NatGateways.NONE makes no NAT gateway, no default route from private subnets, and adds the SSM endpoints', () => {
    const template = synthTemplate({ network: { natGateways: NatGateways.NONE } });
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    // Isolated, not "with egress": whatever selects PRIVATE_WITH_EGRESS subnets must not get subnets without a way out.
    const subnetTypes = Object.values(template.findResources('AWS::EC2::Subnet') as Resources)
      .map((s) => s.Properties.Tags.filter((t: any) => t.Key.startsWith('aws-cdk:subnet-')).map((t: any) => t.Value).join(' '));
    expect(subnetTypes.sort()).toEqual(['Private Isolated', 'Private Isolated', 'Private Isolated', 'Public Public', 'Public Public', 'Public Public']);
    expect(Object.values(defaultRouteTargetsByAz(template, 'Private'))).toEqual([null, null, null]);
    for (const service of ['ssm', 'ssmmessages', 'ec2messages']) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: `com.amazonaws.eu-west-1.${service}`,
        VpcEndpointType: 'Interface',
      });
    }
  });

  test('NatGateways.NONE without a bastion adds no SSM endpoints', () => {
    const template = synthTemplate({ network: { natGateways: NatGateways.NONE }, bastion: { enabled: false } });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 3);
  });

  test('an optional database tier is isolated: its own CIDRs and no default route', () => {
    const template = synthTemplate({
      network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] },
    });
    const database = subnets(template).filter((s) => s.tier === 'Database');
    expect(database.map((s) => [s.cidr, s.az])).toEqual([
      ['10.0.201.0/24', 'eu-west-1a'],
      ['10.0.202.0/24', 'eu-west-1b'],
      ['10.0.203.0/24', 'eu-west-1c'],
    ]);
    expect(Object.values(defaultRouteTargetsByAz(template, 'Database'))).toEqual([null, null, null]);
  });

  test('a custom CIDR plan over two zones is placed as given', () => {
    const template = synthTemplate({
      network: {
        cidr: '172.16.0.0/20',
        availabilityZones: ['eu-west-1b', 'eu-west-1c'],
        publicSubnetCidrs: ['172.16.0.0/24', '172.16.1.0/24'],
        privateSubnetCidrs: ['172.16.8.0/22', '172.16.12.0/22'],
      },
    });
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '172.16.0.0/20' });
    expect(subnets(template).map(({ tier, cidr, az }) => `${tier} ${cidr} ${az}`).sort()).toEqual([
      'Private 172.16.12.0/22 eu-west-1c',
      'Private 172.16.8.0/22 eu-west-1b',
      'Public 172.16.0.0/24 eu-west-1b',
      'Public 172.16.1.0/24 eu-west-1c',
    ]);
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test('an S3 gateway endpoint serves every route table', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      VpcEndpointType: 'Gateway',
    });
    const s3 = Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Gateway' } }) as Resources);
    expect(s3[0].Properties.RouteTableIds).toHaveLength(6);
  });

  test.each(['eks', 'logs'])('a %s interface endpoint with private DNS sits in the private subnets', (service) => {
    const template = synthTemplate();
    const privateIds = subnets(template).filter((s) => s.tier === 'Private').map((s) => ({ Ref: s.id }));
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: `com.amazonaws.eu-west-1.${service}`,
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      SubnetIds: Match.arrayEquals(privateIds),
    });
  });

  test('interface endpoints accept HTTPS from the VPC CIDR only', () => {
    const template = synthTemplate();
    const groups = template.findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: Match.stringLikeRegexp('Interface VPC endpoints') },
    }) as Resources;
    const [group] = Object.values(groups);
    expect(group.Properties.SecurityGroupIngress).toEqual([
      { CidrIp: '10.0.0.0/16', Description: 'HTTPS from the VPC', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 },
    ]);
  });

  test('more interface and gateway endpoints on request', () => {
    const template = synthTemplate({
      network: {
        additionalInterfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.ECR, ec2.InterfaceVpcEndpointAwsService.STS],
        additionalGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.DYNAMODB],
      },
    });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 6);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.eu-west-1.sts', PrivateDnsEnabled: true });
  });

  test('flow logs capture ALL traffic into a KMS-encrypted log group kept 30 days', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: { Ref: Match.stringLikeRegexp('NetworkFlowLogGroup') },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 30,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('EncryptionLogsKey'), 'Arn'] },
    });
  });

  test('the flow-log retention can be changed', () => {
    synthTemplate({ logging: { flowLogRetention: logs.RetentionDays.THREE_MONTHS } }).hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 90,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('EncryptionLogsKey'), 'Arn'] },
    });
  });

  test('the flow-log role can be assumed by flow logs of this account only', () => {
    synthTemplate().hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          },
        ],
      },
    });
  });

  test('subnets carry the EKS load-balancer role tags', () => {
    const template = synthTemplate();
    for (const [, subnet] of Object.entries(template.findResources('AWS::EC2::Subnet') as Resources)) {
      const tags = Object.fromEntries(subnet.Properties.Tags.map((t: any) => [t.Key, t.Value]));
      if (tags['aws-cdk:subnet-name'] === 'Public') {
        expect(tags['kubernetes.io/role/elb']).toBe('1');
      } else {
        expect(tags['kubernetes.io/role/internal-elb']).toBe('1');
      }
    }
  });

  test('the default security group is stripped of its rules, unless turned off', () => {
    synthTemplate().resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    const without = synthTemplate({ network: { restrictDefaultSecurityGroup: false } });
    without.resourceCountIs('Custom::VpcRestrictDefaultSG', 0);
    // Its provider's function goes too (the Session Manager preferences' function is the bastion's).
    expect(Object.keys(without.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith('CustomVpcRestrictDefaultSG'))).toEqual([]);
  });
});
