import { cidrContains, parseIpv4Cidr } from '../../src/private/cidr';

type Json = any;

/** A packet crossing a subnet's boundary, as a network ACL sees it. */
export interface Packet {
  readonly direction: 'in' | 'out';
  readonly protocol: 'tcp' | 'udp' | 'icmp';
  /** Destination port (tcp/udp), or ICMP type. */
  readonly port: number;
  /** The address on the other side: the source of an inbound packet, the destination of an outbound one. */
  readonly peer: string;
}

const PROTOCOL_NUMBER = { tcp: 6, udp: 17, icmp: 1 } as const;

/**
 * Decides a packet the way a network ACL does (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html):
 * rules in ascending number order, the first that matches decides, and nothing matching means deny.
 */
export function naclDecision(entries: Json[], packet: Packet): { action: 'allow' | 'deny'; rule?: number } {
  const ordered = entries
    .filter((e) => Boolean(e.Egress) === (packet.direction === 'out'))
    .sort((a, b) => a.RuleNumber - b.RuleNumber);
  const ipv6 = packet.peer.includes(':');
  for (const entry of ordered) {
    const cidr: string | undefined = ipv6 ? entry.Ipv6CidrBlock : entry.CidrBlock;
    if (cidr === undefined || !contains(cidr, packet.peer)) continue;
    if (entry.Protocol !== -1 && entry.Protocol !== PROTOCOL_NUMBER[packet.protocol]) continue;
    if (packet.protocol === 'icmp') {
      const type = entry.Icmp?.Type ?? -1;
      if (entry.Protocol !== -1 && type !== -1 && type !== packet.port) continue;
    } else if (entry.Protocol !== -1) {
      const { From, To } = entry.PortRange;
      if (packet.port < From || packet.port > To) continue;
    }
    return { action: entry.RuleAction === 'allow' ? 'allow' : 'deny', rule: entry.RuleNumber };
  }
  return { action: 'deny' };
}

function contains(cidr: string, address: string): boolean {
  if (cidr === '::/0') return address.includes(':');
  if (address.includes(':')) return false;
  const block = parseIpv4Cidr(cidr);
  const host = parseIpv4Cidr(`${address}/32`);
  if (typeof block === 'string' || typeof host === 'string') throw new Error(`not an address or block: ${cidr}, ${address}`);
  return cidrContains(block, host);
}

/** The entries of the network ACL a tier's subnets are associated with. */
export function aclEntriesOf(template: Json, aclPattern: RegExp): Json[] {
  const resources = template.Resources as Record<string, Json>;
  const [aclId] = Object.keys(resources).filter((id) => resources[id].Type === 'AWS::EC2::NetworkAcl' && aclPattern.test(id));
  if (!aclId) throw new Error(`no network ACL matching ${aclPattern}`);
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::EC2::NetworkAclEntry' && r.Properties.NetworkAclId.Ref === aclId)
    .map((r) => r.Properties);
}
