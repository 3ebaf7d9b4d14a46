import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { InterfaceEndpointPreset } from './endpoint-presets';
import { gatewayServiceName } from './endpoints';
import { NetworkConfig } from './network-config';
import { NatGateways, NetworkProps } from './network-props';
import { cidrContains, cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from '../private/cidr';
import * as defaults from '../private/defaults';
import { defaultZonesProblem, isKnownRegion, unknownZoneProblem } from '../private/region-zones';
import { checkTags, isZoneName, show, ValidationWarning } from '../private/validation-helpers';

/** The network's props: subnet tags, zones, the CIDR plan, NAT, endpoints. */
export function checkNetworkProps(props: NetworkProps | undefined, net: NetworkConfig, region: string): string[] {
  const problems: string[] = [
    ...checkTags(net.publicSubnetTags, 'network.publicSubnetTags'),
    ...checkTags(net.privateSubnetTags, 'network.privateSubnetTags'),
    ...checkTags(net.databaseSubnetTags, 'network.databaseSubnetTags'),
  ];

  if (!Object.values(NatGateways).includes(net.natGateways)) {
    problems.push(`network.natGateways: got ${show(net.natGateways)}; expected one of ${Object.values(NatGateways).join(', ')}`);
  }

  const azs = net.availabilityZones;
  if (azs === undefined) {
    problems.push(
      'network.availabilityZones: the stack has no concrete region, so the zones cannot be derived ' +
        '(an environment-agnostic stack would get only two); set env.region on the stack or list the zones explicitly',
    );
  } else if (!Token.isUnresolved(azs)) {
    if (azs.length === 0) {
      problems.push('network.availabilityZones: got []; expected at least one zone');
    }
    const duplicates = azs.filter((az, i) => azs.indexOf(az) !== i);
    if (duplicates.length > 0) {
      problems.push(`network.availabilityZones: got ${show(azs)}; ${show(duplicates[0])} appears twice, each zone at most once`);
    }
    azs.forEach((az, i) => problems.push(...checkZoneName(`network.availabilityZones[${i}]`, az, region)));
  }

  const vpc = checkCidr('network.cidr', net.cidr, problems);
  const tiers: Array<[string, string[], boolean]> = [
    ['network.publicSubnetCidrs', net.publicSubnetCidrs, true],
    ['network.privateSubnetCidrs', net.privateSubnetCidrs, true],
    ['network.databaseSubnetCidrs', net.databaseSubnetCidrs, props?.databaseSubnetCidrs !== undefined],
  ];
  /** The subnets checked so far, by property path: each new one must overlap none of them. */
  const subnets = new Map<string, Ipv4Cidr>();
  for (const [name, cidrs, present] of tiers) {
    if (!present || Token.isUnresolved(cidrs)) {
      continue;
    }
    if (azs !== undefined && !Token.isUnresolved(azs) && cidrs.length !== azs.length) {
      problems.push(`${name}: got ${cidrs.length} CIDRs for ${azs.length} availability zones (${azs.join(', ')}); expected one per zone`);
    }
    cidrs.forEach((cidr, i) => {
      const parsed = checkCidr(`${name}[${i}]`, cidr, problems);
      if (parsed === undefined) {
        return;
      }
      if (vpc !== undefined && !cidrContains(vpc, parsed)) {
        problems.push(`${name}[${i}]: ${cidr} lies outside the VPC CIDR ${vpc.text}; every subnet must be inside it`);
      }
      for (const [otherName, other] of subnets) {
        if (cidrsOverlap(parsed, other)) {
          problems.push(`${name}[${i}]: ${cidr} overlaps ${otherName} ${other.text}; subnets must not overlap`);
        }
      }
      subnets.set(`${name}[${i}]`, parsed);
    });
  }

  const endpoints = net.additionalInterfaceEndpoints.map((e) => e.shortName);
  for (const builtIn of ['eks', 'logs']) {
    if (endpoints.includes(builtIn)) {
      problems.push(`network.additionalInterfaceEndpoints: ${show(builtIn)} is always created; remove it from the list`);
    }
  }
  const repeated = endpoints.filter((e, i) => endpoints.indexOf(e) !== i);
  if (repeated.length > 0) {
    problems.push(`network.additionalInterfaceEndpoints: ${show(repeated[0])} is listed twice`);
  }
  if (Object.keys(net.databaseSubnetTags).length > 0 && net.databaseSubnetCidrs.length === 0) {
    problems.push('network.databaseSubnetTags: given, but there is no database tier (network.databaseSubnetCidrs); remove them or add the tier');
  }
  net.interfaceEndpointPresets.forEach((preset, i) => {
    // By shape, not instanceof: an app whose node_modules holds two copies of the library passes presets of the other.
    if (!isInterfaceEndpointPreset(preset)) {
      problems.push(`network.interfaceEndpointPresets[${i}]: got ${show(preset)}; expected an InterfaceEndpointPreset (PRIVATE_EKS, SESSION_MANAGER, or of())`);
    }
  });
  problems.push(...checkPrivateTierInboundPorts(net.privateTierInboundPorts, net.networkAcls));
  const gateways = net.additionalGatewayEndpoints.map(gatewayServiceName);
  if (gateways.includes('s3')) {
    problems.push('network.additionalGatewayEndpoints: the S3 gateway endpoint is always created; remove it from the list');
  }
  return problems;
}

/** Inbound entries of the private tier's ACL before any port of its own (allow from the VPC, 4 denies, 4 reply ranges, ICMP). */
const PRIVATE_ACL_INBOUND_ENTRIES = 10;
/** AWS's default quota of inbound rules per network ACL. */
const ACL_INBOUND_RULES_QUOTA = 20;
/** Remote administration: Security Hub EC2.21 fails on any allow rule from the internet that covers one of them. */
const REMOTE_ADMINISTRATION_PORTS = [22, 3389];

function checkPrivateTierInboundPorts(ports: ec2.Port[], networkAcls: boolean): string[] {
  const name = 'network.privateTierInboundPorts';
  if (ports.length > 0 && !networkAcls) {
    return [`${name}: given, but network.networkAcls is false, so there is no network ACL to open; remove them`];
  }
  const problems: string[] = [];
  if (ports.length > ACL_INBOUND_RULES_QUOTA - PRIVATE_ACL_INBOUND_ENTRIES) {
    problems.push(`${name}: got ${ports.length} ports; the private tier's ACL has ${PRIVATE_ACL_INBOUND_ENTRIES} inbound rules of its own and AWS ` +
      `allows ${ACL_INBOUND_RULES_QUOTA} by default, so at most ${ACL_INBOUND_RULES_QUOTA - PRIVATE_ACL_INBOUND_ENTRIES} (a range counts once)`);
  }
  ports.forEach((port, i) => {
    const rule = port.toRuleJson();
    if (Token.isUnresolved(rule.fromPort) || Token.isUnresolved(rule.toPort)) {
      return;
    }
    if (!['tcp', 'udp'].includes(rule.ipProtocol)) {
      problems.push(`${name}[${i}]: ${port} is not a TCP or UDP port or range; expected ec2.Port.tcp(443), ec2.Port.udpRange(...) and the like`);
      return;
    }
    const admin = REMOTE_ADMINISTRATION_PORTS.filter((p) => rule.fromPort <= p && p <= rule.toPort);
    if (admin.length > 0) {
      problems.push(`${name}[${i}]: ${port} covers remote administration (port ${admin.join(' and ')}), which the ACLs never allow from ` +
        'the internet (Security Hub EC2.21); reach instances through the bastion (Session Manager) instead');
    }
  });
  return problems;
}

/**
 * The default zones are `<region>a`, `b` and `c`: a region that does not offer them all to new accounts (ap-northeast-1,
 * ca-central-1, us-west-1) gets a warning, not an error, since an older account may still have them.
 */
export function defaultZoneWarnings(props: NetworkProps | undefined, region: string): ValidationWarning[] {
  if (props?.availabilityZones !== undefined || Token.isUnresolved(region) || !isKnownRegion(region)) {
    return [];
  }
  const problem = defaultZonesProblem(region);
  return problem === undefined ? [] : [{
    id: 'defaultZonesUnavailable',
    message: `network.availabilityZones: not given, so the zones are ${region}a, ${region}b and ${region}c, but ${problem}`,
  }];
}

function isInterfaceEndpointPreset(preset: unknown): preset is InterfaceEndpointPreset {
  const candidate = preset as Partial<InterfaceEndpointPreset> | undefined;
  return typeof candidate?.name === 'string' && Array.isArray(candidate.services) && candidate.services.length > 0
    && candidate.services.every((service) => typeof service?.shortName === 'string');
}

/** A zone name is its region's name and one letter (eu-west-1a); a zone of another region cannot hold this VPC's subnets. */
function checkZoneName(name: string, zone: string, region: string): string[] {
  if (Token.isUnresolved(zone)) {
    return [];
  }
  if (!isZoneName(zone)) {
    return [`${name}: ${show(zone)} is not an availability zone name; expected <region><letter>, such as eu-west-1a`];
  }
  if (!Token.isUnresolved(region) && zone !== `${region}${zone.slice(-1)}`) {
    return [`${name}: ${zone} is not a zone of the stack's region ${region}; expected ${region}a, ${region}b, ...`];
  }
  // Also in an account-agnostic stack, where aws-cdk-lib looks no zones up: a letter the region does not have.
  const unknown = Token.isUnresolved(region) ? undefined : unknownZoneProblem(region, zone);
  return unknown === undefined ? [] : [`${name}: ${unknown}`];
}

/** Parses a CIDR that is not a token and checks the prefix length AWS accepts; records a problem otherwise. */
function checkCidr(name: string, cidr: string, problems: string[]): Ipv4Cidr | undefined {
  if (Token.isUnresolved(cidr)) {
    return undefined;
  }
  const parsed = typeof cidr === 'string' ? parseIpv4Cidr(cidr) : 'is not a string';
  if (typeof parsed === 'string') {
    problems.push(`${name}: ${show(cidr)} ${parsed}; expected a network address such as 10.0.0.0/16`);
    return undefined;
  }
  if (parsed.prefixLength < defaults.MIN_PREFIX_LENGTH || parsed.prefixLength > defaults.MAX_PREFIX_LENGTH) {
    problems.push(
      `${name}: ${cidr} has prefix /${parsed.prefixLength}; AWS accepts /${defaults.MIN_PREFIX_LENGTH} to /${defaults.MAX_PREFIX_LENGTH}`,
    );
    return undefined;
  }
  return parsed;
}

