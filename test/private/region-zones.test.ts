import { defaultZonesProblem, newAccountZones, unknownZoneProblem } from '../../src/private/region-zones';

/**
 * The commercial regions and their zones, from AWS's "Regions and Zones" documentation (December 2026): every region
 * below offers zones a, b and c to new accounts, except the three the README names.
 */
const REGIONS_WITH_ZONES_A_B_C = [
  'us-east-1', 'us-east-2', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2', 'ap-southeast-1',
  'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7', 'ap-northeast-2', 'ap-northeast-3',
  'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1',
];

describe('the default zones a, b and c per region', () => {
  test('every commercial region that offers them takes them', () => {
    expect(REGIONS_WITH_ZONES_A_B_C.filter((region) => defaultZonesProblem(region) !== undefined)).toEqual([]);
  });

  test('the three that do not, each with what it offers instead', () => {
    expect(['ap-northeast-1', 'ca-central-1', 'us-west-1'].map(defaultZonesProblem)).toEqual([
      'ap-northeast-1 has no zone ap-northeast-1b (it offers zones ap-northeast-1a, ap-northeast-1c, ap-northeast-1d); list availabilityZones explicitly',
      'ca-central-1 has no zone ca-central-1c (it offers zones ca-central-1a, ca-central-1b, ca-central-1d); list availabilityZones explicitly',
      'us-west-1 has no zones us-west-1a, us-west-1b, us-west-1c (it offers two zones whose letters depend on the account); list availabilityZones explicitly',
    ]);
  });

  test('a region the library does not know is refused, not guessed', () => {
    expect(defaultZonesProblem('eu-west-9')).toBe('eu-west-9 is not a region whose zones this library knows; list availabilityZones explicitly');
  });
});

describe('zones a region does not have', () => {
  test('a letter past the region\'s last names no zone of it', () => {
    expect(unknownZoneProblem('eu-west-1', 'eu-west-1d')).toBe('eu-west-1d is not an availability zone of eu-west-1, which has eu-west-1a, eu-west-1b, eu-west-1c');
    expect(unknownZoneProblem('us-east-1', 'us-east-1g')).toBe('us-east-1g is not an availability zone of us-east-1, which has us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f');
    expect(unknownZoneProblem('us-west-1', 'us-west-1d')).toBe('us-west-1d is not an availability zone of us-west-1, which has two of us-west-1a, us-west-1b and us-west-1c, depending on the account');
  });

  test('the region\'s letters pass, and so do letters older accounts still have, and zones of a region the table does not know', () => {
    expect(['eu-west-1a', 'eu-west-1c'].map((z) => unknownZoneProblem('eu-west-1', z))).toEqual([undefined, undefined]);
    // A region's last letter, past c.
    expect(['us-east-1d', 'us-east-1f', 'ap-northeast-1d'].map((z) => unknownZoneProblem(z.slice(0, -1), z))).toEqual([undefined, undefined, undefined]);
    // ap-northeast-1b is closed to new accounts, not gone; us-west-1's zones are two of a, b, c.
    expect(unknownZoneProblem('ap-northeast-1', 'ap-northeast-1b')).toBeUndefined();
    expect(unknownZoneProblem('us-west-1', 'us-west-1c')).toBeUndefined();
    expect(unknownZoneProblem('us-gov-west-1', 'us-gov-west-1z')).toBeUndefined();
  });
});

describe('the zones a new account gets (what `numinia-baseline context` writes)', () => {
  test('every letter of the region, in order; none where the account decides (us-west-1) or the region is unknown', () => {
    expect(newAccountZones('eu-west-1')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(newAccountZones('ca-central-1')).toEqual(['ca-central-1a', 'ca-central-1b', 'ca-central-1d']);
    expect(newAccountZones('us-west-1')).toBeUndefined();
    expect(newAccountZones('us-gov-west-1')).toBeUndefined();
  });
});
