import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { CloudTrailConfig, FlowLogsConfig } from './logging-config';
import { trailArnOf } from '../private/arns';
import { acceptFinding, INLINE_POLICY_REASON, inEveryPack } from '../private/compliance';
import { ACCESS_LOG_EXPIRY_DAYS } from '../private/defaults';

export interface AuditTrailProps {
  readonly config: CloudTrailConfig;
  /** Whether this baseline holds its account's trail (see account-trail.ts); false when disabled. */
  readonly trailHere: boolean;
  /** Flow logs to S3: their bucket is made here too, beside the trail's, and logs its access to the same place. */
  readonly flowLogs: FlowLogsConfig;
  readonly key: kms.IKey;
}

/** Where each bucket's server access logs go inside the access-log bucket. */
const ACCESS_LOG_PREFIX = 'trail-bucket/';
const FLOW_LOG_ACCESS_LOG_PREFIX = 'flow-log-bucket/';

/**
 * The baseline's log buckets and its trail: a multi-region CloudTrail trail with log file validation, KMS-encrypted,
 * in a hardened, retained bucket; the S3 destination of the flow logs when they go there; and a second bucket where
 * both log their own access. Every bucket and key grant to CloudTrail names this trail (`aws:SourceArn`), as AWS
 * documents against the confused deputy (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html);
 * its CloudWatch Logs role cannot (CloudTrail sends no source keys when it assumes it).
 *
 * Written with the L1 `CfnTrail`: aws-cdk-lib's `Trail` adds its own bucket statements without those conditions,
 * and a `DependsOn` on its delivery role that the role's `Fn::GetAtt` already implies (cfn-lint W3005).
 */
export class AuditTrail extends Construct {
  public readonly trail?: cloudtrail.CfnTrail;
  public readonly bucket?: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;
  public readonly logGroup?: logs.LogGroup;
  public readonly flowLogBucket?: s3.Bucket;

