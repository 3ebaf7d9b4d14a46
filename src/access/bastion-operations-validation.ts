import { Duration, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { BastionPatchingConfig } from './bastion-operations-config';
import { BastionPatchingProps, BastionSessionLoggingProps } from './bastion-operations-props';
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

/** Session Manager's limits (its preferences schema): idle 1-60 minutes, maximum 1-1440 minutes, whole minutes. */
export const SESSION_IDLE_MINUTES = { min: 1, max: 60 };
export const SESSION_MAX_MINUTES = { min: 1, max: 1440 };
const RETENTION_VALUES = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number');
/** CloudWatch Logs' log group names; a Linux user name for Run As (Session Manager refuses root). */
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;

/** Whole minutes within a range, or why not. */
function minutesProblem(name: string, value: Duration | undefined, range: { min: number; max: number }): string[] {
  if (value === undefined || Token.isUnresolved(value.toMinutes({ integral: false }))) {
    return [];
  }
  const minutes = value.toMinutes({ integral: false });
  return Number.isInteger(minutes) && minutes >= range.min && minutes <= range.max ? []
    : [`bastion.sessionLogging.${name}: got ${minutes} minutes; Session Manager accepts ${range.min} to ${range.max} whole minutes`];
}

/** The bastion's session logging props; `otherBaselinesGroups` are the log groups of the app's other baselines there. */
export function checkSessionLoggingProps(props: BastionSessionLoggingProps | undefined, otherBaselinesGroups: ReadonlyMap<string, string>): string[] {
  const sessions = props ?? {};
  const problems = [
    ...minutesProblem('idleTimeout', sessions.idleTimeout, SESSION_IDLE_MINUTES),
    ...minutesProblem('maxSessionDuration', sessions.maxSessionDuration, SESSION_MAX_MINUTES),
  ];
  const user = sessions.runAsUser;
  if (user !== undefined && !Token.isUnresolved(user) && (user === 'root' || !USER_NAME.test(user))) {
    problems.push(`bastion.sessionLogging.runAsUser: got ${show(user)}; expected a Linux user name other than root (lowercase letters, digits, _ and -; up to 32)`);
  }
  const retention = sessions.retention;
  if (retention !== undefined && !Token.isUnresolved(retention) && !RETENTION_VALUES.includes(retention)) {
    problems.push(`bastion.sessionLogging.retention: got ${show(retention)} days; CloudWatch Logs accepts ${RETENTION_VALUES.join(', ')} (see logs.RetentionDays)`);
  }
  const name = sessions.logGroupName;
  if (name !== undefined && !Token.isUnresolved(name)) {
    const owner = otherBaselinesGroups.get(name);
    if (!LOG_GROUP_NAME.test(name)) {
      problems.push(`bastion.sessionLogging.logGroupName: got ${show(name)}; expected 1-512 letters, digits and . - _ / #`);
    } else if (owner !== undefined) {
      problems.push(`bastion.sessionLogging.logGroupName: ${show(name)} is a log group of the baseline at ${owner} in the same account and region; ` +
        'name one of this baseline\'s own (the default is /<project>/<environment>/bastion-sessions)');
    }
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
