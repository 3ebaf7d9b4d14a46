import {
  CreateNetworkAclCommand, CreateNetworkAclEntryCommand, DescribeNetworkAclsCommand, NetworkAcl, NetworkAclEntry,
  ReplaceNetworkAclAssociationCommand,
} from '@aws-sdk/client-ec2';
import { EmulatorClients } from './clients';
import { Template } from './moto-quirks';

/** The CloudFormation types of a network ACL: what `NOT_MODELLED_BY_MOTO` lists and `createTemplateNetworkAcls` makes. */
export const NETWORK_ACL_TYPES = ['AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation'];

/** A network ACL entry in the shape of the template's AWS::EC2::NetworkAclEntry properties (what the evaluator reads). */
export interface AclEntry {
  readonly RuleNumber: number;
  readonly Protocol: number;
  readonly RuleAction: string;
  readonly Egress: boolean;
  readonly CidrBlock?: string;
  readonly Ipv6CidrBlock?: string;
  readonly PortRange?: { readonly From: number; readonly To: number };
  readonly Icmp?: { readonly Type?: number; readonly Code?: number };
}

type Resources = Record<string, { readonly type: string; readonly physicalId: string }>;

/**
 * QUIRK (moto 5.2): moto's CloudFormation accepts AWS::EC2::NetworkAcl, NetworkAclEntry and
 * SubnetNetworkAclAssociation and reports them complete without creating anything ("No Moto CloudFormation support
 * for ..."), while its EC2 API models network ACLs fully. After a deployment this does what CloudFormation does with
 * those resources, through the EC2 API: each ACL on the VPC CloudFormation created, each entry as the template
 * states it, each association on the subnet the template names. The subnets' ACLs are then read back
 * (`readSubnetAcls`) like any other part of the network.
 *
 * The template's CIDRs are literals (the baseline writes its address plan out); anything else is refused here, so
 * that this step never guesses.
 */
export async function createTemplateNetworkAcls(clients: EmulatorClients, template: Template, resources: Resources): Promise<void> {
  const aclIds = new Map<string, string>();
  const physicalIdOf = (reference: unknown, what: string): string => {
    const logicalId = (reference as { Ref?: string } | undefined)?.Ref;
    const physicalId = logicalId === undefined ? undefined : (resources[logicalId]?.physicalId ?? aclIds.get(logicalId));
    if (physicalId === undefined) {
      throw new Error(`${what}: expected a Ref to a resource of the stack, got ${JSON.stringify(reference)}`);
    }
    return physicalId;
  };
  const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

  for (const [logicalId, acl] of ofType('AWS::EC2::NetworkAcl')) {
    const created = await clients.ec2.send(new CreateNetworkAclCommand({ VpcId: physicalIdOf(acl.Properties?.VpcId, logicalId) }));
    aclIds.set(logicalId, created.NetworkAcl!.NetworkAclId!);
  }
  for (const [logicalId, entry] of ofType('AWS::EC2::NetworkAclEntry')) {
    const p = entry.Properties ?? {};
    for (const key of ['CidrBlock', 'Ipv6CidrBlock']) {
      if (p[key] !== undefined && typeof p[key] !== 'string') {
        throw new Error(`${logicalId}: ${key} is not a literal: ${JSON.stringify(p[key])}`);
      }
    }
    await clients.ec2.send(new CreateNetworkAclEntryCommand({
      NetworkAclId: physicalIdOf(p.NetworkAclId, logicalId),
      RuleNumber: p.RuleNumber,
      Protocol: String(p.Protocol),
      RuleAction: p.RuleAction,
      Egress: p.Egress ?? false,
      CidrBlock: p.CidrBlock,
      Ipv6CidrBlock: p.Ipv6CidrBlock,
      PortRange: p.PortRange,
      IcmpTypeCode: p.Icmp,
    }));
  }
  const vpcAcls = await describeAcls(clients);
  for (const [logicalId, association] of ofType('AWS::EC2::SubnetNetworkAclAssociation')) {
    const subnetId = physicalIdOf(association.Properties?.SubnetId, logicalId);
    // Every subnet starts associated with the VPC's default ACL; CloudFormation replaces that association.
    const current = vpcAcls.flatMap((acl) => acl.Associations ?? []).find((a) => a.SubnetId === subnetId);
    if (!current) {
      throw new Error(`${logicalId}: subnet ${subnetId} has no network ACL association to replace`);
    }
    await clients.ec2.send(new ReplaceNetworkAclAssociationCommand({
      AssociationId: current.NetworkAclAssociationId,
      NetworkAclId: physicalIdOf(association.Properties?.NetworkAclId, logicalId),
    }));
  }
}

/** Subnet ID -> the entries of the network ACL the emulator reports it associated with. */
export async function readSubnetAcls(clients: EmulatorClients): Promise<Record<string, AclEntry[]>> {
  const bySubnet: Record<string, AclEntry[]> = {};
  for (const acl of await describeAcls(clients)) {
    for (const association of acl.Associations ?? []) {
      bySubnet[association.SubnetId!] = (acl.Entries ?? []).map(asTemplateEntry);
    }
  }
  return bySubnet;
}

async function describeAcls(clients: EmulatorClients): Promise<NetworkAcl[]> {
  return (await clients.ec2.send(new DescribeNetworkAclsCommand({}))).NetworkAcls ?? [];
}

function asTemplateEntry(entry: NetworkAclEntry): AclEntry {
  return {
    RuleNumber: entry.RuleNumber!,
    Protocol: Number(entry.Protocol),
    RuleAction: entry.RuleAction!,
    Egress: entry.Egress ?? false,
    ...(entry.CidrBlock !== undefined && { CidrBlock: entry.CidrBlock }),
    ...(entry.Ipv6CidrBlock !== undefined && { Ipv6CidrBlock: entry.Ipv6CidrBlock }),
    ...(entry.PortRange?.From !== undefined && { PortRange: { From: entry.PortRange.From, To: entry.PortRange.To! } }),
    ...(entry.IcmpTypeCode !== undefined && { Icmp: { Type: entry.IcmpTypeCode.Type, Code: entry.IcmpTypeCode.Code } }),
  };
}
