import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * The operating systems whose patches the baseline knows how to approve (an `AWS::SSM::PatchBaseline` operating system).
 */
export enum BastionOperatingSystem {
  /** Amazon Linux 2023: the default image. */
  AMAZON_LINUX_2023 = 'AMAZON_LINUX_2023',
  /** Amazon Linux 2 (the architecture document's image; end of support 2026-06-30). */
  AMAZON_LINUX_2 = 'AMAZON_LINUX_2',
}

/**
 * Patching of the bastion with Systems Manager Patch Manager: a patch baseline of its own, a daily scan (a State
 * Manager association), and a weekly install in a maintenance window whose output goes to a log group encrypted with
 * the logs key. A bastion that reports missing patches notifies the alarm topic.
 */
export interface BastionPatchingProps {
  /**
   * Patch the bastion.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The bastion's operating system, which names the patch baseline's rules.
   *
   * @default - derived from the image: Amazon Linux 2023 for the default image and for Amazon Linux 2023 images of
   * AWS's public parameters, Amazon Linux 2 for theirs; another image must name it, or it is not patched (a warning)
   */
  readonly operatingSystem?: BastionOperatingSystem;

  /**
   * Days after a patch's release before the patch baseline approves it (Security and Bugfix classifications). AWS
   * accepts 0 to 360.
   *
   * @default 7
   */
  readonly approveAfterDays?: number;

  /**
   * When the maintenance window installs approved patches: a cron or rate expression of Systems Manager
   * (`cron(0 3 ? * SUN *)`, `rate(7 days)`), read in `scheduleTimezone`.
   *
   * @default cron(0 3 ? * SUN *): Sundays at 03:00 in the region's time zone
   */
  readonly installSchedule?: string;

  /**
   * The IANA time zone of `installSchedule` (`Europe/Dublin`, `America/New_York`).
   *
   * @default - the time zone of the stack's region (UTC when the region is unknown at synth time)
   */
  readonly scheduleTimezone?: string;

  /**
   * How often the State Manager association scans the bastion for missing patches (a cron or rate expression).
   *
   * @default rate(1 day)
   */
  readonly scanSchedule?: string;

  /**
   * Reboot the bastion after an install when a patch needs it (a kernel update). Without a reboot, such patches are
   * installed but not in effect, and the bastion reports `InstalledPendingReboot`.
   *
   * @default true
   */
  readonly rebootIfNeeded?: boolean;
}

/**
 * Session Manager's preferences for the account and region (the `SSM-SessionManagerRunShell` document): session output
 * streamed to a log group encrypted with the logs key, session data encrypted with the logs key, idle and maximum
 * session times. Port-forwarding and SSH sessions are never content-logged by Session Manager; their StartSession
 * calls are in the trail, and the monitoring area counts them.
 */
export interface BastionSessionLoggingProps {
  /**
   * Log the bastion's shell sessions.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Create the account's Session Manager preferences document (`SSM-SessionManagerRunShell`) in this baseline. Only
   * one can exist per account and region: the first baseline of an account and region in the app holds it, the others
   * use it. Set false where someone else holds the preferences (Control Tower, LZA, the console: the console creates
   * the document the first time anyone saves preferences, and then a deploy that creates it fails; see the README).
   *
   * @default - true for the first baseline of the account and region in the app, false for the others
   */
  readonly holdPreferences?: boolean;

  /**
   * The log group of the session output.
   *
   * @default /<project>/<environment>/bastion-sessions
   */
  readonly logGroupName?: string;

  /**
   * How long session output is kept.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly retention?: logs.RetentionDays;

  /**
   * Also encrypt session data with the logs key (Session Manager's `kmsKeyId`), on top of TLS. The preferences apply to
   * every managed instance of the account and region: each instance's role then needs `kms:Decrypt` on the logs key
   * (the bastion's role gets it), and whoever starts a session `kms:GenerateDataKey`, or Session Manager refuses
   * their sessions. Off by default for that reason; the logged output is encrypted with the logs key either way.
   *
   * @default false
   */
  readonly encryptSessionData?: boolean;

  /**
   * A session with no input for this long ends. AWS accepts 1 to 60 minutes.
   *
   * @default Duration.minutes(20)
   */
  readonly idleTimeout?: Duration;

  /**
   * A session ends after this long whatever happens in it. AWS accepts 1 to 1,440 minutes.
   *
   * @default Duration.hours(4)
   */
  readonly maxSessionDuration?: Duration;

  /**
   * Run shell sessions as this operating-system user instead of `ssm-user` (Session Manager's "Run As"). The user
   * must exist on every managed instance of the account and region.
   *
   * @default - sessions run as ssm-user
   */
  readonly runAsUser?: string;
}
