import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import * as fc from 'fast-check';
import { NatGateways, NuminiaBaselineProps } from '../../src';
import { baselineStack } from '../util';

/** Seeded and bounded: the same cases on every run, inside the suite's time budget. */
const SEED = 20261128;
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

// An independent reading of IPv4 CIDRs for the assertions (not the library's parser).
const range = (cidr: string): [number, number] => {
  const [address, prefix] = cidr.split('/');
  const start = address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  return [start, start + 2 ** (32 - Number(prefix)) - 1];
};
const block = (base: number, prefix: number, index: number): string => {
  const start = base + index * 2 ** (32 - prefix);
  return `${[24, 16, 8, 0].map((s) => Math.floor(start / 2 ** s) % 256).join('.')}/${prefix}`;
};

interface ValidCase {
  readonly props: Partial<NuminiaBaselineProps>;
  readonly zones: number;
  readonly nat: NatGateways;
}

/** A random valid configuration: a VPC of /16-/20 in 10/8, subnets in random, distinct blocks of it. */
const validCase: fc.Arbitrary<ValidCase> = fc
  .record({
    secondOctet: fc.integer({ min: 0, max: 255 }),
    vpcPrefix: fc.integer({ min: 16, max: 20 }),
    extraBits: fc.integer({ min: 4, max: 6 }),
    zones: fc.integer({ min: 1, max: 3 }),
    database: fc.boolean(),
    nat: fc.constantFrom(NatGateways.ONE_PER_AZ, NatGateways.SINGLE, NatGateways.REGIONAL, NatGateways.NONE),
    fileSystem: fc.boolean(),
    bastion: fc.boolean(),
    cloudTrail: fc.boolean(),
    order: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
  })
  .map((c) => {
    const subnetPrefix = Math.min(28, c.vpcPrefix + c.extraBits);
    const base = range(`10.${c.secondOctet}.0.0/16`)[0];
    const blocks = 2 ** (subnetPrefix - c.vpcPrefix);
    // A random order of the VPC's blocks, from the generated numbers.
    const indices = [...Array(blocks).keys()].sort((a, b) => (c.order[a % 64] - c.order[b % 64]) || a - b);
    const take = (tier: number) => indices.slice(tier * c.zones, (tier + 1) * c.zones).map((i) => block(base, subnetPrefix, i));
    const props: Partial<NuminiaBaselineProps> = {
      network: {
        cidr: `10.${c.secondOctet}.0.0/${c.vpcPrefix}`,
        availabilityZones: ZONES.slice(0, c.zones),
        publicSubnetCidrs: take(0),
        privateSubnetCidrs: take(1),
        databaseSubnetCidrs: c.database ? take(2) : undefined,
        natGateways: c.nat,
      },
      fileSystem: { enabled: c.fileSystem },
      bastion: { enabled: c.bastion },
      logging: { cloudTrail: { enabled: c.cloudTrail } },
    };
    return { props, zones: c.zones, nat: c.nat };
  });

