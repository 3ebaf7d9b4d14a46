import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { interfaceEndpointsOf, natGatewaysOf } from '../../src/monitoring/monitored-resources';

/** A region-bound stack (zones are names) or an environment-agnostic one (zones are tokens). */
const stackIn = (region?: string) => new Stack(new App(), 'Watched', region === undefined ? {} : { env: { region } });
const regionalNat = (scope: Stack, id: string, vpc: ec2.Vpc) =>
  new ec2.CfnNatGateway(scope, id, { vpcId: vpc.vpcId, availabilityMode: 'regional', connectivityType: 'public' });

describe('what the monitoring area watches', () => {
  test('zonal NAT gateways are labelled by zone; where zones are tokens (a StackSet\'s template), by public subnet, from 1', () => {
    const named = stackIn('eu-west-1');
    expect(natGatewaysOf(new ec2.Vpc(named, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'] })).map((n) => n.label)).toEqual(['eu-west-1a', 'eu-west-1b']);
    const agnostic = stackIn();
    const gateways = natGatewaysOf(new ec2.Vpc(agnostic, 'Vpc', { maxAzs: 2 }));
    expect(gateways.map((n) => n.label)).toEqual(['public-subnet-1', 'public-subnet-2']);
    expect(gateways.map((n) => agnostic.resolve(n.natGatewayId).Ref)).toEqual([expect.stringMatching(/^VpcPublicSubnet1NATGateway/), expect.stringMatching(/^VpcPublicSubnet2NATGateway/)]);
  });

  test('regional NAT gateways of the VPC, and only of it: `regional`, then `regional-2`, ...; a zonal one is never also regional', () => {
    const stack = stackIn('eu-west-1');
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a'], natGateways: 1 });
    const other = new ec2.Vpc(stack, 'Other', { availabilityZones: ['eu-west-1a'], natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
    regionalNat(stack, 'First', vpc);
    regionalNat(stack, 'Second', vpc);
    regionalNat(stack, 'OfTheOtherVpc', other);
    const watched = natGatewaysOf(vpc).map((n) => [n.label, stack.resolve(n.natGatewayId).Ref]);
    expect(watched).toEqual([
      ['eu-west-1a', expect.stringMatching(/^VpcPublicSubnet1NATGateway/)],
      ['regional', 'First'],
      ['regional-2', 'Second'],
    ]);
    expect(natGatewaysOf(other).map((n) => [n.label, stack.resolve(n.natGatewayId).Ref])).toEqual([['regional', 'OfTheOtherVpc']]);
    // An L1 zonal gateway that also names the VPC is counted once, by its subnet.
    const [publicSubnet] = other.publicSubnets;
    new ec2.CfnNatGateway(stack, 'ZonalNamingItsVpc', { subnetId: publicSubnet.subnetId, vpcId: other.vpcId, connectivityType: 'private' });
    expect(natGatewaysOf(other).map((n) => [n.label, stack.resolve(n.natGatewayId).Ref])).toEqual([['eu-west-1a', 'ZonalNamingItsVpc'], ['regional', 'OfTheOtherVpc']]);
  });

  test('interface endpoints by service, in kebab case; one whose service name was taken off (an escape hatch) is not watched', () => {
    const stack = stackIn('eu-west-1');
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a'], natGateways: 0 });
    vpc.addInterfaceEndpoint('EcrApiEndpoint', { service: ec2.InterfaceVpcEndpointAwsService.ECR });
    vpc.addInterfaceEndpoint('SsmmessagesEndpoint', { service: ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES });
    const unnamed = vpc.addInterfaceEndpoint('StsEndpoint', { service: ec2.InterfaceVpcEndpointAwsService.STS });
    (unnamed.node.defaultChild as ec2.CfnVPCEndpoint).serviceName = undefined;
    expect(interfaceEndpointsOf(vpc).map((e) => [e.label, stack.resolve(e.serviceName)])).toEqual([
      ['ecr-api', 'com.amazonaws.eu-west-1.ecr.api'],
      ['ssmmessages', 'com.amazonaws.eu-west-1.ssmmessages'],
    ]);
  });
});
