import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * The account's audit trail: a multi-region CloudTrail trail.
 */
export interface CloudTrailProps {
  /**
   * Create the trail. Turn it off in accounts already covered by an organisation trail.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Also deliver the trail to a CloudWatch Logs group (KMS-encrypted with the logs key), for metric filters and alarms.
   *
   * @default true
   */
  readonly sendToCloudWatchLogs?: boolean;

  /**
   * Retention of that CloudWatch Logs copy.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly cloudWatchLogsRetention?: logs.RetentionDays;

  /**
   * When trail log files move to S3 Glacier Flexible Retrieval.
   *
   * @default Duration.days(90)
   */
  readonly transitionToGlacierAfter?: Duration;

  /**
   * When trail log files are deleted. Must be later than `transitionToGlacierAfter`.
   *
   * @default - never
   */
  readonly expireAfter?: Duration;

  /**
   * The region of the account's multi-region trail. A multi-region trail records every region of its account, so one
   * per account is enough (a second one bills the management events twice): a baseline in another region creates
   * none. Every baseline of one account in an app must name the same home region, or none.
   *
   * @default - one trail per account among the baselines of an app: the first baseline of a concrete account holds
   * it, the others create none; a baseline of an unknown account (a token) always creates one
   */
  readonly homeRegion?: string;
}

/**
 * VPC flow logs and CloudTrail.
 */
export interface LoggingProps {
  /**
   * How long CloudWatch Logs keeps the VPC flow logs (all traffic, accepted and rejected).
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly flowLogRetention?: logs.RetentionDays;

  /**
   * The CloudTrail trail.
   *
   * @default - a multi-region trail with log file validation, KMS-encrypted, delivered to S3 and CloudWatch Logs
   */
  readonly cloudTrail?: CloudTrailProps;
}
