import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { aclEntriesOf, naclDecision } from './nacl-evaluator';
import { DATABASE_FLOWS, inbound, INTERNET, INTERNET_V6, PRIVATE_FLOWS, PUBLIC_FLOWS } from './tier-flows';
import { synthTemplate } from '../util';

/**
 * The template is synthesized inside each test, never in a describe body: mutation testing counts what runs there as
 * static and reruns the whole group for each such mutant (README, Mutation testing). Each table of flows is one test
 * that lists every flow decided wrongly.
 */
const withDatabaseTier = () => synthTemplate({ network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] } }).toJSON();

describe('network ACLs', () => {
  describe.each([
    ['public', /^BaselineNetworkAclsPublicAcl/, PUBLIC_FLOWS],
    ['private', /^BaselineNetworkAclsPrivateAcl/, PRIVATE_FLOWS],
    ['database', /^BaselineNetworkAclsDatabaseAcl/, DATABASE_FLOWS],
  ] as const)('the %s tier', (_tier, acl, flows) => {
    test('each flow of its table is allowed or refused as the table says', () => {
      const entries = aclEntriesOf(withDatabaseTier(), acl);
      expect(flows.length).toBeGreaterThan(0);
      const wrong = flows
        .map(([what, packet, expected]) => ({ what, packet, expected, decided: naclDecision(entries, packet).action }))
        .filter(({ expected, decided }) => decided !== expected)
        .map(({ what, packet, expected, decided }) => `${what} (${JSON.stringify(packet)}): expected ${expected}, decided ${decided}`);
      expect(wrong).toEqual([]);
    });

    test('everything goes out (security groups restrict it; a stateless ACL must let replies out)', () => {
      expect(naclDecision(aclEntriesOf(withDatabaseTier(), acl), { direction: 'out', protocol: 'tcp', port: 443, peer: INTERNET }).action).toBe('allow');
    });

    test('remote administration from the internet is denied by a deny rule, and no allow rule for 0.0.0.0/0 or ::/0 covers it', () => {
      const entries = aclEntriesOf(withDatabaseTier(), acl);
      for (const port of [22, 3389]) {
        for (const peer of [INTERNET, INTERNET_V6]) {
          const decision = naclDecision(entries, inbound('tcp', port, peer));
          expect(entries.find((e) => e.RuleNumber === decision.rule)?.RuleAction).toBe('deny');
        }
      }
      // What scanners (Security Hub EC2.21, checkov CKV_AWS_229-232) look at: allow entries from anywhere.
      const fromAnywhere = entries.filter((e) => !e.Egress && e.RuleAction === 'allow' && (e.CidrBlock === '0.0.0.0/0' || e.Ipv6CidrBlock === '::/0'));
      for (const entry of fromAnywhere) {
        expect(entry.Protocol === 6 || entry.Protocol === 17 || entry.Protocol === 1).toBe(true);
        if (entry.Protocol !== 1) {
          const covers = (port: number) => entry.PortRange.From <= port && entry.PortRange.To >= port;
          expect([covers(22), covers(3389)]).toEqual([false, false]);
        }
      }
    });
  });

  test('each tier\'s subnets are associated with its ACL', () => {
    const associations = Object.values<any>(withDatabaseTier().Resources).filter((r) => r.Type === 'AWS::EC2::SubnetNetworkAclAssociation');
    const byAcl = (pattern: RegExp) => associations.filter((a) => pattern.test(a.Properties.NetworkAclId.Ref)).map((a) => a.Properties.SubnetId.Ref);
    expect(byAcl(/PublicAcl/)).toEqual([expect.stringMatching(/PublicSubnet1/), expect.stringMatching(/PublicSubnet2/), expect.stringMatching(/PublicSubnet3/)]);
    expect(byAcl(/PrivateAcl/)).toEqual([expect.stringMatching(/PrivateSubnet1/), expect.stringMatching(/PrivateSubnet2/), expect.stringMatching(/PrivateSubnet3/)]);
    expect(byAcl(/DatabaseAcl/)).toEqual([expect.stringMatching(/DatabaseSubnet1/), expect.stringMatching(/DatabaseSubnet2/), expect.stringMatching(/DatabaseSubnet3/)]);
  });

  test('without a database tier there is no database ACL', () => {
    synthTemplate().resourceCountIs('AWS::EC2::NetworkAcl', 2);
  });

  test('they can be turned off: the VPC\'s default ACL then applies', () => {
    const off = synthTemplate({ network: { networkAcls: false } });
    off.resourceCountIs('AWS::EC2::NetworkAcl', 0);
    off.resourceCountIs('AWS::EC2::NetworkAclEntry', 0);
  });

  test('privateTierInboundPorts opens the private tier to an internet-facing NLB\'s clients on those ports, and on no other', () => {
    const nlbClient = (port: number, protocol: 'tcp' | 'udp' = 'tcp') => inbound(protocol, port, INTERNET);
    const before = aclEntriesOf(synthTemplate().toJSON(), /^BaselineNetworkAclsPrivateAcl/);
    // Client-IP preservation (the default for instance targets) delivers from the client's own address: below 1024 it
    // meets no reply rule.
    expect([naclDecision(before, nlbClient(443)).action, naclDecision(before, nlbClient(8443)).action]).toEqual(['deny', 'allow']);
    const opened = synthTemplate({ network: { privateTierInboundPorts: [ec2.Port.tcp(443), ec2.Port.udpRange(500, 501)] } }).toJSON();
    const entries = aclEntriesOf(opened, /^BaselineNetworkAclsPrivateAcl/);
    expect([443, 80].map((port) => naclDecision(entries, nlbClient(port)).action)).toEqual(['allow', 'deny']);
    expect([naclDecision(entries, nlbClient(500, 'udp')).action, naclDecision(entries, nlbClient(500)).action]).toEqual(['allow', 'deny']);
    expect(Object.entries<any>(opened.Resources)
      .filter(([id]) => /^BaselineNetworkAclsPrivateAclInbound/.test(id))
      .map(([id, r]) => entryRow(id.replace(/^BaselineNetworkAclsPrivateAcl/, '').replace(/[0-9A-F]{8}$/, ''), r))).toEqual([
      'InboundTcp443To443FromInternet in 300 tcp:443-443 0.0.0.0/0 allow',
      'InboundUdp500To501FromInternet in 301 udp:500-501 0.0.0.0/0 allow',
    ]);
    // Ten fit in the ACL's default quota of 20 inbound rules beside its own 10.
    expect(() => synthTemplate({ network: { privateTierInboundPorts: Array.from({ length: 10 }, (_, i) => ec2.Port.tcp(8000 + i)) } })).not.toThrow();
  });

  test('a custom CIDR plan gets its own CIDRs in the rules', () => {
    const custom = synthTemplate({
      network: {
        cidr: '172.20.0.0/16',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        publicSubnetCidrs: ['172.20.0.0/24', '172.20.1.0/24'],
        privateSubnetCidrs: ['172.20.16.0/20', '172.20.32.0/20'],
        databaseSubnetCidrs: ['172.20.64.0/24', '172.20.65.0/24'],
      },
    });
    custom.hasResourceProperties('AWS::EC2::NetworkAclEntry', { CidrBlock: '172.20.0.0/16', RuleNumber: 100, Protocol: -1, Egress: false });
    custom.hasResourceProperties('AWS::EC2::NetworkAclEntry', { NetworkAclId: { Ref: Match.stringLikeRegexp('DatabaseAcl') }, CidrBlock: '172.20.32.0/20', RuleAction: 'allow' });
  });
});

