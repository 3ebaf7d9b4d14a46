import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { EncryptionProps } from './encryption-props';

export interface KeysProps {
  readonly project: string;
  readonly environment: string;
  readonly rotationPeriod: Duration;
  readonly byo: EncryptionProps;
  readonly fileSystemEnabled: boolean;
  readonly cloudTrailEnabled: boolean;
}

/**
 * The three customer-managed keys: rotating, retained, aliased `alias/<project>/<environment>/<purpose>`.
 * Keys brought in by the user are used as they are.
 */
export class Keys extends Construct {
  public readonly eksSecrets: kms.IKey;
  public readonly fileSystem?: kms.IKey;
  public readonly logs: kms.IKey;

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
      allowCloudWatchLogs(logsKey);
      if (props.cloudTrailEnabled) {
        allowCloudTrail(logsKey);
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
 * CloudWatch Logs encrypts log groups with the key, but only log groups of this account and region.
 * In a key policy, resource `*` means "this key".
 */
function allowCloudWatchLogs(key: kms.Key): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsOfThisAccount',
      principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      actions: ['kms:Decrypt*', 'kms:Describe*', 'kms:Encrypt*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
        },
      },
    }),
  );
}

/**
 * CloudTrail encrypts log files for trails of this account only (the trail's ARN cannot be named here: the trail
 * depends on the key). In a key policy, resource `*` means "this key".
 */
function allowCloudTrail(key: kms.Key): void {
  const sourceAccount = { 'aws:SourceAccount': Aws.ACCOUNT_ID };
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudTrailToEncryptLogsOfThisAccount',
      principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: sourceAccount,
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
      conditions: { StringEquals: sourceAccount },
    }),
  );
}
