import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { trailArnOf } from '../private/arns';
import { acceptFinding, INLINE_POLICY_REASON, inEveryPack } from '../private/compliance';
import { BaselineConfig } from '../private/config';
import { ACCESS_LOG_EXPIRY_DAYS } from '../private/defaults';

export interface AuditTrailProps {
  readonly config: BaselineConfig['logging']['cloudTrail'];
  readonly key: kms.IKey;
}

/** Where the trail bucket's server access logs go inside the access-log bucket. */
const ACCESS_LOG_PREFIX = 'trail-bucket/';

/**
 * A multi-region CloudTrail trail with log file validation, KMS-encrypted, in a hardened, retained bucket whose own
 * access is logged to a second bucket. Every grant to CloudTrail names this trail (`aws:SourceArn`), as AWS documents
 * against the confused deputy (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html).
 *
 * Written with the L1 `CfnTrail`: aws-cdk-lib's `Trail` adds its own bucket statements without those conditions,
 * and a `DependsOn` on its delivery role that the role's `Fn::GetAtt` already implies (cfn-lint W3005).
 */
export class AuditTrail extends Construct {
  public readonly trail: cloudtrail.CfnTrail;
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;
  public readonly logGroup?: logs.LogGroup;

  constructor(scope: Construct, id: string, { config, key }: AuditTrailProps) {
    super(scope, id);
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      ...HARDENED_BUCKET,
      // S3 server access logs can only be delivered to a bucket with S3-managed encryption.
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [
        { expiration: Duration.days(ACCESS_LOG_EXPIRY_DAYS), noncurrentVersionExpiration: Duration.days(30) },
      ],
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...HARDENED_BUCKET,
      // CloudTrail encrypts each log file with the logs key itself; the bucket default covers the rest.
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [
        {
          transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: config.transitionToGlacierAfter }],
          expiration: config.expireAfter,
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });
    enableServerAccessLogs(this.bucket, this.accessLogsBucket);
    acceptFinding(this.accessLogsBucket, inEveryPack('S3DefaultEncryptionKMS'),
      'S3 server access logs can only be delivered to a bucket encrypted with S3-managed keys (SSE-S3).');
    acceptFinding(this.bucket, inEveryPack('S3DefaultEncryptionKMS'),
      'CloudTrail encrypts every log file itself with the customer-managed logs key (the trail\'s KMSKeyId); the ' +
        'bucket default applies only to what CloudTrail writes unencrypted, such as digest files, which it signs.');
    for (const bucket of [this.bucket, this.accessLogsBucket]) {
      acceptFinding(bucket, inEveryPack('S3BucketReplicationEnabled'),
        'Copying audit logs to another region or account is the organisation\'s log-archive design, not a per-account ' +
          'baseline\'s; the bucket is versioned and retained, and the trail validates log file integrity.');
    }

    const trailArn = trailArnOf(config.trailName);
    const cloudTrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudTrailAclCheck',
      principals: [cloudTrail],
      actions: ['s3:GetBucketAcl'],
      resources: [this.bucket.bucketArn],
      conditions: { StringEquals: { 'aws:SourceArn': trailArn } },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudTrailWrite',
      principals: [cloudTrail],
      actions: ['s3:PutObject'],
      resources: [this.bucket.arnForObjects(`AWSLogs/${Aws.ACCOUNT_ID}/*`)],
      conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
    }));

    // The L2's path (Trail/Resource, Trail/LogsRole), so that logical IDs stay what they were.
    const trailScope = new Construct(this, 'Trail');
    let logsRole: iam.Role | undefined;
    if (config.sendToCloudWatchLogs) {
      this.logGroup = new logs.LogGroup(this, 'LogGroup', {
        logGroupName: config.logGroupName,
        retention: config.cloudWatchLogsRetention,
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      logsRole = new iam.Role(trailScope, 'LogsRole', {
        description: 'Delivers the CloudTrail trail to CloudWatch Logs',
        // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html
        assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': trailArn } },
        }),
      });
      logsRole.addToPrincipalPolicy(new iam.PolicyStatement({
        actions: ['logs:PutLogEvents', 'logs:CreateLogStream'],
        resources: [this.logGroup.logGroupArn],
      }));
      acceptFinding(logsRole, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);
    }

    this.trail = new cloudtrail.CfnTrail(trailScope, 'Resource', {
      trailName: config.trailName,
      isLogging: true,
      s3BucketName: this.bucket.bucketName,
      kmsKeyId: key.keyArn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      eventSelectors: [{ includeManagementEvents: true, readWriteType: 'All' }],
      cloudWatchLogsLogGroupArn: this.logGroup?.logGroupArn,
      cloudWatchLogsRoleArn: logsRole?.roleArn,
    });
    // CloudTrail checks the bucket policy, and the role's permissions, when the trail is created.
    this.trail.node.addDependency(this.bucket.policy!);
    const logsPolicy = logsRole?.node.tryFindChild('DefaultPolicy');
    if (logsPolicy) {
      this.trail.node.addDependency(logsPolicy);
    }
  }
}

/** Settings every bucket of the baseline shares: private, TLS only, versioned, ACLs off, retained. */
const HARDENED_BUCKET: s3.BucketProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  versioned: true,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  // Audit records must survive the stack.
  removalPolicy: RemovalPolicy.RETAIN,
};

/**
 * Server access logging through a bucket policy for the logging service, set here rather than through
 * `serverAccessLogsBucket`, whose choice between a policy and an ACL depends on the consumer's feature flags.
 */
function enableServerAccessLogs(bucket: s3.Bucket, target: s3.Bucket): void {
  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  cfnBucket.loggingConfiguration = { destinationBucketName: target.bucketName, logFilePrefix: ACCESS_LOG_PREFIX };
  target.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowServerAccessLogsOfTheTrailBucket',
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [target.arnForObjects(`${ACCESS_LOG_PREFIX}*`)],
      conditions: {
        ArnLike: { 'aws:SourceArn': bucket.bucketArn },
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      },
    }),
  );
}
