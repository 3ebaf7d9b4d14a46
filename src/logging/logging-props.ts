import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
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
 * Where VPC flow logs go.
 */
export enum FlowLogDestinations {
  /** A KMS-encrypted CloudWatch Logs group (the document's choice): searchable at once, for metric filters and alarms. */
  CLOUDWATCH_LOGS = 'CLOUDWATCH_LOGS',
  /**
   * A KMS-encrypted, TLS-only, retained S3 bucket, in Apache Parquet with Hive-compatible, hourly partitions: cheaper to
   * keep and to query with Athena.
   */
  S3 = 'S3',
  /** Both. */
  CLOUDWATCH_LOGS_AND_S3 = 'CLOUDWATCH_LOGS_AND_S3',
}

/**
 * VPC flow logs and CloudTrail.
 */
export interface LoggingProps {
  /**
   * How long the VPC flow logs (all traffic, accepted and rejected) are kept: the log group's retention, and the
   * expiry of the objects in the S3 bucket (`RetentionDays.INFINITE`: never).
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly flowLogRetention?: logs.RetentionDays;

  /**
   * Where the VPC flow logs go.
   *
   * @default FlowLogDestinations.CLOUDWATCH_LOGS
   */
  readonly flowLogDestinations?: FlowLogDestinations;

  /**
   * The flow log record's fields, in order (a custom format, e.g. with `vpc-id`, `subnet-id`, `tcp-flags`,
   * `pkt-srcaddr`, `flow-direction`, `traffic-path`).
   *
   * @default - AWS's default format (version 2 fields)
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
   */
  readonly flowLogFormat?: ec2.LogFormat[];

  /**
   * The longest time a flow is captured before it is written as a record: one or ten minutes.
   *
   * @default ec2.FlowLogMaxAggregationInterval.TEN_MINUTES
   */
  readonly flowLogAggregationInterval?: ec2.FlowLogMaxAggregationInterval;

  /**
   * The CloudTrail trail.
   *
   * @default - a multi-region trail with log file validation, KMS-encrypted, delivered to S3 and CloudWatch Logs
   */
  readonly cloudTrail?: CloudTrailProps;
}
