import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { efsMetric, endpointMetric, instanceMetric, logGroupMetric, natMetric } from './baseline-metrics';
import { MonitoredEndpoint, MonitoredFileSystem, MonitoredNatGateway } from './monitored-resources';
import { MonitoringConfig } from './monitoring-config';
import * as defaults from './monitoring-defaults';
import { notifyingAlarm } from './notifying-alarm';

export interface OperationalAlarmsProps {
  readonly project: string;
  readonly environment: string;
  readonly config: MonitoringConfig;
  readonly topic: sns.ITopic;
  readonly natGateways: MonitoredNatGateway[];
  readonly endpoints: MonitoredEndpoint[];
  readonly fileSystem?: MonitoredFileSystem;
  readonly bastionInstanceId?: string;
  readonly trailLogGroup?: logs.ILogGroup;
}

const {
  GREATER_THAN_OR_EQUAL_TO_THRESHOLD, GREATER_THAN_THRESHOLD, LESS_THAN_OR_EQUAL_TO_THRESHOLD, LESS_THAN_THRESHOLD,
} = cloudwatch.ComparisonOperator;
const seconds = Duration.seconds;

/**
 * Alarms on what fails in production, each notifying on ALARM and on OK: per NAT gateway (whatever the NAT strategy
 * made: one set each) port allocation errors and the share of dropped packets; EFS burst credits (Bursting only) and
 * I/O limit (General Purpose only), the only modes that publish them; the bastion's status checks; packet drops per
 * interface endpoint; the trail's delivery to CloudWatch Logs.
 */
export class OperationalAlarms extends Construct {
  public readonly alarms: cloudwatch.IAlarm[] = [];
  /** Those of `alarms` that read the trail's log group. */
  public readonly trailAlarms: cloudwatch.IAlarm[] = [];

