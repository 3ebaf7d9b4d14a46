import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { watchBastionOperations } from './bastion-operations';

export interface HandWrittenMonitoringProps {
  readonly project: string;
  readonly environment: string;
  readonly region: string;
  /** Zone name and gateway ID of each NAT gateway. */
  readonly natGateways: Array<{ readonly label: string; readonly id: string }>;
  /** Short name, service name and endpoint of each interface endpoint. */
  readonly endpoints: Array<{ readonly label: string; readonly serviceName: string; readonly endpointId: string }>;
  readonly vpcId: string;
  readonly fileSystemId: string;
  readonly bastionInstanceId: string;
  readonly trailLogGroup: logs.ILogGroup;
}

/** The CIS AWS Foundations monitoring filters, patterns as Security Hub's CloudWatch.1-14 (and CIS 4.15) publish them. */
const CIS_PATTERNS: Record<string, string> = {
  RootUserUsage: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
  UnauthorizedApiCalls: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
  ConsoleSignInWithoutMfa: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && '
    + '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  IamPolicyChanges: anyEvent('DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy',
    'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy',
    'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy'),
  CloudTrailConfigurationChanges: anyEvent('CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'),
  ConsoleAuthenticationFailures: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
  DisableOrDeleteCmk: '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}',
  S3BucketPolicyChanges: fromSource('s3', 'PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle',
    'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication'),
  AwsConfigChanges: fromSource('config', 'StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel',
    'PutConfigurationRecorder'),
  SecurityGroupChanges: anyEvent('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress',
    'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'),
  NetworkAclChanges: anyEvent('CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry',
    'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'),
  NetworkGatewayChanges: anyEvent('CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway',
    'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway'),
  RouteTableChanges: anyEvent('CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation',
    'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable'),
  VpcChanges: anyEvent('CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection',
    'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc',
    'DisableVpcClassicLink', 'EnableVpcClassicLink'),
  OrganizationsChanges: fromSource('organizations', 'AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit',
    'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy',
    'DisablePolicyType', 'EnablePolicyType', 'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount',
    'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit'),
};

function anyEvent(...names: string[]): string {
  return `{${names.map((name) => `($.eventName=${name})`).join(' || ')}}`;
}

function fromSource(service: string, ...names: string[]): string {
  return `{($.eventSource=${service}.amazonaws.com) && (${names.map((name) => `($.eventName=${name})`).join(' || ')})}`;
}

/**
 * The monitoring a team adds by hand: an encrypted alarm topic, the CIS filters and alarms on the trail's log group,
 * alarms on the NAT gateways, EFS, the bastion, the interface endpoints and the trail's delivery, the bastion's reports
 * of missing patches and its tunnels (hand-written/bastion-operations.ts), and a dashboard.
 */
