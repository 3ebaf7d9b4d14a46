import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { cisControls, patternOf } from './cis-controls';
import * as defaults from './monitoring-defaults';
import { CisVariant } from './monitoring-props';
import { notifyingAlarm } from './notifying-alarm';

export interface CisAlarmsProps {
  readonly project: string;
  readonly environment: string;
  /** The trail's CloudWatch Logs group: the filters read it. */
  readonly logGroup: logs.ILogGroup;
  readonly topic: sns.ITopic;
  readonly variant: CisVariant;
  readonly unauthorizedApiCallsThreshold: number;
}

/**
 * The CIS AWS Foundations Benchmark monitoring section: one metric filter per recommendation on the trail's log group
 * (namespace `LogMetrics`, value 1) and one alarm each: Sum over five minutes >= 1, 1 of 1, missing data not breaching.
 *
 * Security Hub's remediation text uses the Average statistic for five of them (CloudWatch.2, .4, .8, .13, .14): with a
 * metric value of 1 and data points only for matching events, Average and Sum cross 1 in the same periods, and Sum is
 * what CIS's own remediation (`--statistic Sum`) and the unauthorized-calls threshold need (an average of ones is 1).
 */
export class CisAlarms extends Construct {
  public readonly alarms: cloudwatch.IAlarm[] = [];

  constructor(scope: Construct, id: string, props: CisAlarmsProps) {
    super(scope, id);
    for (const control of cisControls()) {
      const filter = new logs.MetricFilter(this, `${control.id}Filter`, {
        logGroup: props.logGroup,
        filterName: `CIS-${control.id}`,
        filterPattern: logs.FilterPattern.literal(patternOf(control, props.variant)),
        metricNamespace: defaults.CIS_METRIC_NAMESPACE,
        metricName: control.id,
        metricValue: defaults.CIS_METRIC_VALUE,
      });
      const threshold = control.id === 'UnauthorizedApiCalls' ? props.unauthorizedApiCallsThreshold : defaults.CIS_ALARM_THRESHOLD;
      this.alarms.push(notifyingAlarm(this, `${control.id}Alarm`, {
        alarmName: defaults.alarmName(props.project, props.environment, `cis-${control.alarmName}`),
        alarmDescription: `${control.title} (at least ${threshold} in 5 minutes). ${control.references}. ` +
          'The matching events are in the trail\'s CloudWatch Logs group: run the same filter pattern there to see them.',
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.seconds(defaults.CIS_ALARM_PERIOD_SECONDS) }),
        threshold,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        topic: props.topic,
        // Each match is an event to look at; its end is not news.
        notifyOnOk: false,
      }));
    }
  }
}
