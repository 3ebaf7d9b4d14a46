import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** TCP and UDP ranges open to the internet, SSH (22) and RDP (3389) left out so that no allow rule covers them. */
const ALL_BUT_ADMIN: Array<[number, number]> = [[0, 21], [23, 3388], [3390, 65535]];
/** Replies to what the tier starts (NAT, the S3 gateway endpoint): the ephemeral ports, 3389 left out. */
const EPHEMERAL_BUT_ADMIN: Array<[number, number]> = [[1024, 3388], [3390, 65535]];

/**
 * A network ACL per subnet tier, the way a team writes them with the L2 (`subnetSelection` makes the associations):
 * everything from inside the VPC, SSH and RDP from the internet denied (IPv4 and IPv6), then the ports each tier
 * accepts from the internet (any for the public tier, replies only for the private one), ICMP, and all out.
 */
export function addNetworkAcls(scope: Construct, vpc: ec2.IVpc, vpcCidr: string): void {
  const tiers: Array<[string, ec2.SubnetType, Array<[number, number]>, ec2.AclTraffic]> = [
    ['PublicAcl', ec2.SubnetType.PUBLIC, ALL_BUT_ADMIN, ec2.AclTraffic.icmp({ type: -1, code: -1 })],
    // Path MTU discovery: "fragmentation needed" comes back from the internet.
    ['PrivateAcl', ec2.SubnetType.PRIVATE_WITH_EGRESS, EPHEMERAL_BUT_ADMIN, ec2.AclTraffic.icmp({ type: 3, code: -1 })],
  ];
  for (const [id, subnetType, ranges, icmp] of tiers) {
    const acl = new ec2.NetworkAcl(scope, id, { vpc, subnetSelection: { subnetType } });
    const inbound = (entryId: string, ruleNumber: number, cidr: ec2.AclCidr, traffic: ec2.AclTraffic, ruleAction = ec2.Action.ALLOW) =>
      acl.addEntry(entryId, { ruleNumber, cidr, traffic, direction: ec2.TrafficDirection.INGRESS, ruleAction });

    inbound('FromVpc', 100, ec2.AclCidr.ipv4(vpcCidr), ec2.AclTraffic.allTraffic());
    let rule = 101;
    for (const port of [22, 3389]) {
      inbound(`Deny${port}Ipv4`, rule++, ec2.AclCidr.anyIpv4(), ec2.AclTraffic.tcpPort(port), ec2.Action.DENY);
      inbound(`Deny${port}Ipv6`, rule++, ec2.AclCidr.anyIpv6(), ec2.AclTraffic.tcpPort(port), ec2.Action.DENY);
    }
    ranges.forEach(([from, to], i) => {
      inbound(`Tcp${from}To${to}`, 200 + i, ec2.AclCidr.anyIpv4(), ec2.AclTraffic.tcpPortRange(from, to));
      inbound(`Udp${from}To${to}`, 210 + i, ec2.AclCidr.anyIpv4(), ec2.AclTraffic.udpPortRange(from, to));
    });
    inbound('Icmp', 220, ec2.AclCidr.anyIpv4(), icmp);
    acl.addEntry('AllOut', {
      ruleNumber: 100,
      cidr: ec2.AclCidr.anyIpv4(),
      traffic: ec2.AclTraffic.allTraffic(),
      direction: ec2.TrafficDirection.EGRESS,
    });
  }
}