export function addMonitoring(scope: Construct, props: HandWrittenMonitoringProps): void {
  const root = new Construct(scope, 'Monitoring');
  const name = (suffix: string) => `${props.project}-${props.environment}-${suffix}`;
  const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');

  const topicKey = new kms.Key(root, 'AlarmTopicKey', {
    alias: `alias/${props.project}/${props.environment}/alarms`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  topicKey.grant(cloudWatch, 'kms:Decrypt', 'kms:GenerateDataKey*');
  const topic = new sns.Topic(root, 'AlarmTopic', { topicName: name('alarms'), masterKey: topicKey, enforceSSL: true });
  topic.addToResourcePolicy(new iam.PolicyStatement({
    principals: [cloudWatch],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
  }));
  const notify = new cwActions.SnsAction(topic);

  const alarms: cloudwatch.Alarm[] = [];
  const alarm = (id: string, alarmName: string, alarmProps: Omit<cloudwatch.AlarmProps, 'alarmName'>, notifyOnOk = true) => {
    const a = new cloudwatch.Alarm(root, id, {
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...alarmProps,
      alarmName: name(alarmName),
    });
    a.addAlarmAction(notify);
    if (notifyOnOk) a.addOkAction(notify);
    alarms.push(a);
  };

  for (const [id, pattern] of Object.entries(CIS_PATTERNS)) {
    const filter = new logs.MetricFilter(root, `${id}Filter`, {
      logGroup: props.trailLogGroup,
      filterPattern: logs.FilterPattern.literal(pattern),
      metricNamespace: 'LogMetrics',
      metricName: id,
      metricValue: '1',
    });
    alarm(`${id}Alarm`, `cis-${id}`, {
      metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    }, false);
  }

  const minute = Duration.minutes(1);
  const nat = (id: string, metricName: string, period = minute) =>
    new cloudwatch.Metric({ namespace: 'AWS/NATGateway', metricName, dimensionsMap: { NatGatewayId: id }, statistic: 'Sum', period });
  for (const { label, id } of props.natGateways) {
    alarm(`Nat${label}PortAllocationErrors`, `nat-${label}-port-allocation-errors`, {
      metric: nat(id, 'ErrorPortAllocation'),
      threshold: 1,
      evaluationPeriods: 5,
      datapointsToAlarm: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm(`Nat${label}PacketDrops`, `nat-${label}-packet-drops`, {
      metric: new cloudwatch.MathExpression({
        expression: '100 * FILL(drops, 0) / (fromSource + fromDestination)',
        usingMetrics: { drops: nat(id, 'PacketsDropCount'), fromSource: nat(id, 'PacketsInFromSource'), fromDestination: nat(id, 'PacketsInFromDestination') },
        period: minute,
      }),
      threshold: 0.01,
      evaluationPeriods: 5,
      datapointsToAlarm: 1,
    });
  }

  const efsMetric = (metricName: string, statistic: string, period = minute) =>
    new cloudwatch.Metric({ namespace: 'AWS/EFS', metricName, dimensionsMap: { FileSystemId: props.fileSystemId }, statistic, period });
  alarm('EfsBurstCreditBalance', 'efs-burst-credit-balance', {
    metric: efsMetric('BurstCreditBalance', 'Average'),
    threshold: 0,
    evaluationPeriods: 15,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
  });
  alarm('EfsPercentIoLimit', 'efs-percent-io-limit', {
    metric: efsMetric('PercentIOLimit', 'Average'),
    threshold: 100,
    evaluationPeriods: 15,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  });

  const instanceMetric = (metricName: string, period: Duration) => new cloudwatch.Metric({
    namespace: 'AWS/EC2', metricName, dimensionsMap: { InstanceId: props.bastionInstanceId }, statistic: 'Maximum', period,
  });
  alarm('BastionStatusCheckFailed', 'bastion-status-check-failed', {
    metric: instanceMetric('StatusCheckFailed', Duration.minutes(5)),
    threshold: 1,
    evaluationPeriods: 2,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  });

  const endpointMetric = (e: HandWrittenMonitoringProps['endpoints'][number], metricName: string, period: Duration) => new cloudwatch.Metric({
    namespace: 'AWS/PrivateLinkEndpoints',
    metricName,
    dimensionsMap: { 'Endpoint Type': 'Interface', 'Service Name': e.serviceName, 'VPC Endpoint Id': e.endpointId, 'VPC Id': props.vpcId },
    statistic: 'Sum',
    period,
  });
  for (const endpoint of props.endpoints) {
    alarm(`Endpoint${endpoint.label}PacketsDropped`, `endpoint-${endpoint.label}-packets-dropped`, {
      metric: endpointMetric(endpoint, 'PacketsDropped', Duration.minutes(10)),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }

  alarm('TrailDelivery', 'trail-delivery-stopped', {
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Logs',
      metricName: 'IncomingLogEvents',
      dimensionsMap: { LogGroupName: props.trailLogGroup.logGroupName },
      statistic: 'Sum',
      period: Duration.hours(1),
    }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
  });

  const bastionOperations = watchBastionOperations(root, {
    ruleName: name('bastion-missing-patches'),
    bastionInstanceId: props.bastionInstanceId,
    topic,
    trailLogGroup: props.trailLogGroup,
  });

  // The dashboard: alarm states, NAT traffic and errors, endpoints, EFS and the bastion (status, patches, tunnels).
  const fiveMinutes = Duration.minutes(5);
  const graph = (title: string, width: number, left: cloudwatch.IMetric[]) => new cloudwatch.GraphWidget({ title, width, height: 6, left });
  const dashboard = new cloudwatch.Dashboard(root, 'Dashboard', {
    dashboardName: name(`${props.region}-baseline`),
    defaultInterval: Duration.days(1),
  });
  dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 9 }));
  dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: '**NAT gateways charge per GB processed**: the bytes below are the bill.', width: 24, height: 2 }));
  dashboard.addWidgets(graph('NAT bytes', 24, props.natGateways.flatMap(({ label, id }) =>
    ['BytesOutToDestination', 'BytesInFromDestination'].map((metricName) => nat(id, metricName, fiveMinutes).with({ label: `${label} ${metricName}` })))));
  dashboard.addWidgets(
    graph('NAT port allocation errors', 12, props.natGateways.map(({ label, id }) => nat(id, 'ErrorPortAllocation', fiveMinutes).with({ label }))),
    graph('NAT dropped packets', 12, props.natGateways.map(({ label, id }) => nat(id, 'PacketsDropCount', fiveMinutes).with({ label }))),
  );
  dashboard.addWidgets(
    graph('Endpoint bytes processed', 12, props.endpoints.map((e) => endpointMetric(e, 'BytesProcessed', fiveMinutes).with({ label: e.label }))),
    graph('Endpoint packets dropped', 12, props.endpoints.map((e) => endpointMetric(e, 'PacketsDropped', fiveMinutes).with({ label: e.label }))),
  );
  dashboard.addWidgets(
    graph('EFS metered I/O bytes', 12, [efsMetric('MeteredIOBytes', 'Sum', fiveMinutes)]),
    graph('EFS burst credit balance', 12, [efsMetric('BurstCreditBalance', 'Minimum', fiveMinutes)]),
  );
  dashboard.addWidgets(graph('Bastion status checks', 24,
    ['StatusCheckFailed_System', 'StatusCheckFailed_Instance'].map((metricName) => instanceMetric(metricName, fiveMinutes))));
  dashboard.addWidgets(graph('Bastion: reports of missing patches (per day), tunnels opened (per hour)', 24, bastionOperations));
}