/**
 * Every entry of every ACL, as the class comment of NetworkAcls describes it: rule numbers (the order decides), the
 * traffic, the peer, the action, and the construct ID that names each (a new logical ID replaces the entry, and for a
 * moment the ACL runs without it). Written from that design, one row per entry: `<id> <in|out> <rule> <traffic> <cidr>
 * <allow|deny>`, traffic as `all`, `tcp:<from>-<to>`, `udp:<from>-<to>` or `icmp:<type>/<code>`.
 */
const VPC_RULES = ['AllFrom1 in 100 all 10.0.0.0/16 allow'];
const DENY_ADMINISTRATION = (first: number) => [
  `Deny22FromIpv4Internet in ${first} tcp:22-22 0.0.0.0/0 deny`,
  `Deny22FromIpv6Internet in ${first + 1} tcp:22-22 ::/0 deny`,
  `Deny3389FromIpv4Internet in ${first + 2} tcp:3389-3389 0.0.0.0/0 deny`,
  `Deny3389FromIpv6Internet in ${first + 3} tcp:3389-3389 ::/0 deny`,
];
const ALL_OUT = 'AllOut out 100 all 0.0.0.0/0 allow';
const EXPECTED_ENTRIES: Record<string, string[]> = {
  PublicAcl: [
    ...VPC_RULES,
    ...DENY_ADMINISTRATION(101),
    'Tcp0To21FromInternet in 200 tcp:0-21 0.0.0.0/0 allow',
    'Tcp23To3388FromInternet in 201 tcp:23-3388 0.0.0.0/0 allow',
    'Tcp3390To65535FromInternet in 202 tcp:3390-65535 0.0.0.0/0 allow',
    'Udp0To21FromInternet in 210 udp:0-21 0.0.0.0/0 allow',
    'Udp23To3388FromInternet in 211 udp:23-3388 0.0.0.0/0 allow',
    'Udp3390To65535FromInternet in 212 udp:3390-65535 0.0.0.0/0 allow',
    'IcmpFromInternet in 220 icmp:-1/-1 0.0.0.0/0 allow',
    ALL_OUT,
  ],
  PrivateAcl: [
    ...VPC_RULES,
    ...DENY_ADMINISTRATION(101),
    'Tcp1024To3388FromInternet in 200 tcp:1024-3388 0.0.0.0/0 allow',
    'Tcp3390To65535FromInternet in 201 tcp:3390-65535 0.0.0.0/0 allow',
    'Udp1024To3388FromInternet in 210 udp:1024-3388 0.0.0.0/0 allow',
    'Udp3390To65535FromInternet in 211 udp:3390-65535 0.0.0.0/0 allow',
    // Destination unreachable (type 3), every code: "fragmentation needed" is code 4.
    'IcmpUnreachableFromInternet in 220 icmp:3/-1 0.0.0.0/0 allow',
    ALL_OUT,
  ],
  DatabaseAcl: [
    'AllFrom1 in 100 all 10.0.1.0/24 allow',
    'AllFrom2 in 101 all 10.0.2.0/24 allow',
    'AllFrom3 in 102 all 10.0.3.0/24 allow',
    'AllFrom4 in 103 all 10.0.201.0/24 allow',
    'AllFrom5 in 104 all 10.0.202.0/24 allow',
    'AllFrom6 in 105 all 10.0.203.0/24 allow',
    'DenyRestOfVpc in 106 all 10.0.0.0/16 deny',
    ...DENY_ADMINISTRATION(107),
    'Tcp1024To3388FromInternet in 200 tcp:1024-3388 0.0.0.0/0 allow',
    'Tcp3390To65535FromInternet in 201 tcp:3390-65535 0.0.0.0/0 allow',
    ALL_OUT,
  ],
};

