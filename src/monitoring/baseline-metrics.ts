import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { MonitoredEndpoint, MonitoredFileSystem, MonitoredNatGateway } from './monitored-resources';

/**
 * The metrics the alarms and the dashboard share, one place for their namespaces and dimensions (exactly as each
 * service's metrics page spells them). No labels: a labelled metric makes an alarm a metric-math one; the dashboard
 * adds its own.
 */

/** https://docs.aws.amazon.com/vpc/latest/userguide/metrics-dimensions-nat-gateway.html: dimension `NatGatewayId`. */
export function natMetric(nat: MonitoredNatGateway, metricName: string, statistic: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/NATGateway',
    metricName,
    dimensionsMap: { NatGatewayId: nat.natGatewayId },
    statistic,
    period,
  });
}

/**
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-cloudwatch-metrics.html: the dimension set
 * `Endpoint Type, Service Name, VPC Endpoint Id, VPC Id` (names with spaces), which sums over the endpoint's subnets.
 */
export function endpointMetric(endpoint: MonitoredEndpoint, metricName: string, statistic: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/PrivateLinkEndpoints',
    metricName,
    dimensionsMap: {
      'Endpoint Type': 'Interface',
      'Service Name': endpoint.serviceName,
      'VPC Endpoint Id': endpoint.vpcEndpointId,
      'VPC Id': endpoint.vpcId,
    },
    statistic,
    period,
  });
}

/** https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html: dimension `FileSystemId`. */
export function efsMetric(fileSystem: MonitoredFileSystem, metricName: string, statistic: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/EFS',
    metricName,
    dimensionsMap: { FileSystemId: fileSystem.fileSystemId },
    statistic,
    period,
  });
}

/** https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/viewing_metrics_with_cloudwatch.html: dimension `InstanceId`. */
export function instanceMetric(instanceId: string, metricName: string, statistic: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: 'AWS/EC2', metricName, dimensionsMap: { InstanceId: instanceId }, statistic, period });
}

/** https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatch-Logs-Monitoring-CloudWatch-Metrics.html. */
export function logGroupMetric(logGroupName: string, metricName: string, statistic: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: 'AWS/Logs', metricName, dimensionsMap: { LogGroupName: logGroupName }, statistic, period });
}
