import { Duration, Token } from 'aws-cdk-lib';
import * as defaults from './defaults';

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

/** The environment and project names: tags, key aliases and parameter paths use them. Also checked by the import. */
export function checkNames(props: { readonly environment: string; readonly project?: string }): string[] {
  const problems: string[] = [];
  const named: Array<[string, unknown]> = [
    ['environment', props.environment],
    ['project', props.project ?? defaults.SEED_PROJECT],
  ];
  for (const [name, value] of named) {
    if (typeof value === 'string' && Token.isUnresolved(value)) {
      problems.push(`${name}: got a token; it names tags, key aliases and parameter paths at synth time, so it must be a literal string`);
    } else if (typeof value !== 'string' || !defaults.NAME_PATTERN.test(value)) {
      problems.push(`${name}: got ${show(value)}; expected ${defaults.NAME_RULE}`);
    }
  }
  return problems;
}

const RESERVED_TAG_KEYS = [defaults.TAG_ENVIRONMENT, defaults.TAG_PROJECT, defaults.TAG_MANAGED_BY];

/** Tags AWS accepts, and that do not fight the baseline's own; also the network's tags per subnet tier. */
export function checkTags(tags: Record<string, string>, name = 'tags'): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(tags)) {
    if (RESERVED_TAG_KEYS.includes(key)) {
      problems.push(`${name}.${key}: the baseline sets this tag itself (from environment/project); remove it from ${name}`);
    } else if (key.toLowerCase().startsWith('aws:')) {
      problems.push(`${name}.${key}: keys starting with "aws:" are reserved by AWS`);
    } else if (key.length === 0 || key.length > 128) {
      problems.push(`${name}: key ${show(key)} has ${key.length} characters; expected 1-128`);
    }
    if (typeof value !== 'string' || (!Token.isUnresolved(value) && value.length > 256)) {
      problems.push(`${name}.${key}: got ${show(value)}; expected a string of at most 256 characters`);
    }
  }
  return problems;
}
