/**
 * The zone letters of the commercial regions, as AWS names them for new accounts (AWS documentation, "Regions and
 * Zones", and the EC2 console; dated 2026-12). Zone names map to different physical zones per account, but the letters
 * a region offers are the same. A region missing one of a, b and c cannot take the baseline's default zones.
 *
 * - ap-northeast-1 offers a, c and d (1b is closed to new accounts);
 * - ca-central-1 offers a, b and d;
 * - us-west-1 offers two zones only, which two of a/b/c depends on the account.
 *
 * Built on each call, not held at module level: mutation testing then judges each row by the tests that read it.
 */
function zoneLettersByRegion(): Readonly<Record<string, string>> {
  return {
    'us-east-1': 'abcdef',
    'us-east-2': 'abc',
    'us-west-1': '',
    'us-west-2': 'abcd',
    'af-south-1': 'abc',
    'ap-east-1': 'abc',
    'ap-east-2': 'abc',
    'ap-south-1': 'abc',
    'ap-south-2': 'abc',
    'ap-southeast-1': 'abc',
    'ap-southeast-2': 'abc',
    'ap-southeast-3': 'abc',
    'ap-southeast-4': 'abc',
    'ap-southeast-5': 'abc',
    'ap-southeast-7': 'abc',
    'ap-northeast-1': 'acd',
    'ap-northeast-2': 'abcd',
    'ap-northeast-3': 'abc',
    'ca-central-1': 'abd',
    'ca-west-1': 'abc',
    'eu-central-1': 'abc',
    'eu-central-2': 'abc',
    'eu-west-1': 'abc',
    'eu-west-2': 'abc',
    'eu-west-3': 'abc',
    'eu-south-1': 'abc',
    'eu-south-2': 'abc',
    'eu-north-1': 'abc',
    'il-central-1': 'abc',
    'me-south-1': 'abc',
    'me-central-1': 'abc',
    'mx-central-1': 'abc',
    'sa-east-1': 'abc',
  };
}

/**
 * Why a zone name names no zone of its region, or undefined when it may: a letter past the region's last (eu-west-1x)
 * names nothing in any account. Letters inside the range pass even where new accounts lack them (ap-northeast-1b
 * still exists in older accounts), and so does any zone of a region this table does not know.
 */
export function unknownZoneProblem(region: string, zone: string): string | undefined {
  const letters = zoneLettersByRegion()[region];
  if (letters === undefined) {
    return undefined;
  }
  // us-west-1's two zones are two of a, b and c, depending on the account.
  const last = letters === '' ? 'c' : letters[letters.length - 1];
  const letter = zone.slice(region.length);
  if (letter <= last) {
    return undefined;
  }
  const offers = letters === '' ? `two of ${region}a, ${region}b and ${region}c, depending on the account`
    : letters.split('').map((l) => region + l).join(', ');
  return `${zone} is not an availability zone of ${region}, which has ${offers}`;
}

/** Whether the table knows the region's zones. */
export function isKnownRegion(region: string): boolean {
  return zoneLettersByRegion()[region] !== undefined;
}

/** The baseline's default zone letters. */
export const DEFAULT_ZONE_LETTERS = ['a', 'b', 'c'];

/**
 * Why a region cannot take zones a, b and c, or undefined when it can. An unknown region is refused too: the fleet
 * cannot tell, and a wrong guess fails only at deploy time.
 */
export function defaultZonesProblem(region: string): string | undefined {
  const letters = zoneLettersByRegion()[region];
  if (letters === undefined) {
    return `${region} is not a region whose zones this library knows; list availabilityZones explicitly`;
  }
  const missing = DEFAULT_ZONE_LETTERS.filter((l) => !letters.includes(l));
  if (missing.length === 0) {
    return undefined;
  }
  const has = letters === '' ? 'two zones whose letters depend on the account' : `zones ${letters.split('').map((l) => region + l).join(', ')}`;
  return `${region} has no zone${missing.length > 1 ? 's' : ''} ${missing.map((l) => region + l).join(', ')} (it offers ${has}); list availabilityZones explicitly`;
}

/**
 * The zones new accounts get in a region (eu-west-1a, eu-west-1b, eu-west-1c), or undefined where the table does not
 * know them: an unknown region, and us-west-1, whose two zones depend on the account. What the `context` command writes
 * for aws-cdk-lib's availability-zone lookup, so that an account-bound app synthesizes without credentials.
 */
export function newAccountZones(region: string): string[] | undefined {
  const letters = zoneLettersByRegion()[region];
  return letters ? letters.split('').map((l) => region + l) : undefined;
}
