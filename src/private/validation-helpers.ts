import { Duration, Token } from 'aws-cdk-lib';

/** A value as it appears in a message: strings quoted, lists bracketed. */
export const show = (value: unknown): string => JSON.stringify(value);

// The patterns below are built on each call, not held at module level: mutation testing then judges them by the tests
// that call them (a module-level pattern is "static" to StrykerJS, judged by every test of its group: README).

/** Whether a string is a region name: eu-west-1, us-gov-west-1, ap-southeast-5. */
export function isRegionName(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value);
}

/** Whether a string is an availability zone name: its region's name and one letter (eu-west-1a). */
export function isZoneName(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(value);
}

/** The whole number of days in a duration, undefined for a token; NaN when it is not whole. */
export function wholeDays(duration: Duration): number | undefined {
  const days = duration.toDays({ integral: false });
  if (Token.isUnresolved(days)) {
    return undefined;
  }
  return Number.isInteger(days) ? days : NaN;
}

/**
 * Props of an area that only make sense when the area is enabled: one problem naming them all.
 *
 * @param stillMeaningful props that keep a meaning when the area is off (used by another area)
 */
// Stryker disable next-line ArrayDeclaration: equivalent: a default holding "Stryker was here" names no prop of any area
export function checkDisabledArea(area: string, options: object | undefined, stillMeaningful: string[] = []): string[] {
  const given = Object.entries(options ?? {})
    .filter(([key, value]) => key !== 'enabled' && value !== undefined && !stillMeaningful.includes(key))
    .map(([key]) => `${area}.${key}`);
  if ((options as { enabled?: boolean } | undefined)?.enabled === false && given.length > 0) {
    const one = given.length === 1;
    return [`${area}.enabled: false, yet ${given.join(', ')} ${one ? 'is' : 'are'} set; remove ${one ? 'it' : 'them'} or enable the ${area}`];
  }
  return [];
}

/** A finding that is legal but risky: reported as a warning the user can acknowledge, never an error. */
export interface ValidationWarning {
  /** Suffix of the warning ID `@numinia/cdk-baseline:<id>`. */
  readonly id: string;
  readonly message: string;
}
