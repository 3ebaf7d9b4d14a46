import { Aws, CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SESSION_PREFERENCES_DOCUMENT, SessionLoggingConfig } from './bastion-operations-config';
import { SessionPreferencesDecision } from './session-preferences';
import { SESSION_PREFERENCES_HANDLER } from './session-preferences-function';
import { logGroupArnOf } from '../private/arns';
import { acceptFinding, inEveryPack } from '../private/compliance';

export interface SessionLoggingProps {
  readonly config: SessionLoggingConfig;
  readonly decision: SessionPreferencesDecision;
  readonly role: iam.IRole;
  readonly key: kms.IKey;
  readonly description: string;
}

/**
 * Session Manager's logging: the session log group (encrypted with the logs key, retained), the account and region's
 * preferences document where this baseline holds it, and what the bastion's role needs to stream its sessions there
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-iam-instance-profile.html).
 */
export class SessionLogging extends Construct {
  public readonly logGroup?: logs.LogGroup;
  /** The custom resource that holds the account and region's preferences, where this baseline holds them. */
  public readonly preferences?: CustomResource;

  constructor(scope: Construct, id: string, { config, decision, role, key, description }: SessionLoggingProps) {
    super(scope, id);
    // Where another baseline of the account and region holds the preferences, sessions go to its log group.
    const holder = decision.holder;
    if (holder === undefined) {
      this.logGroup = new logs.LogGroup(this, 'LogGroup', {
        logGroupName: config.logGroupName,
        retention: config.retention,
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }
    if (decision.here) {
      const functionLogGroup = new logs.LogGroup(this, 'PreferencesLogGroup', {
        logGroupName: config.preferencesLogGroupName,
        retention: config.retention,
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      this.preferences = holdPreferences(this, Stack.of(this).toJsonString(preferencesContent(config, key, description)), functionLogGroup);
      this.preferences.node.addDependency(this.logGroup!);
    }

    // The log group's streams, named per session (its ARN ends in :*); the holder's group is in another stack: by name.
    const holderGroupArn = holder && `${logGroupArnOf(holder.logGroupName)}:*`;
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'StreamSessionOutput',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      resources: [holderGroupArn ?? this.logGroup!.logGroupArn],
    }));
    if (holder) {
      acceptFinding(role, [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:${holder.logGroupName}:*]`],
        'Session Manager names a log stream per session: the bastion may write the streams of the one session log group.');
    }
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'CheckSessionLogGroupEncryption',
      actions: ['logs:DescribeLogGroups'],
      // logs:DescribeLogGroups has no resource type: AWS only grants it on "*" (it lists names and settings, no log data).
      resources: ['*'],
    }));
    const encrypted = holder ? holder.encryptSessionData : config.encryptSessionData;
    if (encrypted && holder === undefined) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'DecryptSessionData', actions: ['kms:Decrypt'], resources: [key.keyArn] }));
    } else if (encrypted && holder?.keyAlias !== undefined) {
      // The holder's key is in another stack: named by its alias, not by a cross-stack reference.
      role.addToPrincipalPolicy(new iam.PolicyStatement({
        sid: 'DecryptSessionData',
        actions: ['kms:Decrypt'],
        resources: [`arn:${Aws.PARTITION}:kms:${Aws.REGION}:${Aws.ACCOUNT_ID}:key/*`],
        conditions: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': holder.keyAlias } },
      }));
    }
  }
}

/** The custom resource (and its inline function) that creates or updates the preferences document. */
function holdPreferences(scope: Construct, content: string, logGroup: logs.ILogGroup): CustomResource {
  const documentArn = `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${Aws.ACCOUNT_ID}:document/${SESSION_PREFERENCES_DOCUMENT}`;
  // The policy inside the role: it exists as soon as the role does, which the function's GetAtt of the role waits for.
  const role = new iam.Role(scope, 'PreferencesRole', {
    description: `Creates or updates ${SESSION_PREFERENCES_DOCUMENT} (Session Manager preferences)`,
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    inlinePolicies: {
      SessionPreferences: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            sid: 'HoldSessionPreferences',
            actions: ['ssm:CreateDocument', 'ssm:UpdateDocument', 'ssm:DescribeDocument', 'ssm:GetDocument', 'ssm:UpdateDocumentDefaultVersion'],
            resources: [documentArn],
          }),
          new iam.PolicyStatement({
            sid: 'WriteItsLogs',
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            // The log group's ARN ends in :*, which covers its streams.
            resources: [logGroup.logGroupArn],
          }),
        ],
      }),
    },
  });
  const handler = new lambda.Function(scope, 'PreferencesFunction', {
    description: `Creates or updates ${SESSION_PREFERENCES_DOCUMENT}, and makes the new version the default`,
    runtime: lambda.Runtime.PYTHON_3_14,
    handler: 'index.handler',
    code: lambda.Code.fromInline(SESSION_PREFERENCES_HANDLER),
    timeout: Duration.minutes(1),
    role,
    logGroup,
  });
  // aws-cdk-lib makes a function depend on its role construct; with the policy inside the role, the GetAtt says it all
  // (cfn-lint W3005 reports the repeated dependency).
  (handler.node.defaultChild as lambda.CfnFunction).addDeletionOverride('DependsOn');
  acceptFinding(role, inEveryPack('IAMNoInlinePolicy'), 'The preferences function writes only to its own log group and reads ' +
    `and writes only the ${SESSION_PREFERENCES_DOCUMENT} document of this account and region.`);
  acceptFinding(handler, ['AwsSolutions-L1'], 'python3.14, pinned: the template stays the same across aws-cdk-lib releases, and ' +
    'a runtime newer than the regions offer would fail the deploy; the handler makes four Systems Manager calls with boto3.');
  acceptFinding(handler, [
    ...inEveryPack('LambdaInsideVPC'),
    ...inEveryPack('LambdaConcurrency', ['NIST.800.53.R5', 'HIPAA.Security']),
    ...inEveryPack('LambdaDLQ', ['NIST.800.53.R5', 'HIPAA.Security']),
  ], 'CloudFormation invokes the preferences function synchronously, only while the stack deploys, and fails the ' +
    'deployment if it fails (no queue or concurrency limit has anything to hold); it calls only the Systems Manager API, ' +
    'from outside the VPC, which may have no route to it.');
  return new CustomResource(scope, 'Preferences', {
    serviceToken: handler.functionArn,
    resourceType: 'Custom::SessionManagerPreferences',
    properties: { Content: content },
  });
}

/** The preferences document's content (Session Manager's schema 1.0, sessionType Standard_Stream). */
function preferencesContent(config: SessionLoggingConfig, key: kms.IKey, description: string): object {
  return {
    schemaVersion: '1.0',
    description,
    sessionType: 'Standard_Stream',
    inputs: {
      s3BucketName: '',
      s3KeyPrefix: '',
      s3EncryptionEnabled: true,
      cloudWatchLogGroupName: config.logGroupName,
      // Sessions start only when the log group is encrypted, and their output is streamed as it happens.
      cloudWatchEncryptionEnabled: true,
      cloudWatchStreamingEnabled: true,
      kmsKeyId: config.encryptSessionData ? key.keyId : '',
      runAsEnabled: config.runAsUser !== undefined,
      runAsDefaultUser: config.runAsUser ?? '',
      idleSessionTimeout: `${config.idleTimeout.toMinutes()}`,
      maxSessionDuration: `${config.maxSessionDuration.toMinutes()}`,
      shellProfile: { windows: '', linux: '' },
    },
  };
}
