import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';

/**
 * What other areas will add to a baseline, built by hand with aws-cdk-lib: a regional NAT gateway (no public subnet
 * holds it), a network ACL on the private tier, an extra interface endpoint, and a monitoring area (an alarm topic,
 * alarms notifying it, a metric filter, a dashboard).
 */
export function regionalMonitoringStack(): Stack {
  const stack = new Stack(new App(), 'regional-monitoring', { env: { region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    natGatewayProvider: ec2.NatProvider.regionalGateway(),
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
    ],
  });
  new ec2.NetworkAcl(stack, 'PrivateAcl', { vpc, subnetSelection: { subnetGroupName: 'Private' } });
  vpc.addInterfaceEndpoint('EcrApi', { service: ec2.InterfaceVpcEndpointAwsService.ECR });
  const topic = new sns.Topic(stack, 'AlarmTopic', { topicName: 'baseline-alarms' });
  const group = new logs.LogGroup(stack, 'Trail', { retention: logs.RetentionDays.ONE_YEAR });
  const filter = new logs.MetricFilter(stack, 'RootUsage', {
    logGroup: group,
    filterPattern: logs.FilterPattern.literal('{ $.userIdentity.type = "Root" }'),
    metricNamespace: 'Baseline',
    metricName: 'RootUsage',
  });
  for (const name of ['RootUsageAlarm', 'NatErrorsAlarm']) {
    const alarm = filter.metric({ period: Duration.minutes(5) }).createAlarm(stack, name, { threshold: 1, evaluationPeriods: 1 });
    alarm.addAlarmAction(new cwActions.SnsAction(topic));
  }
  new cloudwatch.Dashboard(stack, 'Dashboard');
  return stack;
}
