import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface NotifyingAlarmProps extends cloudwatch.AlarmProps {
  readonly topic: sns.ITopic;
  /** Also notify when the alarm returns to OK: for conditions that last (a NAT gateway dropping packets), not for events. */
  readonly notifyOnOk: boolean;
}

/**
 * An alarm whose actions notify the alarm topic, with actions enabled (Security Hub CloudWatch.15 and .17: an action
 * for the ALARM state, activated).
 */
export function notifyingAlarm(scope: Construct, id: string, { topic, notifyOnOk, ...props }: NotifyingAlarmProps): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, { ...props, actionsEnabled: true });
  const action = new cwActions.SnsAction(topic);
  alarm.addAlarmAction(action);
  if (notifyOnOk) {
    alarm.addOkAction(action);
  }
  return alarm;
}
