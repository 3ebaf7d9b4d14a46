import { CustomResource, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

export interface HandWrittenBastionOperationsProps {
  readonly project: string;
  readonly environment: string;
  readonly region: string;
  readonly bastion: ec2.Instance;
  readonly logsKey: kms.IKey;
}

/** Sunday 03:00 where the bench's regions are; UTC elsewhere. */
const TIMEZONES: Record<string, string> = {
  'eu-west-1': 'Europe/Dublin',
  'eu-central-1': 'Europe/Berlin',
  'us-east-1': 'America/New_York',
  'us-west-2': 'America/Los_Angeles',
};

const PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';

/** Creates Session Manager's preferences document, or updates it and makes the new version the default; keeps it on delete. */
const PREFERENCES_HANDLER = `import boto3
import cfnresponse

NAME = '${PREFERENCES_DOCUMENT}'


def handler(event, context):
    try:
        if event['RequestType'] != 'Delete':
            ssm = boto3.client('ssm')
            content = event['ResourceProperties']['Content']
            try:
                ssm.create_document(Name=NAME, Content=content, DocumentType='Session', DocumentFormat='JSON')
            except ssm.exceptions.DocumentAlreadyExists:
                try:
                    version = ssm.update_document(Name=NAME, Content=content, DocumentVersion='$LATEST',
                                                  DocumentFormat='JSON')['DocumentDescription']['DocumentVersion']
                    ssm.update_document_default_version(Name=NAME, DocumentVersion=version)
                except ssm.exceptions.DuplicateDocumentContent:
                    pass
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, NAME)
    except Exception as error:
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, NAME, reason=str(error)[:500])
`;

/**
 * The bastion's operations a team adds by hand: Patch Manager (a patch baseline for its patch group, a daily scan, a
 * weekly install in a maintenance window logging to an encrypted log group), and Session Manager's logging (the session
 * log group, and the account's preferences document held by an inline-code custom resource).
 */
export function addBastionOperations(scope: Construct, props: HandWrittenBastionOperationsProps): void {
  const { project, environment, bastion, logsKey } = props;
  const logGroup = (id: string, logGroupName: string) => new logs.LogGroup(scope, id, {
    logGroupName,
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: logsKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const writeStreams = ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'];

  // Patching.
  const patchGroup = `${project}-${environment}-bastion`;
  new ssm.CfnPatchBaseline(scope, 'BastionPatchBaseline', {
    name: patchGroup,
    operatingSystem: 'AMAZON_LINUX_2023',
    patchGroups: [patchGroup],
    approvalRules: {
      patchRules: [{
        approveAfterDays: 7,
        complianceLevel: 'HIGH',
        enableNonSecurity: false,
        patchFilterGroup: { patchFilters: [{ key: 'CLASSIFICATION', values: ['Security', 'Bugfix'] }] },
      }],
    },
  });
  Tags.of(bastion).add('PatchGroup', patchGroup);
  const patchLogGroup = logGroup('BastionPatchingLogGroup', `/${project}/${environment}/bastion-patching`);
  const instanceTarget = [{ key: 'InstanceIds', values: [bastion.instanceId] }];
  new ssm.CfnAssociation(scope, 'BastionPatchScan', {
    name: 'AWS-RunPatchBaseline',
    associationName: `${patchGroup}-scan`,
    scheduleExpression: 'rate(1 day)',
    targets: instanceTarget,
    parameters: { Operation: ['Scan'] },
    complianceSeverity: 'HIGH',
  });
  const window = new ssm.CfnMaintenanceWindow(scope, 'BastionPatchWindow', {
    name: `${patchGroup}-install`,
    schedule: 'cron(0 3 ? * SUN *)',
    scheduleTimezone: TIMEZONES[props.region] ?? 'UTC',
    duration: 3,
    cutoff: 1,
    allowUnassociatedTargets: false,
  });
  const windowTarget = new ssm.CfnMaintenanceWindowTarget(scope, 'BastionPatchWindowTarget', {
    windowId: window.ref,
    resourceType: 'INSTANCE',
    targets: instanceTarget,
  });
  new ssm.CfnMaintenanceWindowTask(scope, 'BastionPatchInstall', {
    windowId: window.ref,
    taskType: 'RUN_COMMAND',
    taskArn: 'AWS-RunPatchBaseline',
    priority: 1,
    maxConcurrency: '1',
    maxErrors: '1',
    targets: [{ key: 'WindowTargetIds', values: [windowTarget.ref] }],
    taskInvocationParameters: {
      maintenanceWindowRunCommandParameters: {
        parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
        cloudWatchOutputConfig: { cloudWatchLogGroupName: patchLogGroup.logGroupName, cloudWatchOutputEnabled: true },
      },
    },
  });
  bastion.addToRolePolicy(new iam.PolicyStatement({ actions: writeStreams, resources: [patchLogGroup.logGroupArn] }));

  // Session logging, and the preferences document that points Session Manager at it.
  const sessionLogGroupName = `/${project}/${environment}/bastion-sessions`;
  const sessionLogGroup = logGroup('BastionSessionLogGroup', sessionLogGroupName);
  const functionLogGroup = logGroup('SessionPreferencesLogGroup', `/${project}/${environment}/session-preferences`);
  const documentArn = Stack.of(scope).formatArn({ service: 'ssm', resource: 'document', resourceName: PREFERENCES_DOCUMENT });
  const role = new iam.Role(scope, 'SessionPreferencesRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    inlinePolicies: {
      SessionPreferences: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            actions: ['ssm:CreateDocument', 'ssm:UpdateDocument', 'ssm:DescribeDocument', 'ssm:GetDocument', 'ssm:UpdateDocumentDefaultVersion'],
            resources: [documentArn],
          }),
          new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [functionLogGroup.logGroupArn] }),
        ],
      }),
    },
  });
  const handler = new lambda.Function(scope, 'SessionPreferencesFunction', {
    runtime: lambda.Runtime.PYTHON_3_14,
    handler: 'index.handler',
    code: lambda.Code.fromInline(PREFERENCES_HANDLER),
    timeout: Duration.minutes(1),
    role,
    logGroup: functionLogGroup,
  });
  const preferences = new CustomResource(scope, 'SessionPreferences', {
    serviceToken: handler.functionArn,
    resourceType: 'Custom::SessionManagerPreferences',
    properties: {
      Content: JSON.stringify({
        schemaVersion: '1.0',
        description: `Session Manager preferences of ${project} ${environment}`,
        sessionType: 'Standard_Stream',
        inputs: {
          s3BucketName: '',
          s3KeyPrefix: '',
          s3EncryptionEnabled: true,
          cloudWatchLogGroupName: sessionLogGroupName,
          cloudWatchEncryptionEnabled: true,
          cloudWatchStreamingEnabled: true,
          kmsKeyId: '',
          runAsEnabled: false,
          runAsDefaultUser: '',
          idleSessionTimeout: '20',
          maxSessionDuration: '240',
          shellProfile: { windows: '', linux: '' },
        },
      }),
    },
  });
  preferences.node.addDependency(sessionLogGroup);
  bastion.addToRolePolicy(new iam.PolicyStatement({ actions: writeStreams, resources: [sessionLogGroup.logGroupArn] }));
  // Session Manager checks the log group's encryption before it starts a session; DescribeLogGroups only takes "*".
  bastion.addToRolePolicy(new iam.PolicyStatement({ actions: ['logs:DescribeLogGroups'], resources: ['*'] }));
}

