import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FlowLogDestinations, LoggingProps } from './logging-props';
import * as defaults from '../private/defaults';
import { instanceScopedName } from '../private/instance-scoped-names';

/** The flow logs with every default filled in. */
export interface FlowLogsConfig {
  readonly retention: logs.RetentionDays;
  readonly logGroupName: string;
  readonly toCloudWatchLogs: boolean;
  readonly toS3: boolean;
  readonly logFormat?: ec2.LogFormat[];
  readonly maxAggregationInterval?: ec2.FlowLogMaxAggregationInterval;
}

/** The trail with every default filled in. */
export interface CloudTrailConfig {
  readonly enabled: boolean;
  readonly trailName: string;
  readonly logGroupName: string;
  readonly sendToCloudWatchLogs: boolean;
  readonly cloudWatchLogsRetention: logs.RetentionDays;
  readonly transitionToGlacierAfter: Duration;
  readonly expireAfter?: Duration;
  readonly homeRegion?: string;
}

/** The logging props with every default filled in. */
export interface LoggingConfig {
  readonly flowLogs: FlowLogsConfig;
  readonly cloudTrail: CloudTrailConfig;
}

/**
 * The logs' config: flow logs to CloudWatch Logs for a month, a trail that also delivers to CloudWatch Logs (kept a
 * year), its bucket moving to Glacier after 90 days. Log group names are scoped to a StackSet's stack instance.
 */
export function resolveLoggingConfig(scope: Construct, props: LoggingProps | undefined, project: string, environment: string): LoggingConfig {
  const trail = props?.cloudTrail ?? {};
  const flowLogDestinations = props?.flowLogDestinations ?? FlowLogDestinations.CLOUDWATCH_LOGS;
  return {
    flowLogs: {
      retention: props?.flowLogRetention ?? logs.RetentionDays.ONE_MONTH,
      logGroupName: instanceScopedName(scope, defaults.flowLogGroupName(project, environment)),
      toCloudWatchLogs: flowLogDestinations !== FlowLogDestinations.S3,
      toS3: flowLogDestinations !== FlowLogDestinations.CLOUDWATCH_LOGS,
      logFormat: props?.flowLogFormat,
      maxAggregationInterval: props?.flowLogAggregationInterval,
    },
    cloudTrail: {
      enabled: trail.enabled ?? true,
      trailName: defaults.trailName(project, environment),
      logGroupName: instanceScopedName(scope, defaults.trailLogGroupName(project, environment)),
      sendToCloudWatchLogs: trail.sendToCloudWatchLogs ?? true,
      cloudWatchLogsRetention: trail.cloudWatchLogsRetention ?? logs.RetentionDays.ONE_YEAR,
      transitionToGlacierAfter: trail.transitionToGlacierAfter ?? Duration.days(defaults.TRAIL_BUCKET_GLACIER_AFTER_DAYS),
      expireAfter: trail.expireAfter,
      homeRegion: trail.homeRegion,
    },
  };
}

/** The log groups the baseline creates, which its logs key serves: the trail's only where this baseline holds it. */
export function baselineLogGroupNames(config: LoggingConfig, trailHere: boolean): string[] {
  return [
    ...(config.flowLogs.toCloudWatchLogs ? [config.flowLogs.logGroupName] : []),
    ...(trailHere && config.cloudTrail.sendToCloudWatchLogs ? [config.cloudTrail.logGroupName] : []),
  ];
}
