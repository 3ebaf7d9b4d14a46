import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { FlowLogDestinations } from '../../src';
import { synthTemplate } from '../util';

const toS3 = { logging: { flowLogDestinations: FlowLogDestinations.S3 } };

describe('flow logs', () => {
  test('to S3: Parquet, Hive-compatible, hourly partitions, all traffic, into the baseline\'s flow-log bucket', () => {
    const template = synthTemplate(toS3);
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
    const [bucketId] = Object.keys(template.findResources('AWS::S3::Bucket', { Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] } } }));
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      LogDestinationType: 's3',
      LogDestination: { 'Fn::GetAtt': [bucketId, 'Arn'] },
      TrafficType: 'ALL',
      // CloudFormation's keys, not aws-cdk-lib's camelCase ones (aws/aws-cdk#25432), which it would not know.
      DestinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: true },
    });
    // Delivery writes Hive-compatible keys: the bucket policy must name that prefix.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/AWSLogs/aws-account-id=', { Ref: 'AWS::AccountId' }, '/*']] },
        })]),
      },
    });
    // No log group, no delivery role: S3 delivery needs neither.
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
    expect(Object.keys(template.findResources('AWS::Logs::LogGroup')).filter((id) => id.includes('FlowLog'))).toEqual([]);
  });

  test('the flow-log bucket: retained, KMS-encrypted with the logs key, TLS-only, private, versioned, expiring with the retention, logging its access', () => {
    const template = synthTemplate({ logging: { flowLogDestinations: FlowLogDestinations.S3, flowLogRetention: logs.RetentionDays.THREE_MONTHS } });
    const [bucketId, bucket] = Object.entries(template.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('BaselineAuditTrailFlowLogBucket'))!;
    expect(bucket).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^BaselineEncryptionLogsKey/), 'Arn'] } } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' })] },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^BaselineAuditTrailAccessLogsBucket/) }, LogFilePrefix: 'flow-log-bucket/' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('to CloudWatch Logs only (the default): one flow log, delivered by its own role, and no bucket of flow logs', () => {
    const template = synthTemplate();
    const flowLogs = Object.values(template.findResources('AWS::EC2::FlowLog'));
    expect(flowLogs.map((f) => f.Properties.LogDestinationType)).toEqual(['cloud-watch-logs']);
    expect(Object.keys(template.findResources('AWS::S3::Bucket')).filter((id) => /FlowLog/.test(id))).toEqual([]);
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Delivers VPC flow logs to CloudWatch Logs',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'vpc-flow-logs.amazonaws.com' } })] },
    });
  });

  test('to both: the log group and the bucket', () => {
    const template = synthTemplate({ logging: { flowLogDestinations: FlowLogDestinations.CLOUDWATCH_LOGS_AND_S3 } });
    template.resourceCountIs('AWS::EC2::FlowLog', 2);
    template.hasResourceProperties('AWS::EC2::FlowLog', { LogDestinationType: 'cloud-watch-logs' });
    template.hasResourceProperties('AWS::EC2::FlowLog', { LogDestinationType: 's3' });
  });

  test('to S3 with CloudTrail off: the buckets are made anyway, without the trail', () => {
    const template = synthTemplate({ logging: { flowLogDestinations: FlowLogDestinations.S3, cloudTrail: { enabled: false } } });
    template.resourceCountIs('AWS::CloudTrail::Trail', 0);
    template.resourceCountIs('AWS::S3::Bucket', 2);
    expect(JSON.stringify(template.findResources('AWS::KMS::Key'))).not.toContain('cloudtrail.amazonaws.com');
  });

  test('a custom format and a one-minute aggregation interval', () => {
    const template = synthTemplate({
      logging: {
        flowLogFormat: [ec2.LogFormat.VERSION, ec2.LogFormat.SRC_ADDR, ec2.LogFormat.DST_ADDR, ec2.LogFormat.TCP_FLAGS, ec2.LogFormat.FLOW_DIRECTION],
        flowLogAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
      },
    });
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      LogFormat: '${version} ${srcaddr} ${dstaddr} ${tcp-flags} ${flow-direction}',
      MaxAggregationInterval: 60,
    });
  });

  test('the logs key lets log delivery encrypt into the bucket, for this account and region only', () => {
    synthTemplate(toS3).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Sid: 'AllowFlowLogDeliveryToS3',
          Effect: 'Allow',
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':*']] } },
          },
        }]),
      },
    });
    expect(JSON.stringify(synthTemplate().findResources('AWS::KMS::Key'))).not.toContain('delivery.logs.amazonaws.com');
  });
});

describe('subnet tags per tier', () => {
  test('Karpenter\'s discovery tag on the private subnets, others on the public and database ones', () => {
    const template = synthTemplate({
      network: {
        databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'],
        publicSubnetTags: { Exposure: 'internet' },
        privateSubnetTags: { 'karpenter.sh/discovery': 'numinia-production' },
        databaseSubnetTags: { Tier: 'data' },
      },
    });
    const tagsOf = (cidr: string) => Object.fromEntries((Object.values(template.findResources('AWS::EC2::Subnet', { Properties: { CidrBlock: cidr } }))[0].Properties.Tags as any[]).map((t) => [t.Key, t.Value]));
    expect(tagsOf('10.0.1.0/24')).toMatchObject({ 'karpenter.sh/discovery': 'numinia-production', 'kubernetes.io/role/internal-elb': '1' });
    expect(tagsOf('10.0.1.0/24').Exposure).toBeUndefined();
    expect(tagsOf('10.0.101.0/24')).toMatchObject({ 'Exposure': 'internet', 'kubernetes.io/role/elb': '1' });
    expect(tagsOf('10.0.201.0/24')).toMatchObject({ Tier: 'data' });
    expect(tagsOf('10.0.201.0/24')['karpenter.sh/discovery']).toBeUndefined();
  });
});
