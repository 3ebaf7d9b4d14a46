import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CIS_METRIC_VALUE } from './monitoring-defaults';

/**
 * The Session Manager documents whose sessions carry no content Session Manager could log: port forwarding (the tunnels
 * `allowBastionTunnelTo` opens) and SSH. Only their StartSession calls reach CloudTrail, with the document's name.
 */
export const TUNNEL_DOCUMENTS = ['AWS-StartPortForwardingSession', 'AWS-StartPortForwardingSessionToRemoteHost', 'AWS-StartSSHSession'];
export const TUNNEL_METRIC_NAME = 'BastionTunnelSessions';
/** Apart from the CIS metrics (LogMetrics), which Security Hub reads by name. */
export const TUNNEL_METRIC_NAMESPACE = 'BastionOperations';

/** The StartSession calls of the tunnel documents, as a CloudWatch Logs filter pattern over the trail's events. */
export function tunnelSessionsPattern(): string {
  const documents = TUNNEL_DOCUMENTS.map((name) => `($.requestParameters.documentName = "${name}")`).join(' || ');
  return `{ ($.eventSource = "ssm.amazonaws.com") && ($.eventName = "StartSession") && (${documents}) }`;
}

/**
 * A count of tunnels opened (port forwarding and SSH sessions through Session Manager) from the trail's log group: what
 * Session Manager does not log, the trail does; the dashboard shows it.
 */
export function tunnelSessionsMetric(scope: Construct, logGroup: logs.ILogGroup): cloudwatch.Metric {
  const filter = new logs.MetricFilter(scope, 'TunnelSessionsFilter', {
    logGroup,
    filterName: TUNNEL_METRIC_NAME,
    filterPattern: logs.FilterPattern.literal(tunnelSessionsPattern()),
    metricNamespace: TUNNEL_METRIC_NAMESPACE,
    metricName: TUNNEL_METRIC_NAME,
    metricValue: CIS_METRIC_VALUE,
  });
  return filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.hours(1), label: 'Tunnels opened' });
}

export interface PatchComplianceProps {
  readonly ruleName: string;
  readonly instanceId: string;
  readonly topic: sns.ITopic;
  /** The topic's key, when the topic is made here (a topic brought in must let EventBridge publish itself). */
  readonly topicKey?: kms.IKey;
}

/**
 * A bastion that reports missing patches notifies the alarm topic. Patch Manager publishes no CloudWatch metric of
 * compliance, but it sends an EventBridge event when an instance's patch compliance changes ("Configuration Compliance
 * State Change", https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-systems-manager-event-examples.html):
 * the rule forwards the change to non-compliant, once per change rather than every scan.
 *
 * The topic's policy and key policy let EventBridge publish, without a condition: "You can't use Condition blocks in
 * Amazon SNS topic policies for EventBridge"
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions), and
 * "Adding the aws:SourceAccount, aws:SourceArn, and aws:SourceOrgID to a AWS KMS policy is not supported for
 * EventBridge-to-encrypted topics" (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html). EventBridge
 * delivers to SNS only from rules of the topic's own account and region. In a key policy, resource "*" means "this key".
 */
export function patchComplianceRule(scope: Construct, props: PatchComplianceProps): events.Rule {
  const rule = new events.Rule(scope, 'PatchComplianceRule', {
    ruleName: props.ruleName,
    description: 'The bastion reports missing patches (Patch Manager compliance changed to non-compliant)',
    eventPattern: {
      source: ['aws.ssm'],
      detailType: ['Configuration Compliance State Change'],
      detail: {
        'compliance-type': ['Patch'],
        'compliance-status': ['non_compliant'],
        'resource-id': [props.instanceId],
      },
    },
  });
  const message = events.RuleTargetInput.fromText(
    `Bastion ${events.EventField.fromPath('$.detail.resource-id')} is missing patches (severity ` +
    `${events.EventField.fromPath('$.detail.severity')}, patch baseline ${events.EventField.fromPath('$.detail.patch-baseline-id')}). ` +
    'Its maintenance window installs them; see Patch Manager\'s compliance report for the list.');
  // A target of its own rather than aws-cdk-lib's SnsTopic, whose grant adds unnamed statements: these are named.
  rule.addTarget({ bind: () => ({ arn: props.topic.topicArn, input: message }) });
  const eventBridge = new iam.ServicePrincipal('events.amazonaws.com');
  props.topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowEventBridgeRulesToPublish',
    principals: [eventBridge],
    actions: ['sns:Publish'],
    resources: [props.topic.topicArn],
  }));
  props.topicKey?.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowEventBridgeToUseTheKey',
    principals: [eventBridge],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
  }));
  return rule;
}

/** How often the rule fired: non-compliance reports, for the dashboard. */
export function patchComplianceMetric(rule: events.Rule): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/Events',
    metricName: 'TriggeredRules',
    dimensionsMap: { RuleName: rule.ruleName },
    statistic: cloudwatch.Stats.SUM,
    period: Duration.days(1),
    label: 'Reports of missing patches',
  });
}
