import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NatGateways } from '../../src';
import { RegionalNatProvider } from '../../src/network/regional-nat';
import { baselineStack, synthTemplate } from '../util';

describe('NAT strategies', () => {
  test('REGIONAL: one regional NAT gateway for the VPC, an Elastic IP per zone, every private subnet routed through it', () => {
    const template = synthTemplate({ network: { natGateways: NatGateways.REGIONAL } });
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    const eips = Object.keys(template.findResources('AWS::EC2::EIP', { Properties: { Domain: 'vpc' } }));
    // Numbered per zone from 1: the addresses partners allowlist must never be replaced by a renumbering.
    expect(eips.map((id) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual([1, 2, 3].map((i) => `BaselineNetworkVpcRegionalNatGatewayEip${i}`));
    const [natId] = Object.keys(template.findResources('AWS::EC2::NatGateway'));
    template.hasResource('AWS::EC2::NatGateway', {
      Properties: {
        AvailabilityMode: 'regional',
        ConnectivityType: 'public',
        VpcId: { Ref: Match.stringLikeRegexp('^BaselineNetworkVpc') },
        SubnetId: Match.absent(),
        AvailabilityZoneAddresses: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'].map((zone, i) => ({
          AvailabilityZone: zone,
          AllocationIds: [{ 'Fn::GetAtt': [eips[i], 'AllocationId'] }],
        })),
      },
      // Public connectivity needs the internet gateway attached.
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('VPCGW')]),
    });
    const privateRoutes = Object.values(template.findResources('AWS::EC2::Route', { Properties: { NatGatewayId: Match.anyValue() } }));
    expect(privateRoutes.map((r) => r.Properties.NatGatewayId)).toEqual([1, 2, 3].map(() => ({ 'Fn::GetAtt': [natId, 'NatGatewayId'] })));
    expect(privateRoutes.map((r) => r.Properties.RouteTableId.Ref)).toEqual([1, 2, 3].map((i) => expect.stringMatching(new RegExp(`PrivateSubnet${i}RouteTable`))));
  });

  test('REGIONAL over two zones takes two addresses', () => {
    const template = synthTemplate({
      network: {
        natGateways: NatGateways.REGIONAL,
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24'],
        privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24'],
      },
    });
    template.resourceCountIs('AWS::EC2::EIP', 2);
    template.hasResourceProperties('AWS::EC2::NatGateway', { AvailabilityZoneAddresses: [Match.objectLike({ AvailabilityZone: 'eu-west-1a' }), Match.objectLike({ AvailabilityZone: 'eu-west-1b' })] });
  });

  test.each([
    [NatGateways.ONE_PER_AZ, 3],
    [NatGateways.SINGLE, 1],
    [NatGateways.REGIONAL, 3],
    [NatGateways.NONE, 0],
  ])('the NAT gateways\' public addresses are published for partners to allowlist: %s has %d', (natGateways, addresses) => {
    const template = synthTemplate({ network: { natGateways } });
    const eips = Object.keys(template.findResources('AWS::EC2::EIP'));
    expect(eips).toHaveLength(addresses);
    const published = template.findResources('AWS::SSM::Parameter', { Properties: { Name: '/numinia/production/baseline/nat/public-ips' } });
    if (addresses === 0) {
      expect(published).toEqual({});
    } else {
      const value = eips.length === 1 ? { Ref: eips[0] } : { 'Fn::Join': [',', eips.map((id) => ({ Ref: id }))] };
      expect(Object.values(published)[0].Properties).toMatchObject({ Type: 'StringList', Value: value });
    }
  });

  test('REGIONAL: what waits for the private subnets\' internet connectivity (a Lambda function in the VPC) waits for their routes', () => {
    const { stack, baseline } = baselineStack({ network: { natGateways: NatGateways.REGIONAL } });
    const waiting = new CfnWaitConditionHandle(stack, 'NeedsInternet');
    waiting.node.addDependency(baseline.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).internetConnectivityEstablished);
    const dependsOn: string[] = Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(waiting)].DependsOn ?? [];
    expect(dependsOn.filter((id) => /PrivateSubnet\dDefaultRoute/.test(id)).map((id) => id.replace(/[0-9A-F]{8}$/, ''))).toEqual(
      [1, 2, 3].map((i) => `BaselineNetworkVpcPrivateSubnet${i}DefaultRoute`));
  });

  test('the provider reports its one gateway to aws-cdk-lib, none before it is configured', () => {
    const provider = new RegionalNatProvider();
    expect(provider.configuredGateways).toEqual([]);
    const stack = new Stack(new App(), 'Regional', { env: { region: 'eu-west-1' } });
    new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGatewayProvider: provider });
    expect(stack.resolve(provider.configuredGateways)).toEqual([{ az: 'regional', gatewayId: { 'Fn::GetAtt': [expect.stringMatching(/^VpcRegionalNatGateway/), 'NatGatewayId'] } }]);
  });

  test('a VPC without an internet gateway attachment fails clearly: a public NAT gateway could not reach the internet', () => {
    const stack = new Stack(new App(), 'Isolated', { env: { region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    expect(() => new RegionalNatProvider().configureNat({ vpc, natSubnets: [], privateSubnets: [] }))
      .toThrow('RegionalNatProvider: the VPC has no internet gateway attachment (VPCGW) to wait for');
  });
});
