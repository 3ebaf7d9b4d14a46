import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { FileSystemProps } from './file-system-props';
import { cidrContains, parseIpv4Cidr } from '../private/cidr';
import { checkDisabledArea, ValidationWarning } from '../private/validation-helpers';

/** The file system's props: throughput and performance modes that EFS accepts together. */
export function checkFileSystemProps(props: FileSystemProps | undefined, hasDatabaseTier: boolean): string[] {
  const fs = props ?? {};
  const problems = checkDisabledArea('fileSystem', fs);
  const mode = fs.throughputMode ?? efs.ThroughputMode.BURSTING;
  if (mode === efs.ThroughputMode.PROVISIONED && fs.provisionedThroughputPerSecond === undefined) {
    problems.push('fileSystem.provisionedThroughputPerSecond: required with throughputMode PROVISIONED');
  }
  if (mode !== efs.ThroughputMode.PROVISIONED && fs.provisionedThroughputPerSecond !== undefined) {
    problems.push(`fileSystem.provisionedThroughputPerSecond: only applies with throughputMode PROVISIONED (got ${mode})`);
  }
  if (mode === efs.ThroughputMode.ELASTIC && fs.performanceMode === efs.PerformanceMode.MAX_IO) {
    problems.push('fileSystem.performanceMode: MAX_IO cannot be combined with throughputMode ELASTIC; use GENERAL_PURPOSE');
  }
  if (fs.allowFromDatabaseTier && !hasDatabaseTier) {
    problems.push('fileSystem.allowFromDatabaseTier: true, but there is no database tier (network.databaseSubnetCidrs); remove it or add the tier');
  }
  if (fs.allowFromDatabaseTier !== undefined && fs.allowedPeers !== undefined) {
    problems.push('fileSystem.allowFromDatabaseTier: set together with allowedPeers, which replaces the default peers; list the database CIDRs in allowedPeers instead');
  }
  return problems;
}

/** The CIDR of a peer given as an IPv4 or IPv6 block; undefined for security groups, prefix lists and tokens. */
function peerCidr(peer: ec2.IPeer): string | undefined {
  const rule = peer.toIngressRuleConfig() as { cidrIp?: string; cidrIpv6?: string };
  const cidr = rule.cidrIp ?? rule.cidrIpv6;
  return Token.isUnresolved(cidr) ? undefined : cidr;
}

/** NFS open to the whole internet is never what a file system wants. */
export function checkNfsPeers(peers: ec2.IPeer[] | undefined): string[] {
  return (peers ?? [])
    .map((peer, i): [number, string | undefined] => [i, peerCidr(peer)])
    .filter(([, cidr]) => cidr === '0.0.0.0/0' || cidr === '::/0')
    .map(([i, cidr]) => `fileSystem.allowedPeers[${i}]: ${cidr} would open NFS to every address; expected the CIDRs or security groups of the clients`);
}

/** NFS from beyond the VPC (peered VPCs, on-premises networks) is legal, but wider than the baseline's own clients. */
export function nfsPeerWarnings(peers: ec2.IPeer[] | undefined, vpcCidr: string): ValidationWarning[] {
  const vpc = Token.isUnresolved(vpcCidr) ? undefined : parseIpv4Cidr(vpcCidr);
  if (vpc === undefined || typeof vpc === 'string') {
    return [];
  }
  return (peers ?? []).flatMap((peer, i) => {
    const cidr = peerCidr(peer);
    if (cidr === undefined || cidr === '0.0.0.0/0' || cidr === '::/0') {
      return [];
    }
    // An IPv6 block, which parseIpv4Cidr refuses, is never inside the VPC's IPv4 block.
    const parsed = parseIpv4Cidr(cidr);
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: cidrContains of parseIpv4Cidr's refusal (a string) is false too; the guard serves the type checker
    if (typeof parsed === 'string' || !cidrContains(vpc, parsed)) {
      return [{
        id: 'nfsPeerOutsideVpc',
        message: `fileSystem.allowedPeers[${i}]: ${cidr} reaches beyond the VPC (${vpcCidr}); NFS is then open to addresses the baseline does not hold`,
      }];
    }
    return [];
  });
}
