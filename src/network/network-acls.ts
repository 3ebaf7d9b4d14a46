import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acceptFinding } from '../private/compliance';
import { DATABASE_SUBNET_GROUP, PRIVATE_SUBNET_GROUP, PUBLIC_SUBNET_GROUP } from '../private/defaults';

export interface NetworkAclsProps {
  readonly vpc: ec2.IVpc;
  readonly vpcCidr: string;
  readonly privateSubnetCidrs: string[];
  readonly databaseSubnetCidrs: string[];
  /** Ports the private tier accepts from the internet (an internet-facing NLB's listeners), already checked. */
  readonly privateTierInboundPorts: ec2.Port[];
}

/** The private tier's first rule number for the ports it accepts from the internet. */
const PRIVATE_INBOUND_FIRST_RULE = 300;

/** Remote administration ports, never open to the internet (Security Hub EC2.21, CIS AWS Foundations 5.1). */
const SSH = 22;
const RDP = 3389;

/** TCP ports a tier accepts from the internet, 22 and 3389 left out so that no allow rule covers them. */
const ALL_TCP_BUT_ADMIN: Array<[number, number]> = [[0, SSH - 1], [SSH + 1, RDP - 1], [RDP + 1, 65535]];
/** The ephemeral ports replies arrive on (through NAT, and from S3 through the gateway endpoint), 3389 left out. */
const EPHEMERAL_TCP_BUT_ADMIN: Array<[number, number]> = [[1024, RDP - 1], [RDP + 1, 65535]];
/** RDP also listens on UDP 3389, and scanners look at both ports whatever the protocol: left out of UDP too. */
const ALL_UDP_BUT_ADMIN = ALL_TCP_BUT_ADMIN;
const EPHEMERAL_UDP_BUT_ADMIN = EPHEMERAL_TCP_BUT_ADMIN;

/** A TCP or UDP port (or range) as its protocol and first and last port; validation refused any other kind. */
export function portRange(port: ec2.Port): { protocol: 'Tcp' | 'Udp'; from: number; to: number } {
  const rule = port.toRuleJson();
  return { protocol: rule.ipProtocol === 'udp' ? 'Udp' : 'Tcp', from: rule.fromPort, to: rule.toPort };
}

/**
 * A network ACL per subnet tier. Network ACLs are stateless, so each allows the replies of what its tier starts.
 * Inside the VPC everything flows (security groups decide there; the first rules); from the internet (`0.0.0.0/0`,
 * `::/0`) TCP 22 and 3389 are denied next, and no later allow rule (from 200 on) covers them either:
 *
 * - public: any other port (load balancer listeners, and replies to the NAT gateways' connections);
 * - private: replies only (ephemeral ports), since nothing on the internet can open a connection to them;
 * - database: the private tier and itself, and replies from S3 through the gateway endpoint; the rest of the VPC (the
 *   public tier) is denied.
 *
 * Replies come back on ephemeral ports 1024-65535 (the NAT gateway's and Lambda's range): an isolated or private
 * subnet's real protection from the internet is its route table (no route in), the ACL is the second layer.
 *
 * Outbound is open everywhere: security groups restrict it, and a stateless ACL must let replies out.
 */