describe('compliance: property-based', () => {
  test('random valid configurations synthesize, keep their invariants and pass every nag pack', () => {
    fc.assert(
      fc.property(validCase, ({ props, zones, nat }) => {
        const { app, stack } = baselineStack(props);
        const template = Template.fromStack(stack).toJSON();
        const resources = Object.values<any>(template.Resources);
        const ofType = (type: string) => resources.filter((r) => r.Type === type);

        const vpc = range(ofType('AWS::EC2::VPC')[0].Properties.CidrBlock);
        const subnets = ofType('AWS::EC2::Subnet').map((s) => range(s.Properties.CidrBlock));
        for (const [i, s] of subnets.entries()) {
          expect(s[0] >= vpc[0] && s[1] <= vpc[1]).toBe(true);
          for (const other of subnets.slice(i + 1)) expect(s[1] < other[0] || other[1] < s[0]).toBe(true);
        }
        const expectedNats = { [NatGateways.ONE_PER_AZ]: zones, [NatGateways.SINGLE]: 1, [NatGateways.REGIONAL]: 1, [NatGateways.NONE]: 0 }[nat];
        expect(ofType('AWS::EC2::NatGateway')).toHaveLength(expectedNats);
        // One alarm set (port allocation errors, packet drops) per NAT gateway, and one alarm per interface endpoint.
        const alarmNames = ofType('AWS::CloudWatch::Alarm').map((a) => a.Properties.AlarmName ?? '');
        expect(alarmNames.filter((n) => /-nat-.*-port-allocation-errors$/.test(n))).toHaveLength(expectedNats);
        expect(alarmNames.filter((n) => /-nat-.*-packet-drops$/.test(n))).toHaveLength(expectedNats);
        expect(alarmNames.filter((n) => /-endpoint-.*-packets-dropped$/.test(n)))
          .toHaveLength(ofType('AWS::EC2::VPCEndpoint').filter((e) => e.Properties.VpcEndpointType === 'Interface').length);

        for (const type of ['AWS::EFS::FileSystem', 'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::S3::Bucket']) {
          for (const r of ofType(type)) expect([type, r.DeletionPolicy, r.UpdateReplacePolicy]).toEqual([type, 'Retain', 'Retain']);
        }
        for (const key of ofType('AWS::KMS::Key')) expect(key.Properties.EnableKeyRotation).toBe(true);
        for (const group of ofType('AWS::EC2::SecurityGroup')) {
          for (const rule of group.Properties.SecurityGroupIngress ?? []) expect(rule.FromPort <= 22 && rule.ToPort >= 22).toBe(false);
        }
        expect(ofType('AWS::EC2::SecurityGroupIngress')).toHaveLength(0);

        for (const pack of [new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()]) {
          expect(pack.validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 12 },
    );
  });

  /** One broken property on top of a valid configuration, and the property name the message must carry. */
  const invalidCase: fc.Arbitrary<[Partial<NuminiaBaselineProps>, RegExp]> = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map((o): [Partial<NuminiaBaselineProps>, RegExp] => [
      { network: { privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24', `10.${o === 0 ? 1 : o}.3.0/24`] } },
      /network\.privateSubnetCidrs\[2\]: 10\.\d+\.3\.0\/24 lies outside the VPC CIDR 10\.0\.0\.0\/16/,
    ]),
    fc.string({ minLength: 0, maxLength: 40 })
      .filter((s) => !/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/.test(s))
      .map((s): [Partial<NuminiaBaselineProps>, RegExp] => [
        { environment: s },
        /environment: got /,
      ]),
    fc.oneof(fc.integer({ min: 1, max: 89 }), fc.integer({ min: 2561, max: 10_000 })).map((d): [Partial<NuminiaBaselineProps>, RegExp] => [
      { encryption: { rotationPeriod: Duration.days(d) } },
      new RegExp(`encryption\\.rotationPeriod: got ${d} days`),
    ]),
    fc.integer({ min: 0, max: 4000 })
      .filter((d) => !Object.values(logs.RetentionDays).includes(d))
      .map((d): [Partial<NuminiaBaselineProps>, RegExp] => [
        { logging: { flowLogRetention: d as logs.RetentionDays } },
        new RegExp(`logging\\.flowLogRetention: got ${d} days`),
      ]),
    fc.integer({ min: 1, max: 5 }).filter((n) => n !== 3).map((n): [Partial<NuminiaBaselineProps>, RegExp] => [
      { network: { publicSubnetCidrs: [...Array(n).keys()].map((i) => `10.0.${101 + i}.0/24`) } },
      new RegExp(`network\\.publicSubnetCidrs: got ${n} CIDRs for 3 availability zones`),
    ]),
    fc.integer({ min: 0, max: 127 }).map((o): [Partial<NuminiaBaselineProps>, RegExp] => [
      // An odd third octet under /23 leaves a host bit set.
      { network: { publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', `10.0.${2 * o + 1}.0/23`] } },
      /network\.publicSubnetCidrs\[2\]: "10\.0\.\d+\.0\/23" has host bits set/,
    ]),
    fc.integer({ min: 1, max: 3 }).map((o): [Partial<NuminiaBaselineProps>, RegExp] => [
      { network: { databaseSubnetCidrs: [`10.0.${o}.0/24`, '10.0.202.0/24', '10.0.203.0/24'] } },
      new RegExp(`network\\.databaseSubnetCidrs\\[0\\]: 10\\.0\\.${o}\\.0/24 overlaps network\\.privateSubnetCidrs`),
    ]),
  );

  test('random invalid configurations fail at synth with a message naming the property', () => {
    fc.assert(
      fc.property(invalidCase, ([props, message]) => {
        expect(() => baselineStack(props)).toThrow(message);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
