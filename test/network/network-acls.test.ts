import { Match } from 'aws-cdk-lib/assertions';
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
