import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acceptFinding, INLINE_POLICY_REASON, inEveryPack } from '../private/compliance';

/** Apache Parquet, Hive-compatible prefixes, hourly partitions: what Athena reads fastest and cheapest. */
const S3_OPTIONS = { fileFormat: ec2.FlowLogFileFormat.PARQUET, hiveCompatiblePartitions: true, perHourPartition: true };

export interface FlowLogsProps {
  readonly vpc: ec2.IVpc;
  /** The CloudWatch Logs destination's group name, when flow logs go there. */
  readonly logGroupName?: string;
  readonly retention: logs.RetentionDays;
  readonly logsKey: kms.IKey;
  /** The S3 destination, when flow logs go there. */
  readonly bucket?: s3.IBucket;
  readonly logFormat?: ec2.LogFormat[];
  readonly maxAggregationInterval?: ec2.FlowLogMaxAggregationInterval;
}

/**
 * VPC flow logs of all traffic, to CloudWatch Logs (a log group of our own: the flow log's default one keeps logs
 * two years, unencrypted) and/or to S3 (Parquet, Hive-compatible, hourly partitions). Returns the log group, if any.
 */
export function createFlowLogs(scope: Construct, props: FlowLogsProps): logs.LogGroup | undefined {
  let logGroup: logs.LogGroup | undefined;
  const common = {
    resourceType: ec2.FlowLogResourceType.fromVpc(props.vpc),
    trafficType: ec2.FlowLogTrafficType.ALL,
    logFormat: props.logFormat,
    maxAggregationInterval: props.maxAggregationInterval,
  };
  if (props.logGroupName !== undefined) {
    logGroup = new logs.LogGroup(scope, 'FlowLogGroup', {
      logGroupName: props.logGroupName,
      retention: props.retention,
      encryptionKey: props.logsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(scope, 'FlowLogRole', {
      description: 'Delivers VPC flow logs to CloudWatch Logs',
      // Only flow logs of this account and region may assume it: the confused-deputy conditions of
      // https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html.
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:vpc-flow-log/*` },
        },
      }),
    });
    acceptFinding(role, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);
    new ec2.FlowLog(scope, 'FlowLog', { ...common, destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup, role) });
  }
  if (props.bucket !== undefined) {
    const toS3 = new ec2.FlowLog(scope, 'FlowLogToS3', {
      ...common,
      // The bucket policy for log delivery comes from aws-cdk-lib (the flag that adds it is pinned on the baseline),
      // written for Hive-compatible keys (AWSLogs/aws-account-id=<account>/...) because of these options.
      destination: ec2.FlowLogDestination.toS3(props.bucket, undefined, S3_OPTIONS),
    });
    // aws-cdk-lib writes DestinationOptions' keys in camelCase, which CloudFormation does not know (aws/aws-cdk#25432):
    // the Parquet, Hive and hourly settings would be lost. The L1 takes the CloudFormation keys as they are.
    (toS3.node.defaultChild as ec2.CfnFlowLog).destinationOptions = {
      FileFormat: S3_OPTIONS.fileFormat,
      HiveCompatiblePartitions: S3_OPTIONS.hiveCompatiblePartitions,
      PerHourPartition: S3_OPTIONS.perHourPartition,
    };
  }
  return logGroup;
}