const PROTOCOLS: Record<number, string> = { [-1]: 'all', 1: 'icmp', 6: 'tcp', 17: 'udp' };

function entryRow(id: string, entry: any): string {
  const p = entry.Properties;
  const protocol = PROTOCOLS[p.Protocol] ?? String(p.Protocol);
  const traffic = protocol === 'icmp' ? `icmp:${p.Icmp?.Type}/${p.Icmp?.Code}`
    : protocol === 'all' ? 'all' : `${protocol}:${p.PortRange?.From}-${p.PortRange?.To}`;
  return `${id} ${p.Egress ? 'out' : 'in'} ${p.RuleNumber} ${traffic} ${p.CidrBlock ?? p.Ipv6CidrBlock} ${p.RuleAction}`;
}

describe('network ACL entries and associations, one by one', () => {
  test('each ACL holds exactly its entries, numbered and named as designed', () => {
    const resources = Object.entries<any>(withDatabaseTier().Resources);
    const found = Object.fromEntries(Object.keys(EXPECTED_ENTRIES).map((acl) => {
      const prefix = `BaselineNetworkAcls${acl}`;
      const entries = resources
        .filter(([, r]) => r.Type === 'AWS::EC2::NetworkAclEntry' && r.Properties.NetworkAclId.Ref.startsWith(prefix))
        .map(([id, r]) => entryRow(id.slice(prefix.length).replace(/[0-9A-F]{8}$/, ''), r))
        .sort((a, b) => a.localeCompare(b));
      return [acl, entries];
    }));
    const expected = Object.fromEntries(Object.entries(EXPECTED_ENTRIES).map(([acl, rows]) => [acl, [...rows].sort((a, b) => a.localeCompare(b))]));
    expect(found).toEqual(expected);
  });

  test('the associations are named after the ACL and the zone, never after the subnet\'s path', () => {
    const associations = Object.keys(withDatabaseTier().Resources).filter((id) => /^BaselineNetworkAcls.*Association/.test(id));
    expect(associations.map((id) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'BaselineNetworkAclsDatabaseAclAssociation1', 'BaselineNetworkAclsDatabaseAclAssociation2', 'BaselineNetworkAclsDatabaseAclAssociation3',
      'BaselineNetworkAclsPrivateAclAssociation1', 'BaselineNetworkAclsPrivateAclAssociation2', 'BaselineNetworkAclsPrivateAclAssociation3',
      'BaselineNetworkAclsPublicAclAssociation1', 'BaselineNetworkAclsPublicAclAssociation2', 'BaselineNetworkAclsPublicAclAssociation3',
    ]);
  });
});