  constructor(scope: Construct, id: string, { config, trailHere, flowLogs, key }: AuditTrailProps) {
    super(scope, id);
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      ...HARDENED_BUCKET,
      // S3 server access logs can only be delivered to a bucket with S3-managed encryption.
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [
        { expiration: Duration.days(ACCESS_LOG_EXPIRY_DAYS), noncurrentVersionExpiration: Duration.days(30) },
      ],
    });

    acceptFinding(this.accessLogsBucket, inEveryPack('S3DefaultEncryptionKMS'),
      'S3 server access logs can only be delivered to a bucket encrypted with S3-managed keys (SSE-S3).');
    acceptFinding(this.accessLogsBucket, inEveryPack('S3BucketReplicationEnabled'), NO_REPLICATION_REASON);
    if (flowLogs.toS3) {
      this.flowLogBucket = this.createFlowLogBucket(flowLogs.retention, key);
    }
    if (trailHere) {
      const trail = this.createTrail(config, key);
      this.trail = trail.trail;
      this.bucket = trail.bucket;
      this.logGroup = trail.logGroup;
    }
  }

  private createFlowLogBucket(retention: logs.RetentionDays, key: kms.IKey): s3.Bucket {
    const bucket = new s3.Bucket(this, 'FlowLogBucket', {
      ...HARDENED_BUCKET,
      // The logs key; aws-cdk-lib's flow log adds the delivery service's bucket policy, the key grants it use.
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      lifecycleRules: [{
        expiration: retention === logs.RetentionDays.INFINITE ? undefined : Duration.days(retention),
        noncurrentVersionExpiration: Duration.days(30),
      }],
    });
    enableServerAccessLogs(bucket, this.accessLogsBucket, FLOW_LOG_ACCESS_LOG_PREFIX, 'AllowServerAccessLogsOfTheFlowLogBucket');
    acceptFinding(bucket, inEveryPack('S3BucketReplicationEnabled'), NO_REPLICATION_REASON);
    return bucket;
  }

  private createTrail(config: CloudTrailConfig, key: kms.IKey) {
    const trailBucket = new s3.Bucket(this, 'Bucket', {
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
    enableServerAccessLogs(trailBucket, this.accessLogsBucket, ACCESS_LOG_PREFIX, 'AllowServerAccessLogsOfTheTrailBucket');
    acceptFinding(trailBucket, inEveryPack('S3DefaultEncryptionKMS'),
      'CloudTrail encrypts every log file itself with the customer-managed logs key (the trail\'s KMSKeyId); the ' +
        'bucket default applies only to what CloudTrail writes unencrypted, such as digest files, which it signs.');
    acceptFinding(trailBucket, inEveryPack('S3BucketReplicationEnabled'), NO_REPLICATION_REASON);

    const trailArn = trailArnOf(config.trailName);
    const cloudTrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    trailBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudTrailAclCheck',
      principals: [cloudTrail],
      actions: ['s3:GetBucketAcl'],
      resources: [trailBucket.bucketArn],
      conditions: { StringEquals: { 'aws:SourceArn': trailArn } },
    }));
    trailBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudTrailWrite',
      principals: [cloudTrail],
      actions: ['s3:PutObject'],
      resources: [trailBucket.arnForObjects(`AWSLogs/${Aws.ACCOUNT_ID}/*`)],
      conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
    }));

    // The L2's path (Trail/Resource, Trail/LogsRole), so that logical IDs stay what they were.
    const trailScope = new Construct(this, 'Trail');
    let logsRole: iam.Role | undefined;
    let logGroup: logs.LogGroup | undefined;
    if (config.sendToCloudWatchLogs) {
      logGroup = new logs.LogGroup(this, 'LogGroup', {
        logGroupName: config.logGroupName,
        retention: config.cloudWatchLogsRetention,
        encryptionKey: key,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      logsRole = new iam.Role(trailScope, 'LogsRole', {
        description: 'Delivers the CloudTrail trail to CloudWatch Logs',
        // No condition: CloudTrail sends neither aws:SourceArn nor aws:SourceAccount when it assumes this role ("The role
        // policy doesn't support the use of aws:SourceArn and aws:SourceAccount",
        // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html);
        // requiring them fails CreateTrail. The role can only write to the trail's log group.
        assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com'),
      });
      logsRole.addToPrincipalPolicy(new iam.PolicyStatement({
        actions: ['logs:PutLogEvents', 'logs:CreateLogStream'],
        resources: [logGroup.logGroupArn],
      }));
      acceptFinding(logsRole, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);
    }

    const trail = new cloudtrail.CfnTrail(trailScope, 'Resource', {
      trailName: config.trailName,
      isLogging: true,
      s3BucketName: trailBucket.bucketName,
      kmsKeyId: key.keyArn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      eventSelectors: [{ includeManagementEvents: true, readWriteType: 'All' }],
      cloudWatchLogsLogGroupArn: logGroup?.logGroupArn,
      cloudWatchLogsRoleArn: logsRole?.roleArn,
    });
    // CloudTrail checks the bucket policy, and the role's permissions, when the trail is created.
    trail.node.addDependency(trailBucket.policy!);
    const logsPolicy = logsRole?.node.tryFindChild('DefaultPolicy');
    if (logsPolicy) {
      trail.node.addDependency(logsPolicy);
    }
    return { trail, bucket: trailBucket, logGroup };
  }
}

const NO_REPLICATION_REASON =
  'Copying logs to another region or account is the organisation\'s log-archive design, not a per-account ' +
  'baseline\'s; the bucket is versioned and retained, and the trail validates log file integrity.';

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
function enableServerAccessLogs(bucket: s3.Bucket, target: s3.Bucket, prefix: string, sid: string): void {
  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  cfnBucket.loggingConfiguration = { destinationBucketName: target.bucketName, logFilePrefix: prefix };
  target.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [target.arnForObjects(`${prefix}*`)],
      conditions: {
        ArnLike: { 'aws:SourceArn': bucket.bucketArn },
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      },
    }),
  );
}
