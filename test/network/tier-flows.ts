import { Packet } from './nacl-evaluator';

/**
 * Flows each subnet tier's network ACL must allow or refuse, with the baseline's default address plan: judged on the
 * template (network-acls.test.ts) and on the ACLs read back from the emulator after a deployment (test/deploy).
 */
export const INTERNET = '203.0.113.10';
export const INTERNET_V6 = '2001:db8::10';
const PRIVATE_HOST = '10.0.2.25';
const PUBLIC_HOST = '10.0.101.25';
const DATABASE_HOST = '10.0.202.25';

export type Flow = [string, Packet, 'allow' | 'deny'];
export const inbound = (protocol: Packet['protocol'], port: number, peer: string): Packet => ({ direction: 'in', protocol, port, peer });

/** What the baseline's traffic needs, and what must never come in, tier by tier. */
export const PUBLIC_FLOWS: Flow[] = [
  ['HTTPS from the internet to a load balancer', inbound('tcp', 443, INTERNET), 'allow'],
  ['HTTP from the internet to a load balancer', inbound('tcp', 80, INTERNET), 'allow'],
  ['replies to the NAT gateways\' connections (ephemeral ports)', inbound('tcp', 40123, INTERNET), 'allow'],
  ['DNS and NTP replies through NAT', inbound('udp', 50000, INTERNET), 'allow'],
  ['path MTU discovery (ICMP fragmentation needed)', inbound('icmp', 3, INTERNET), 'allow'],
  ['a private instance\'s connection to port 22 of an internet host, through the NAT gateway', inbound('tcp', 22, PRIVATE_HOST), 'allow'],
  ['SSH from the internet', inbound('tcp', 22, INTERNET), 'deny'],
  ['SSH from the IPv6 internet', inbound('tcp', 22, INTERNET_V6), 'deny'],
  ['RDP from the internet', inbound('tcp', 3389, INTERNET), 'deny'],
  ['RDP over UDP from the internet', inbound('udp', 3389, INTERNET), 'deny'],
  ['RDP from the IPv6 internet', inbound('tcp', 3389, INTERNET_V6), 'deny'],
  // The price of EC2.21 (docs/network.md, Network ACLs): NAT gateways use ephemeral ports 1024-65535 (VPC User Guide).
  ['the reply to a NAT gateway\'s connection from its port 3389 (about 1 in 64,512 connections)', inbound('tcp', 3389, INTERNET), 'deny'],
];
export const PRIVATE_FLOWS: Flow[] = [
  ['NFS from another private subnet to an EFS mount target (EKS nodes, the application example\'s worker)', inbound('tcp', 2049, PRIVATE_HOST), 'allow'],
  ['HTTPS from the VPC to an interface endpoint (the bastion\'s Session Manager, EKS)', inbound('tcp', 443, PUBLIC_HOST), 'allow'],
  ['replies through NAT (ephemeral ports)', inbound('tcp', 50321, INTERNET), 'allow'],
  ['UDP replies through NAT', inbound('udp', 40000, INTERNET), 'allow'],
  ['path MTU discovery', inbound('icmp', 3, INTERNET), 'allow'],
  ['ping from the internet (ICMP echo request): only "destination unreachable" comes in', inbound('icmp', 8, INTERNET), 'deny'],
  ['a load balancer in the public tier to its targets', inbound('tcp', 8080, PUBLIC_HOST), 'allow'],
  ['SSH from the internet', inbound('tcp', 22, INTERNET), 'deny'],
  ['RDP from the internet', inbound('tcp', 3389, INTERNET), 'deny'],
  ['an unsolicited connection from the internet to a well-known port', inbound('tcp', 443, INTERNET), 'deny'],
  // An internet-facing NLB that preserves client IPs: its targets see the client's address (privateTierInboundPorts).
  ['an NLB client\'s connection to a target on port 443, without privateTierInboundPorts', inbound('tcp', 443, INTERNET), 'deny'],
  ['an NLB client\'s connection to a target on port 8443 (inside the reply range)', inbound('tcp', 8443, INTERNET), 'allow'],
  // Lambda functions use ephemeral ports 1024-65535 (VPC User Guide): the same price as the NAT gateways'.
  ['the reply to a Lambda function\'s connection from its port 3389', inbound('tcp', 3389, INTERNET), 'deny'],
];
export const DATABASE_FLOWS: Flow[] = [
  ['PostgreSQL from the private tier', inbound('tcp', 5432, PRIVATE_HOST), 'allow'],
  ['replication inside the database tier', inbound('tcp', 5432, DATABASE_HOST), 'allow'],
  ['replies from S3 through the gateway endpoint', inbound('tcp', 45000, INTERNET), 'allow'],
  ['anything from the public tier', inbound('tcp', 5432, PUBLIC_HOST), 'deny'],
  ['anything else of the VPC (a NAT gateway\'s address in the public tier)', inbound('tcp', 40000, '10.0.102.7'), 'deny'],
  ['SSH from the internet', inbound('tcp', 22, INTERNET), 'deny'],
];

