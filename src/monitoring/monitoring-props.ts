import { Size } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';

/**
 * Which published text the CIS metric filters follow. The two differ in two filters only: unauthorized API calls and
 * console sign-in without MFA.
 */
export enum CisVariant {
  /**
   * The exact patterns of Security Hub's CloudWatch.1-14 controls (CIS v1.2.0 and v1.4.0), which Security Hub checks
   * character for character, plus CIS 4.15 (AWS Organizations changes), which has no Security Hub control.
   *
   * @see https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
   */
  SECURITY_HUB = 'SECURITY_HUB',

  /**
   * The patterns of CIS v3.0.0 and later for 4.1 (unauthorized API calls, without the CloudWatch Logs delivery service
   * and `HeadBucket`, which are noisy) and 4.2 (every console sign-in without MFA, not only IAM users' successful
   * ones); the other thirteen are the same. Security Hub's CloudWatch.2 and CloudWatch.3 then report FAILED.
   */
  CIS_V3 = 'CIS_V3',
}

/**
 * Monitoring: one encrypted alarm topic, the CIS AWS Foundations metric filters and alarms on the trail's log group,
 * alarms on the parts that fail in production (NAT gateways, EFS, the bastion, interface endpoints, the trail's
 * delivery) and a dashboard. Every alarm notifies the topic, on ALARM (and on OK for the operational ones).
 */
export interface MonitoringProps {
  /**
   * Create the monitoring area. Turned off, the baseline makes no topic, filter, alarm or dashboard (the bastion's
   * recovery alarm stays: it recovers the instance rather than notifying anyone).
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * E-mail addresses subscribed to the alarm topic the baseline creates. Each address receives a confirmation
   * message from AWS and gets alarms only once it confirms. Other subscriptions (AWS Chatbot, an HTTPS endpoint, a
   * queue) can be added to `baseline.alarmTopic` by the app.
   *
   * @default - none (the synth warns that the topic has no subscriber)
   */
  readonly alarmEmails?: string[];

  /**
   * A topic of your own (e.g. an organisation's central alerting topic) for every alarm, instead of the one the
   * baseline creates with its key. Its policy must let CloudWatch alarms of this account publish, and, when it is
   * encrypted, its key policy must let `cloudwatch.amazonaws.com` use the key.
   *
   * @default - a new topic `<project>-<environment>-alarms`, encrypted with a new customer-managed key
   */
  readonly alarmTopic?: sns.ITopic;

  /**
   * Create the fifteen CIS AWS Foundations Benchmark metric filters on the trail's CloudWatch Logs group (Security Hub
   * CloudWatch.1-14 and CIS 4.15) with an alarm each. They need `logging.cloudTrail` with `sendToCloudWatchLogs`;
   * without it the synth warns that they are missing.
   *
   * @default true
   */
  readonly cisAlarms?: boolean;

  /**
   * Which published patterns the CIS filters use.
   *
   * @default CisVariant.SECURITY_HUB
   */
  readonly cisVariant?: CisVariant;

  /**
   * Unauthorized API calls in five minutes at or above which the CIS unauthorized-calls alarm fires: the noisiest of
   * the fifteen, since read-only consoles and tools probe what they may do. The other CIS alarms fire on the first event.
   *
   * @default 1
   */
  readonly unauthorizedApiCallsThreshold?: number;

  /**
   * Create the operational alarms: per NAT gateway port allocation errors and packet drops, EFS burst credits and
   * I/O limit (where the file system's modes publish them), the bastion's status checks, interface endpoint packet
   * drops, and the trail's delivery to CloudWatch Logs.
   *
   * @default true
   */
  readonly operationalAlarms?: boolean;

  /**
   * `ErrorPortAllocation` per NAT gateway in one minute at or above which its alarm fires (the gateway could not
   * allocate a source port: too many concurrent connections to one destination). The alarm returns to OK after five
   * minutes without errors, as AWS's NAT gateway guidance describes.
   *
   * @default 1
   * @see https://docs.aws.amazon.com/solutions/latest/prebid-server-deployment-on-aws/nat-gateway.html
   */
  readonly natPortAllocationErrorsThreshold?: number;

  /**
   * Share of packets a NAT gateway drops in one minute, in percent of the packets it receives
   * (100 × `PacketsDropCount` / (`PacketsInFromSource` + `PacketsInFromDestination`)), above which its alarm fires.
   *
   * @default 0.01
   * @see https://docs.aws.amazon.com/solutions/latest/prebid-server-deployment-on-aws/nat-gateway.html
   */
  readonly natPacketDropPercentThreshold?: number;

  /**
   * EFS `BurstCreditBalance` (Average, each minute for 15 minutes) at or below which its alarm fires. Only with the
   * Bursting throughput mode, the only one with credits. The default fires once the credits are spent and the file
   * system is held to its baseline throughput; a higher value warns while it can still burst (the balance is in bytes
   * of throughput above the baseline).
   *
   * @default Size.bytes(0)
   */
  readonly efsBurstCreditBalanceThreshold?: Size;

  /**
   * EFS `PercentIOLimit` (Average, each minute for 15 minutes) at or above which its alarm fires. Only with the
   * General Purpose performance mode, the only one that publishes it.
   *
   * @default 100
   */
  readonly efsPercentIoLimitThreshold?: number;

  /**
   * Packets an interface endpoint drops in ten minutes (`AWS/PrivateLinkEndpoints` `PacketsDropped`) at or above
   * which its alarm fires. Gateway endpoints publish no metrics.
   *
   * @default 1
   */
  readonly endpointPacketsDroppedThreshold?: number;

  /**
   * Events the trail's log group must receive in an hour (`IncomingLogEvents`); fewer, or none at all, fires the
   * delivery alarm: the trail stopped logging or can no longer write to CloudWatch Logs.
   *
   * @default 1
   */
  readonly trailMinimumIncomingEventsPerHour?: number;

  /**
   * Create the baseline's dashboard `<project>-<environment>-<region>-baseline` (dashboards are global to an account,
   * hence the region): alarm states, NAT bytes out per zone (the
   * cost driver, with its price per GB), NAT errors and drops, endpoint traffic, EFS throughput and burst credits,
   * the bastion's status checks.
   *
   * @default true
   */
  readonly dashboard?: boolean;
}
