/**
 * The monitoring area's defaults and fixed settings, each with where it comes from. Thresholds a user can change are
 * `DEFAULT_*`; the rest is how an alarm is evaluated, fixed so that it means what its source says.
 */

/**
 * CIS metric filters: namespace `LogMetrics` and metric value 1, as Security Hub's remediation steps write them
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html).
 */
export const CIS_METRIC_NAMESPACE = 'LogMetrics';
export const CIS_METRIC_VALUE = '1';

/**
 * CIS alarms: Sum over 300 s, 1 of 1, >= threshold, missing data not breaching: the CIS remediation text
 * (`put-metric-alarm --statistic Sum --period 300 --threshold 1 --evaluation-periods 1`) and LZA's configuration.
 */
export const CIS_ALARM_PERIOD_SECONDS = 300;
export const CIS_ALARM_THRESHOLD = 1;
export const DEFAULT_UNAUTHORIZED_API_CALLS_THRESHOLD = 1;

/**
 * NAT gateways: a breach in any one minute raises the alarm, five clean minutes clear it ("the alarm returns to the
 * OK state if the data is within the acceptable threshold for 5 minutes", AWS's NAT gateway guidance:
 * https://docs.aws.amazon.com/solutions/latest/prebid-server-deployment-on-aws/nat-gateway.html).
 */
export const NAT_ALARM_PERIOD_SECONDS = 60;
export const NAT_ALARM_EVALUATION_PERIODS = 5;
export const NAT_ALARM_DATAPOINTS_TO_ALARM = 1;
/** The same page: `ErrorPortAllocation > 0`, and `PacketsDropCount > 0.01%` of the gateway's packets. */
export const DEFAULT_NAT_PORT_ALLOCATION_ERRORS_THRESHOLD = 1;
export const DEFAULT_NAT_PACKET_DROP_PERCENT_THRESHOLD = 0.01;

/**
 * EFS: Average each minute, 15 of 15, the AWS recommended alarms for `PercentIOLimit` (>= 100) and
 * `BurstCreditBalance` (<= 0) (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html#EFS).
 */
export const EFS_ALARM_PERIOD_SECONDS = 60;
export const EFS_ALARM_EVALUATION_PERIODS = 15;
export const DEFAULT_EFS_BURST_CREDIT_BALANCE_BYTES = 0;
export const DEFAULT_EFS_PERCENT_IO_LIMIT_THRESHOLD = 100;

/** The bastion: `StatusCheckFailed` Maximum >= 1 over 300 s, 2 of 2 (the AWS recommended alarm for EC2). */
export const BASTION_ALARM_PERIOD_SECONDS = 300;
export const BASTION_ALARM_EVALUATION_PERIODS = 2;

/** Interface endpoints: `PacketsDropped` Sum over 600 s, 1 of 1 (marbot's interface-endpoint template: > 0). */
export const ENDPOINT_ALARM_PERIOD_SECONDS = 600;
export const DEFAULT_ENDPOINT_PACKETS_DROPPED_THRESHOLD = 1;

/**
 * The trail's delivery: `IncomingLogEvents` Sum over an hour below the minimum. CloudWatch Logs publishes no data
 * point for an hour without events, so missing data is breaching here: silence is the failure this alarm catches.
 */
export const TRAIL_DELIVERY_PERIOD_SECONDS = 3600;
export const DEFAULT_TRAIL_MINIMUM_INCOMING_EVENTS_PER_HOUR = 1;

/** Physical names, unique per project and environment like the trail's and the log groups'. */
export const alarmTopicName = (project: string, environment: string) => `${project}-${environment}-alarms`;
export const alarmTopicKeyAlias = (project: string, environment: string) => `alias/${project}/${environment}/alarms`;
/** Dashboards are global to the account, not regional: the region is in the name, so baselines of two regions coexist. */
export const dashboardName = (project: string, environment: string, region: string) => `${project}-${environment}-${region}-baseline`;
export const alarmName = (project: string, environment: string, name: string) => `${project}-${environment}-${name}`;

/** Warning IDs (`Annotations.of(...).acknowledgeWarning(id)` silences one). */
export const WARNING_CIS_WITHOUT_TRAIL = '@numinia/cdk-baseline:cisAlarmsWithoutTrailLogGroup';
export const WARNING_TOPIC_WITHOUT_SUBSCRIBER = '@numinia/cdk-baseline:alarmTopicWithoutSubscriber';
