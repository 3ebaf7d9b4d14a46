import { Lazy, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { InterfaceEndpointPreset, NetworkProps } from '../../src';
import { resolveNetworkConfig } from '../../src/network/network-config';
import { checkNetworkProps, defaultZoneWarnings } from '../../src/network/network-validation';

/** The network checks of a baseline in a region, with the props' defaults resolved as the construct resolves them. */
function check(network: NetworkProps, region = 'eu-west-1'): string[] {
  return checkNetworkProps(network, resolveNetworkConfig(network, region), region);
}

const DATABASE = ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'];

describe('network validation', () => {
  test('the defaults pass', () => {
    expect(check({})).toEqual([]);
  });

  test.each([
    ['us-gov-west-1', ['us-gov-west-1a', 'us-gov-west-1b', 'us-gov-west-1c'], []],
    ['eu-west-10', ['eu-west-10a', 'eu-west-10b', 'eu-west-10c'], []],
    ['eu-west-1', ['Xeu-west-1a', 'eu-west-1b', 'eu-west-1c'], ['network.availabilityZones[0]: "Xeu-west-1a" is not an availability zone name; expected <region><letter>, such as eu-west-1a']],
    ['eu-west-1', ['eu-west-1ab', 'eu-west-1b', 'eu-west-1c'], ['network.availabilityZones[0]: "eu-west-1ab" is not an availability zone name; expected <region><letter>, such as eu-west-1a']],
  ] as Array<[string, string[], string[]]>)('zones of %s: %s', (region, availabilityZones, problems) => {
    const [a, b, c] = availabilityZones.map((_zone, i) => `10.0.${i + 1}.0/24`);
    expect(check({ availabilityZones, privateSubnetCidrs: [a, b, c] }, region)).toEqual(problems);
  });

  test('default zones a, b and c in a region that lacks one for new accounts: a warning naming what it has; in the others none', () => {
    expect(defaultZoneWarnings(undefined, 'ap-northeast-1')).toEqual([{
      id: 'defaultZonesUnavailable',
      message: 'network.availabilityZones: not given, so the zones are ap-northeast-1a, ap-northeast-1b and ap-northeast-1c, but ap-northeast-1 has '
        + 'no zone ap-northeast-1b (it offers zones ap-northeast-1a, ap-northeast-1c, ap-northeast-1d); list availabilityZones explicitly',
    }]);
    expect(defaultZoneWarnings({}, 'eu-west-1')).toEqual([]);
    // Zones given, a region the table does not know, a token region: nothing to say.
    expect(defaultZoneWarnings({ availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'] }, 'ap-northeast-1')).toEqual([]);
    expect(defaultZoneWarnings({}, 'eu-west-10')).toEqual([]);
    expect(defaultZoneWarnings({}, Lazy.string({ produce: () => 'ap-northeast-1' }))).toEqual([]);
  });

  test('privateTierInboundPorts: TCP and UDP ports and ranges pass, up to ten; an eleventh, ICMP, all traffic, 22 or 3389 do not', () => {
    const ports = (privateTierInboundPorts: ec2.Port[], networkAcls?: boolean) => check({ privateTierInboundPorts, networkAcls });
    expect(ports([ec2.Port.tcp(443), ec2.Port.udp(500), ec2.Port.tcpRange(8000, 8100), ec2.Port.udpRange(4500, 4501)])).toEqual([]);
    expect(ports(Array.from({ length: 10 }, (_, i) => ec2.Port.tcp(8000 + i)))).toEqual([]);
    expect(ports(Array.from({ length: 11 }, (_, i) => ec2.Port.tcp(8000 + i)))).toEqual([
      'network.privateTierInboundPorts: got 11 ports; the private tier\'s ACL has 10 inbound rules of its own and AWS allows 20 by default, so at most 10 (a range counts once)',
    ]);
    expect(ports([ec2.Port.allIcmp(), ec2.Port.icmpPing(), ec2.Port.allTraffic()])).toEqual([
      'network.privateTierInboundPorts[0]: ALL ICMP is not a TCP or UDP port or range; expected ec2.Port.tcp(443), ec2.Port.udpRange(...) and the like',
      'network.privateTierInboundPorts[1]: ICMP Type 8 is not a TCP or UDP port or range; expected ec2.Port.tcp(443), ec2.Port.udpRange(...) and the like',
      'network.privateTierInboundPorts[2]: ALL TRAFFIC is not a TCP or UDP port or range; expected ec2.Port.tcp(443), ec2.Port.udpRange(...) and the like',
    ]);
    expect(ports([ec2.Port.udp(3389), ec2.Port.tcpRange(20, 22), ec2.Port.tcp(23)])).toEqual([
      'network.privateTierInboundPorts[0]: UDP 3389 covers remote administration (port 3389), which the ACLs never allow from the internet (Security Hub EC2.21); reach instances through the bastion (Session Manager) instead',
      'network.privateTierInboundPorts[1]: 20-22 covers remote administration (port 22), which the ACLs never allow from the internet (Security Hub EC2.21); reach instances through the bastion (Session Manager) instead',
    ]);
    // Without ACLs there is nothing to open, and nothing to say when nothing is asked.
    expect(ports([ec2.Port.tcp(443)], false)).toEqual(['network.privateTierInboundPorts: given, but network.networkAcls is false, so there is no network ACL to open; remove them']);
    expect(ports([], false)).toEqual([]);
    // A port known only at deploy time, at either end, is left to deploy time.
    const later = Token.asNumber(Lazy.number({ produce: () => 22 }));
    expect(ports([ec2.Port.tcpRange(later, 443), ec2.Port.tcpRange(20, later)])).toEqual([]);
  });

  test('token zones, in a list or as the list, are left to deploy time', () => {
    expect(check({ availabilityZones: ['eu-west-1a', Lazy.string({ produce: () => 'x' }), 'eu-west-1c'] })).toEqual([]);
    expect(check({ availabilityZones: Lazy.list({ produce: () => ['x'] }) })).toEqual([]);
  });

  test('a CIDR that is not a string is refused by name', () => {
    expect(check({ cidr: 5 as any })).toEqual(['network.cidr: 5 is not a string; expected a network address such as 10.0.0.0/16']);
  });

  test('disjoint subnets inside the VPC pass; the first of two overlapping subnets is named in the second\'s problem', () => {
    expect(check({ databaseSubnetCidrs: DATABASE })).toEqual([]);
    expect(check({ databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.201.128/25'] }))
      .toEqual(['network.databaseSubnetCidrs[2]: 10.0.201.128/25 overlaps network.databaseSubnetCidrs[0] 10.0.201.0/24; subnets must not overlap']);
  });

  test('endpoints: the built-in ones and repeats are refused, distinct additional ones pass', () => {
    const { CLOUDWATCH_LOGS: LOGS, EKS, STS, ECR } = ec2.InterfaceVpcEndpointAwsService;
    expect(check({ additionalInterfaceEndpoints: [STS, ECR] })).toEqual([]);
    expect(check({ additionalInterfaceEndpoints: [LOGS] })).toEqual(['network.additionalInterfaceEndpoints: "logs" is always created; remove it from the list']);
    expect(check({ additionalInterfaceEndpoints: [EKS, LOGS] })).toEqual([
      'network.additionalInterfaceEndpoints: "eks" is always created; remove it from the list',
      'network.additionalInterfaceEndpoints: "logs" is always created; remove it from the list',
    ]);
    expect(check({ additionalGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.DYNAMODB] })).toEqual([]);
  });

  test('database subnet tags with a database tier pass', () => {
    expect(check({ databaseSubnetCidrs: DATABASE, databaseSubnetTags: { Tier: 'data' } })).toEqual([]);
  });

  test('endpoint presets are judged by shape: a name and a non-empty list of services', () => {
    const { STS } = ec2.InterfaceVpcEndpointAwsService;
    const refused = (i: number, preset: unknown) => `network.interfaceEndpointPresets[${i}]: got ${JSON.stringify(preset)}; expected an InterfaceEndpointPreset (PRIVATE_EKS, SESSION_MANAGER, or of())`;
    expect(check({ interfaceEndpointPresets: [InterfaceEndpointPreset.PRIVATE_EKS, InterfaceEndpointPreset.of('mine', [STS]), { name: 'copy', services: [STS] } as any] })).toEqual([]);
    const bad = [{ services: [STS] }, { name: 5, services: [STS] }, { name: 'x', services: 'sts' }, { name: 'x', services: [{}] }, { name: 'x', services: [STS, {}] }, { name: 'x', services: [undefined] }, undefined];
    expect(check({ interfaceEndpointPresets: bad as any })).toEqual(bad.map((preset, i) => refused(i, preset)));
  });
});
