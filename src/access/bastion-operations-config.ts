import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BastionOperatingSystem, BastionPatchingProps, BastionSessionLoggingProps } from './bastion-operations-props';
import { amazonLinuxParameter } from './bastion-placement';
import { regionTimezone } from './region-timezones';
import { instanceScopedName } from '../private/instance-scoped-names';

/** Defaults of the bastion's operations (Patch Manager and Session Manager). */
export const PATCH_APPROVE_AFTER_DAYS = 7;
export const PATCH_INSTALL_SCHEDULE = 'cron(0 3 ? * SUN *)';
export const PATCH_SCAN_SCHEDULE = 'rate(1 day)';
/** The patch classifications approved (Amazon Linux's names): security fixes and bug fixes, not enhancements. */
export const PATCH_CLASSIFICATIONS = ['Security', 'Bugfix'];
export const SESSION_IDLE_TIMEOUT_MINUTES = 20;
export const SESSION_MAX_DURATION_MINUTES = 240;
/** The Session Manager preferences document of an account and region: Session Manager reads no other. */
export const SESSION_PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';

export const sessionLogGroupName = (project: string, environment: string) => `/${project}/${environment}/bastion-sessions`;
export const preferencesLogGroupName = (project: string, environment: string) => `/${project}/${environment}/session-preferences`;
export const patchLogGroupName = (project: string, environment: string) => `/${project}/${environment}/bastion-patching`;
export const patchGroupName = (project: string, environment: string) => `${project}-${environment}-bastion`;

/** Patching with every default filled in. */
export interface BastionPatchingConfig {
  /** Undefined when the image's operating system is not known: the bastion is then not patched (a warning). */
  readonly operatingSystem?: BastionOperatingSystem;
  readonly approveAfterDays: number;
  readonly installSchedule: string;
  readonly scheduleTimezone: string;
  readonly scanSchedule: string;
  readonly rebootIfNeeded: boolean;
  readonly patchGroup: string;
  readonly logGroupName: string;
}

/** Session logging with every default filled in. */
export interface SessionLoggingConfig {
  /** Undefined: the first baseline of the account and region in the app holds the preferences. */
  readonly holdPreferences?: boolean;
  readonly logGroupName: string;
  /** The log group of the function that holds the preferences (where this baseline holds them). */
  readonly preferencesLogGroupName: string;
  readonly retention: logs.RetentionDays;
  readonly encryptSessionData: boolean;
  readonly idleTimeout: Duration;
  readonly maxSessionDuration: Duration;
  readonly runAsUser?: string;
}

/** The patching config, or undefined when patching is off. */
export function resolvePatchingConfig(scope: Construct, props: BastionPatchingProps | undefined, image: ec2.IMachineImage | undefined,
  project: string, environment: string): BastionPatchingConfig | undefined {
  if (props?.enabled === false) {
    return undefined;
  }
  const region = Stack.of(scope).region;
  return {
    operatingSystem: props?.operatingSystem ?? operatingSystemOf(scope, image),
    approveAfterDays: props?.approveAfterDays ?? PATCH_APPROVE_AFTER_DAYS,
    installSchedule: props?.installSchedule ?? PATCH_INSTALL_SCHEDULE,
    scheduleTimezone: props?.scheduleTimezone ?? regionTimezone(Token.isUnresolved(region) ? '' : region),
    scanSchedule: props?.scanSchedule ?? PATCH_SCAN_SCHEDULE,
    rebootIfNeeded: props?.rebootIfNeeded ?? true,
    patchGroup: patchGroupName(project, environment),
    logGroupName: instanceScopedName(scope, patchLogGroupName(project, environment)),
  };
}

/** The session logging config, or undefined when it is off. */
export function resolveSessionLoggingConfig(scope: Construct, props: BastionSessionLoggingProps | undefined,
  project: string, environment: string): SessionLoggingConfig | undefined {
  if (props?.enabled === false) {
    return undefined;
  }
  return {
    holdPreferences: props?.holdPreferences,
    logGroupName: props?.logGroupName ?? instanceScopedName(scope, sessionLogGroupName(project, environment)),
    preferencesLogGroupName: instanceScopedName(scope, preferencesLogGroupName(project, environment)),
    retention: props?.retention ?? logs.RetentionDays.ONE_YEAR,
    encryptSessionData: props?.encryptSessionData ?? false,
    idleTimeout: props?.idleTimeout ?? Duration.minutes(SESSION_IDLE_TIMEOUT_MINUTES),
    maxSessionDuration: props?.maxSessionDuration ?? Duration.minutes(SESSION_MAX_DURATION_MINUTES),
    runAsUser: props?.runAsUser,
  };
}

/**
 * The default image is Amazon Linux 2023; another image's operating system is read from the name of AWS's public
 * parameter it comes from (`al2023-ami-...`, `amzn2-ami-...`). Anything else is unknown.
 */
function operatingSystemOf(scope: Construct, image: ec2.IMachineImage | undefined): BastionOperatingSystem | undefined {
  if (image === undefined) {
    return BastionOperatingSystem.AMAZON_LINUX_2023;
  }
  const parameter = amazonLinuxParameter(image.getImage(scope).imageId) ?? '';
  if (parameter.includes('/al2023-')) {
    return BastionOperatingSystem.AMAZON_LINUX_2023;
  }
  return parameter.includes('/amzn2-') ? BastionOperatingSystem.AMAZON_LINUX_2 : undefined;
}
