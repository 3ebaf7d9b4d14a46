import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { EncryptionProps } from './encryption-props';
import { logGroupArnOf, trailArnOf } from '../private/arns';

export interface KeysProps {
  readonly project: string;
  readonly environment: string;
  readonly rotationPeriod: Duration;
  readonly byo: EncryptionProps;
  readonly fileSystemEnabled: boolean;
  /** The log groups that use the logs key (their names are fixed, so their ARNs are known before they exist). */
  readonly logGroupNames: string[];
  /** Every log group of the account and region may use the logs key instead (an option for application repos). */
  readonly logsKeyForAllLogGroups: boolean;
  /** The trail that encrypts its log files with the logs key, when there is one. */
  readonly trailName?: string;
  /** VPC flow logs are delivered to an S3 bucket encrypted with the logs key. */
  readonly flowLogsToS3: boolean;
}

/**
 * The three customer-managed keys: rotating, retained, aliased `alias/<project>/<environment>/<purpose>`.
 * Keys brought in by the user are used as they are.
 */
export class Keys extends Construct {
  public readonly eksSecrets: kms.IKey;
  public readonly fileSystem?: kms.IKey;
  public readonly logs: kms.IKey;
  /** The logs key's alias, when the baseline made the key (a key brought in has whatever alias its owner gave it). */
  public readonly logsAlias?: string;

  constructor(scope: Construct, id: string, private readonly props: KeysProps) {
    super(scope, id);
    this.eksSecrets = props.byo.eksSecretsKey ?? this.createKey('EksSecretsKey', 'eks-secrets', 'EKS secrets envelope encryption');
    if (props.fileSystemEnabled) {
      this.fileSystem = props.byo.fileSystemKey ?? this.createKey('FileSystemKey', 'efs', 'EFS file system encryption at rest');
    }
    if (props.byo.logsKey) {
      this.logs = props.byo.logsKey;
    } else {
      const logsKey = this.createKey('LogsKey', 'logs', 'VPC flow logs and CloudTrail encryption');
      this.logsAlias = `alias/${props.project}/${props.environment}/logs`;
      if (props.logsKeyForAllLogGroups || props.logGroupNames.length > 0) {
        allowCloudWatchLogs(logsKey, props.logsKeyForAllLogGroups ? ['*'] : props.logGroupNames);
      }
      if (props.flowLogsToS3) {
        allowLogDelivery(logsKey);
      }
      if (props.trailName !== undefined) {
        allowCloudTrail(logsKey, props.trailName);
      }
      this.logs = logsKey;
    }
  }

  private createKey(id: string, purpose: string, use: string): kms.Key {
    return new kms.Key(this, id, {
      description: `${this.props.project} ${this.props.environment}: ${use}`,
      alias: `alias/${this.props.project}/${this.props.environment}/${purpose}`,
      enableKeyRotation: true,
      rotationPeriod: this.props.rotationPeriod,
      // A deleted key makes everything encrypted with it unreadable: keys outlive the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * CloudWatch Logs encrypts and decrypts these log groups with the key, and no other
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html). In a key policy, resource `*`
 * means "this key".
 */
function allowCloudWatchLogs(key: kms.Key, logGroupNames: string[]): void {
  const arns = logGroupNames.map(logGroupArnOf);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: logGroupNames.includes('*') ? 'AllowCloudWatchLogsOfThisAccount' : 'AllowCloudWatchLogsOfTheBaselineLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      // AWS's statement also lists kms:Describe*, under the same condition: DescribeKey carries no encryption context,
      // so that grant could never apply; the cryptographic operations are what CloudWatch Logs asks for.
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': arns.length === 1 ? arns[0] : arns } },
    }),
  );
}

/**
 * CloudTrail encrypts the log files of this one trail, as the key policy of
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html does it
 * (encryption context of a trail of this account, `aws:SourceArn` of the trail). In a key policy, resource `*`
 * means "this key".
 */
function allowCloudTrail(key: kms.Key, trailName: string): void {
  const fromTheTrail = { 'aws:SourceArn': trailArnOf(trailName), 'aws:SourceAccount': Aws.ACCOUNT_ID };
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudTrailToEncryptLogsOfThisAccount',
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: fromTheTrail,
        StringLike: {
          'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${Aws.PARTITION}:cloudtrail:*:${Aws.ACCOUNT_ID}:trail/*`,
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudTrailToDescribeKey',
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
      conditions: { StringEquals: fromTheTrail },
    }),
  );
}

/**
 * The log delivery service writes the flow logs into a bucket encrypted with the key: the key policy of
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-permissions.html, for deliveries of this account and
 * region only. In a key policy, resource `*` means "this key".
 */
function allowLogDelivery(key: kms.Key): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowFlowLogDeliveryToS3',
      principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
      },
    }),
  );
}
