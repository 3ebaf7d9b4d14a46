import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
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
 * A multi-region CloudTrail trail with log file validation, KMS-encrypted, in a hardened, retained bucket
 * whose own access is logged to a second bucket.
 */
export class AuditTrail extends Construct {
  public readonly trail: cloudtrail.Trail;
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

    if (config.sendToCloudWatchLogs) {
      this.logGroup = new logs.LogGroup(this, 'LogGroup', {
        retention: config.cloudWatchLogsRetention,
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      bucket: this.bucket,
      encryptionKey: key,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
      sendToCloudWatchLogs: config.sendToCloudWatchLogs,
      cloudWatchLogGroup: this.logGroup,
    });
    acceptFinding(this.trail, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);
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
