import { Token } from 'aws-cdk-lib';
import { BastionPatchingConfig } from './bastion-operations-config';
import { BastionPatchingProps } from './bastion-operations-props';
import { isTimezone } from './region-timezones';
import { show, ValidationWarning } from '../private/validation-helpers';

/** AWS's range for ApproveAfterDays (AWS::SSM::PatchBaseline Rule). */
export const MAX_APPROVE_AFTER_DAYS = 360;
const CRON = /^cron\(\S+( \S+){4,5}\)$/;
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const MINUTES_PER_UNIT: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };

/** Why a Systems Manager schedule is refused, or undefined (`minimumMinutes` for a rate). */
function scheduleProblem(expression: string, minimumMinutes: number): string | undefined {
  const rate = RATE.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]) * MINUTES_PER_UNIT[rate[2]];
    return minutes < minimumMinutes ? `a rate of at least ${minimumMinutes} minutes` : undefined;
  }
  return CRON.test(expression) ? undefined : `a cron or rate expression of Systems Manager, such as cron(0 3 ? * SUN *) or rate(${minimumMinutes < 60 ? '1 day' : '7 days'})`;
}

/** The bastion's patching props. */
export function checkPatchingProps(props: BastionPatchingProps | undefined): string[] {
  const patching = props ?? {};
  const problems: string[] = [];
  const days = patching.approveAfterDays;
  if (days !== undefined && !Token.isUnresolved(days) && !(Number.isInteger(days) && days >= 0 && days <= MAX_APPROVE_AFTER_DAYS)) {
    problems.push(`bastion.patching.approveAfterDays: got ${days}; expected a whole number of days from 0 to ${MAX_APPROVE_AFTER_DAYS}`);
  }
  // A maintenance window runs at most once an hour; a State Manager association at most every 30 minutes.
  for (const [name, value, minimum] of [['installSchedule', patching.installSchedule, 60], ['scanSchedule', patching.scanSchedule, 30]] as const) {
    const problem = value === undefined || Token.isUnresolved(value) ? undefined : scheduleProblem(value, minimum);
    if (problem !== undefined) {
      problems.push(`bastion.patching.${name}: got ${show(value!)}; expected ${problem}`);
    }
  }
  const zone = patching.scheduleTimezone;
  if (zone !== undefined && !Token.isUnresolved(zone) && !isTimezone(zone)) {
    problems.push(`bastion.patching.scheduleTimezone: got ${show(zone)}; expected an IANA time zone such as Europe/Dublin or Etc/UTC`);
  }
  return problems;
}

/** A bastion whose image's operating system the baseline cannot tell is not patched until it is named. */
export function patchingWarnings(config: BastionPatchingConfig | undefined): ValidationWarning[] {
  return config === undefined || config.operatingSystem !== undefined ? [] : [{
    id: 'bastionNotPatched',
    message: 'bastion.patching: the bastion\'s image is not an Amazon Linux image of AWS\'s public parameters, so its operating ' +
      'system is unknown and it is not patched; set bastion.patching.operatingSystem, or bastion.patching.enabled to false ' +
      'and acknowledge this warning if it is patched another way',
  }];
}