  constructor(scope: Construct, id: string, private readonly props: OperationalAlarmsProps) {
    super(scope, id);
    const config = props.config;
    const natPeriod = seconds(defaults.NAT_ALARM_PERIOD_SECONDS);
    const natEvaluation = { evaluationPeriods: defaults.NAT_ALARM_EVALUATION_PERIODS, datapointsToAlarm: defaults.NAT_ALARM_DATAPOINTS_TO_ALARM };
    for (const nat of props.natGateways) {
      const natScope = new Construct(this, `Nat-${nat.label}`);
      this.alarm(natScope, 'PortAllocationErrors', `nat-${nat.label}-port-allocation-errors`, {
        alarmDescription: `NAT gateway ${nat.label} could not allocate a source port (ErrorPortAllocation >= ` +
          `${config.natPortAllocationErrorsThreshold} in a minute): too many concurrent connections to the same destination. ` +
          'Spread the traffic over more destinations or NAT gateways (or more addresses on this one). Clears after 5 minutes ' +
          'without errors. https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html',
        metric: natMetric(nat, 'ErrorPortAllocation', cloudwatch.Stats.SUM, natPeriod),
        threshold: config.natPortAllocationErrorsThreshold,
        comparisonOperator: GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        ...natEvaluation,
      });
      this.alarm(natScope, 'PacketDrops', `nat-${nat.label}-packet-drops`, {
        alarmDescription: `NAT gateway ${nat.label} dropped more than ${config.natPacketDropPercentThreshold}% of the packets it ` +
          'received in a minute (100 x PacketsDropCount / (PacketsInFromSource + PacketsInFromDestination)): a possible ' +
          'issue with the gateway; check the AWS Health Dashboard. Clears after 5 minutes below. ' +
          'https://docs.aws.amazon.com/solutions/latest/prebid-server-deployment-on-aws/nat-gateway.html',
        metric: new cloudwatch.MathExpression({
          // Minutes without drops have no data point: FILL counts them as zero, so traffic without drops is 0 %.
          expression: '100 * FILL(drops, 0) / (fromSource + fromDestination)',
          usingMetrics: {
            drops: natMetric(nat, 'PacketsDropCount', cloudwatch.Stats.SUM, natPeriod),
            fromSource: natMetric(nat, 'PacketsInFromSource', cloudwatch.Stats.SUM, natPeriod),
            fromDestination: natMetric(nat, 'PacketsInFromDestination', cloudwatch.Stats.SUM, natPeriod),
          },
          label: `Dropped packets % ${nat.label}`,
          period: natPeriod,
        }),
        threshold: config.natPacketDropPercentThreshold,
        comparisonOperator: GREATER_THAN_THRESHOLD,
        ...natEvaluation,
      });
    }

    const fileSystem = props.fileSystem;
    const efsEvaluation = { evaluationPeriods: defaults.EFS_ALARM_EVALUATION_PERIODS, datapointsToAlarm: defaults.EFS_ALARM_EVALUATION_PERIODS };
    if (fileSystem?.throughputMode === efs.ThroughputMode.BURSTING) {
      this.alarm(this, 'EfsBurstCreditBalance', 'efs-burst-credit-balance', {
        alarmDescription: `The file system's burst credit balance stayed at or below ${config.efsBurstCreditBalanceThreshold.toBytes()} ` +
          'bytes for 15 minutes: its throughput is held to the baseline of its size. Store more data, or move it to the ' +
          'Elastic or Provisioned throughput mode. https://docs.aws.amazon.com/efs/latest/ug/performance.html',
        metric: efsMetric(fileSystem, 'BurstCreditBalance', cloudwatch.Stats.AVERAGE, seconds(defaults.EFS_ALARM_PERIOD_SECONDS)),
        threshold: config.efsBurstCreditBalanceThreshold.toBytes(),
        comparisonOperator: LESS_THAN_OR_EQUAL_TO_THRESHOLD,
        ...efsEvaluation,
      });
    }
    if (fileSystem?.performanceMode === efs.PerformanceMode.GENERAL_PURPOSE) {
      this.alarm(this, 'EfsPercentIoLimit', 'efs-percent-io-limit', {
        alarmDescription: `The file system stayed at or above ${config.efsPercentIoLimitThreshold}% of the General Purpose I/O ` +
          'limit for 15 minutes: clients wait on I/O. https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html',
        metric: efsMetric(fileSystem, 'PercentIOLimit', cloudwatch.Stats.AVERAGE, seconds(defaults.EFS_ALARM_PERIOD_SECONDS)),
        threshold: config.efsPercentIoLimitThreshold,
        comparisonOperator: GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        ...efsEvaluation,
      });
    }

    if (props.bastionInstanceId !== undefined) {
      this.alarm(this, 'BastionStatusCheckFailed', 'bastion-status-check-failed', {
        alarmDescription: 'The bastion failed its instance or system status check for 10 minutes (StatusCheckFailed). Host ' +
          'failures are recovered automatically (the recovery alarm); an instance failure needs a reboot or a replacement. ' +
          'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitoring-system-instance-status-check.html',
        metric: instanceMetric(props.bastionInstanceId, 'StatusCheckFailed', cloudwatch.Stats.MAXIMUM, seconds(defaults.BASTION_ALARM_PERIOD_SECONDS)),
        threshold: 1,
        comparisonOperator: GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: defaults.BASTION_ALARM_EVALUATION_PERIODS,
        datapointsToAlarm: defaults.BASTION_ALARM_EVALUATION_PERIODS,
      });
    }

    for (const endpoint of props.endpoints) {
      this.alarm(new Construct(this, `Endpoint-${endpoint.label}`), 'PacketsDropped', `endpoint-${endpoint.label}-packets-dropped`, {
        alarmDescription: `The ${endpoint.label} interface endpoint dropped at least ${config.endpointPacketsDroppedThreshold} ` +
          'packets in 10 minutes (PacketsDropped): it or its service may be unhealthy (packets over 8500 bytes are dropped ' +
          'too). https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-cloudwatch-metrics.html',
        metric: endpointMetric(endpoint, 'PacketsDropped', cloudwatch.Stats.SUM, seconds(defaults.ENDPOINT_ALARM_PERIOD_SECONDS)),
        threshold: config.endpointPacketsDroppedThreshold,
        comparisonOperator: GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    if (props.trailLogGroup !== undefined) {
      this.alarm(this, 'TrailDelivery', 'trail-delivery-stopped', {
        alarmDescription: `The trail's log group received fewer than ${config.trailMinimumIncomingEventsPerHour} events in an ` +
          'hour (IncomingLogEvents): the trail stopped logging, or can no longer deliver to CloudWatch Logs (its role, or the ' +
          'logs key\'s policy). The CIS alarms see nothing meanwhile. Check the trail\'s status (aws cloudtrail get-trail-status).',
        metric: logGroupMetric(props.trailLogGroup.logGroupName, 'IncomingLogEvents', cloudwatch.Stats.SUM, seconds(defaults.TRAIL_DELIVERY_PERIOD_SECONDS)),
        threshold: config.trailMinimumIncomingEventsPerHour,
        comparisonOperator: LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // CloudWatch Logs publishes no data point for an hour without events: that silence is what this alarm is for.
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      });
      this.trailAlarms.push(this.alarms[this.alarms.length - 1]);
    }
  }

  private alarm(scope: Construct, id: string, name: string, props: Omit<cloudwatch.AlarmProps, 'alarmName'>): void {
    this.alarms.push(notifyingAlarm(scope, id, {
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
      alarmName: defaults.alarmName(this.props.project, this.props.environment, name),
      topic: this.props.topic,
      notifyOnOk: true,
    }));
  }
}