export interface HandWrittenBastionMonitoringProps {
  readonly ruleName: string;
  readonly bastionInstanceId: string;
  readonly topic: sns.ITopic;
  readonly trailLogGroup: logs.ILogGroup;
}

/**
 * Reports of missing patches (Patch Manager's compliance change event) to the alarm topic, and a count of the tunnels
 * opened through Session Manager from the trail's log group: the two metrics for the dashboard.
 */
export function watchBastionOperations(scope: Construct, props: HandWrittenBastionMonitoringProps): cloudwatch.IMetric[] {
  const rule = new events.Rule(scope, 'BastionMissingPatchesRule', {
    ruleName: props.ruleName,
    eventPattern: {
      source: ['aws.ssm'],
      detailType: ['Configuration Compliance State Change'],
      detail: { 'compliance-type': ['Patch'], 'compliance-status': ['non_compliant'], 'resource-id': [props.bastionInstanceId] },
    },
  });
  // The target lets EventBridge publish to the topic and use its key.
  rule.addTarget(new targets.SnsTopic(props.topic, {
    message: events.RuleTargetInput.fromText(`Bastion ${events.EventField.fromPath('$.detail.resource-id')} is missing patches ` +
      `(severity ${events.EventField.fromPath('$.detail.severity')}).`),
  }));

  const documents = ['AWS-StartPortForwardingSession', 'AWS-StartPortForwardingSessionToRemoteHost', 'AWS-StartSSHSession'];
  const tunnels = new logs.MetricFilter(scope, 'BastionTunnelSessionsFilter', {
    logGroup: props.trailLogGroup,
    filterPattern: logs.FilterPattern.literal('{ ($.eventSource = "ssm.amazonaws.com") && ($.eventName = "StartSession") && ('
      + documents.map((name) => `($.requestParameters.documentName = "${name}")`).join(' || ') + ') }'),
    metricNamespace: 'BastionOperations',
    metricName: 'BastionTunnelSessions',
    metricValue: '1',
  });
  return [
    new cloudwatch.Metric({
      namespace: 'AWS/Events',
      metricName: 'TriggeredRules',
      dimensionsMap: { RuleName: rule.ruleName },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.days(1),
      label: 'Reports of missing patches',
    }),
    tunnels.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.hours(1), label: 'Tunnels opened' }),
  ];
}