export class NetworkAcls extends Construct {
  constructor(scope: Construct, id: string, props: NetworkAclsProps) {
    super(scope, id);
    acceptFinding(this, ['AwsSolutions-VPC3'],
      'Security Hub EC2.21 and CIS AWS Foundations 5.1 ask for network ACLs that refuse remote administration (TCP 22, ' +
        '3389) from the internet; these do, and otherwise only separate the tiers (the database tier from the public ' +
        'one). Security groups stay the primary control; networkAcls: false removes the ACLs.');
    const pub = this.acl('PublicAcl', props.vpc, PUBLIC_SUBNET_GROUP);
    this.denyRemoteAdministration(pub, this.allowFrom(pub, 100, [props.vpcCidr]));
    this.allowFromInternet(pub, 200, 'Tcp', ALL_TCP_BUT_ADMIN);
    this.allowFromInternet(pub, 210, 'Udp', ALL_UDP_BUT_ADMIN);
    pub.addEntry('IcmpFromInternet', { ruleNumber: 220, cidr: ec2.AclCidr.anyIpv4(), traffic: ec2.AclTraffic.icmp({ type: -1, code: -1 }), direction: ec2.TrafficDirection.INGRESS });
    this.allowAllOut(pub);

    const priv = this.acl('PrivateAcl', props.vpc, PRIVATE_SUBNET_GROUP);
    this.denyRemoteAdministration(priv, this.allowFrom(priv, 100, [props.vpcCidr]));
    this.allowFromInternet(priv, 200, 'Tcp', EPHEMERAL_TCP_BUT_ADMIN);
    this.allowFromInternet(priv, 210, 'Udp', EPHEMERAL_UDP_BUT_ADMIN);
    // Path MTU discovery: "fragmentation needed" messages come back from the internet.
    priv.addEntry('IcmpUnreachableFromInternet', { ruleNumber: 220, cidr: ec2.AclCidr.anyIpv4(), traffic: ec2.AclTraffic.icmp({ type: 3, code: -1 }), direction: ec2.TrafficDirection.INGRESS });
    // An internet-facing NLB that preserves client addresses delivers from the clients' own: the ports it was told of.
    props.privateTierInboundPorts.map(portRange).forEach(({ protocol, from, to }, i) => priv.addEntry(`Inbound${protocol}${from}To${to}FromInternet`, {
      ruleNumber: PRIVATE_INBOUND_FIRST_RULE + i,
      cidr: ec2.AclCidr.anyIpv4(),
      traffic: protocol === 'Tcp' ? ec2.AclTraffic.tcpPortRange(from, to) : ec2.AclTraffic.udpPortRange(from, to),
      direction: ec2.TrafficDirection.INGRESS,
    }));
    this.allowAllOut(priv);

    if (props.databaseSubnetCidrs.length > 0) {
      const db = this.acl('DatabaseAcl', props.vpc, DATABASE_SUBNET_GROUP);
      const next = this.allowFrom(db, 100, [...props.privateSubnetCidrs, ...props.databaseSubnetCidrs]);
      // The rest of the VPC (the public tier) is refused before the replies from S3, which come from any address.
      db.addEntry('DenyRestOfVpc', {
        ruleNumber: next,
        cidr: ec2.AclCidr.ipv4(props.vpcCidr),
        traffic: ec2.AclTraffic.allTraffic(),
        direction: ec2.TrafficDirection.INGRESS,
        ruleAction: ec2.Action.DENY,
      });
      this.denyRemoteAdministration(db, next + 1);
      this.allowFromInternet(db, 200, 'Tcp', EPHEMERAL_TCP_BUT_ADMIN);
      this.allowAllOut(db);
    }
  }

  /**
   * The associations are made here, numbered in zone order, rather than by `NetworkAcl`'s `subnetSelection`: that
   * names each after the subnet's construct path, stack name included, so moving the stack into a stage or renaming
   * it would replace every association, and deleting the old one puts the subnet back on the VPC's default ACL.
   */
  private acl(id: string, vpc: ec2.IVpc, subnetGroupName: string): ec2.NetworkAcl {
    const acl = new ec2.NetworkAcl(this, id, { vpc });
    vpc.selectSubnets({ subnetGroupName }).subnets.forEach((subnet, i) =>
      new ec2.SubnetNetworkAclAssociation(this, `${id}Association${i + 1}`, { networkAcl: acl, subnet }));
    return acl;
  }

  /**
   * After the VPC's own allow rules: a private instance may still reach port 22 of an internet host through the NAT
   * gateway (the packet enters the public tier from inside the VPC).
   */
  private denyRemoteAdministration(acl: ec2.NetworkAcl, firstRule: number): void {
    const sources: Array<[string, ec2.AclCidr]> = [['Ipv4', ec2.AclCidr.anyIpv4()], ['Ipv6', ec2.AclCidr.anyIpv6()]];
    let ruleNumber = firstRule;
    for (const port of [SSH, RDP]) {
      for (const [family, cidr] of sources) {
        acl.addEntry(`Deny${port}From${family}Internet`, {
          ruleNumber: ruleNumber++,
          cidr,
          traffic: ec2.AclTraffic.tcpPort(port),
          direction: ec2.TrafficDirection.INGRESS,
          ruleAction: ec2.Action.DENY,
        });
      }
    }
  }

  /** Allows everything from these CIDRs; returns the next free rule number. */
  private allowFrom(acl: ec2.NetworkAcl, firstRule: number, cidrs: string[]): number {
    cidrs.forEach((cidr, i) => acl.addEntry(`AllFrom${i + 1}`, {
      ruleNumber: firstRule + i,
      cidr: ec2.AclCidr.ipv4(cidr),
      traffic: ec2.AclTraffic.allTraffic(),
      direction: ec2.TrafficDirection.INGRESS,
    }));
    return firstRule + cidrs.length;
  }

  private allowFromInternet(acl: ec2.NetworkAcl, firstRule: number, protocol: 'Tcp' | 'Udp', ranges: Array<[number, number]>): void {
    ranges.forEach(([from, to], i) => acl.addEntry(`${protocol}${from}To${to}FromInternet`, {
      ruleNumber: firstRule + i,
      cidr: ec2.AclCidr.anyIpv4(),
      traffic: protocol === 'Tcp' ? ec2.AclTraffic.tcpPortRange(from, to) : ec2.AclTraffic.udpPortRange(from, to),
      direction: ec2.TrafficDirection.INGRESS,
    }));
  }

  private allowAllOut(acl: ec2.NetworkAcl): void {
    acl.addEntry('AllOut', { ruleNumber: 100, cidr: ec2.AclCidr.anyIpv4(), traffic: ec2.AclTraffic.allTraffic(), direction: ec2.TrafficDirection.EGRESS });
  }
}
