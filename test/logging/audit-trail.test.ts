import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { FlowLogDestinations } from '../../src';
import { synthTemplate } from '../util';

function trailBucket(template: Template) {
  const buckets = template.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.anyValue() } });
  expect(Object.keys(buckets)).toHaveLength(1);
  return Object.entries(buckets)[0];
}

describe('logging', () => {
  test('a multi-region trail with global service events and log file validation, encrypted with the logs key', () => {
    synthTemplate().hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      IsLogging: true,
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('EncryptionLogsKey'), 'Arn'] },
      EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }],
    });
  });

  test('the trail bucket is private, versioned, ACL-free, retained, and logs its own access', () => {
    const template = synthTemplate();
    const [id, bucket] = trailBucket(template);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/AccessLogsBucket/) }, LogFilePrefix: 'trail-bucket/' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  test('trail log files move to Glacier after 90 days by default and never expire', () => {
    const [, bucket] = trailBucket(synthTemplate());
    expect(bucket.Properties.LifecycleConfiguration.Rules[0]).toMatchObject({
      Status: 'Enabled',
      Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }],
    });
    expect(bucket.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBeUndefined();
  });

  test('the trail bucket lifecycle can be changed', () => {
    const [, bucket] = trailBucket(
      synthTemplate({ logging: { cloudTrail: { transitionToGlacierAfter: Duration.days(30), expireAfter: Duration.days(2555) } } }),
    );
    expect(bucket.Properties.LifecycleConfiguration.Rules[0]).toMatchObject({
      Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 30 }],
      ExpirationInDays: 2555,
    });
  });

  test('the access-log bucket is private, versioned, ACL-free, TLS-only, SSE-S3, retained, and expires logs after a year', () => {
    const template = synthTemplate();
    const [[id, bucket]] = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([logicalId]) => logicalId.startsWith('BaselineAuditTrailAccessLogsBucket'));
    expect(bucket).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(bucket.Properties).toEqual(expect.objectContaining({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      // S3 server access logging delivers only to SSE-S3 buckets (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] },
    }));
    // It is where access logs end: it logs to no other bucket.
    expect(bucket.Properties.LoggingConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('flow logs to S3 kept forever: the flow-log bucket never expires them', () => {
    const template = synthTemplate({ logging: { flowLogDestinations: FlowLogDestinations.S3, flowLogRetention: logs.RetentionDays.INFINITE } });
    const [bucket] = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([id]) => id.startsWith('BaselineAuditTrailFlowLogBucket')).map(([, b]) => b);
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([{ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }]);
  });

  test('the access-log bucket names each bucket whose access logs it accepts in its own statement', () => {
    const template = synthTemplate({ logging: { flowLogDestinations: FlowLogDestinations.S3 } });
    const [policy] = Object.values(template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: Match.stringLikeRegexp('^BaselineAuditTrailAccessLogsBucket') } } }));
    expect(policy.Properties.PolicyDocument.Statement.map((s: any) => s.Sid)).toEqual([
      undefined, 'AllowServerAccessLogsOfTheFlowLogBucket', 'AllowServerAccessLogsOfTheTrailBucket',
    ]);
  });

  test('the access-log bucket accepts server access logs of the trail bucket only, from this account', () => {
    synthTemplate().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowServerAccessLogsOfTheTrailBucket',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: {
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('AuditTrailBucket'), 'Arn'] } },
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            },
          }),
        ]),
      },
    });
  });

  test('the trail is also delivered to a log group kept one year, encrypted with the logs key, retained', () => {
    const template = synthTemplate();
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('EncryptionLogsKey'), 'Arn'] } },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AuditTrailLogGroup'), 'Arn'] },
    });
  });

  test('CloudWatch Logs delivery can be turned off', () => {
    const template = synthTemplate({ logging: { cloudTrail: { sendToCloudWatchLogs: false } } });
    expect(Object.values(template.findResources('AWS::Logs::LogGroup')).map((g) => g.Properties.LogGroupName)).not.toContain('/numinia/production/cloudtrail');
    template.hasResourceProperties('AWS::CloudTrail::Trail', { CloudWatchLogsLogGroupArn: Match.absent() });
  });

  test('the trail can be turned off for accounts under an organisation trail', () => {
    const template = synthTemplate({ logging: { cloudTrail: { enabled: false } } });
    template.resourceCountIs('AWS::CloudTrail::Trail', 0);
    template.resourceCountIs('AWS::S3::Bucket', 0);
  });

  const trailArn = {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':trail/numinia-production-audit']],
  };

  test('the trail has a fixed name, so that every grant to CloudTrail can name it', () => {
    synthTemplate().hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'numinia-production-audit' });
    synthTemplate({ project: 'acme', environment: 'staging' }).hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'acme-staging-audit' });
  });

  test('the trail bucket lets CloudTrail check its ACL and write, for this trail only (aws:SourceArn)', () => {
    const template = synthTemplate();
    const [bucketId] = Object.keys(template.findResources('AWS::S3::Bucket', { Properties: { LoggingConfiguration: Match.anyValue() } }));
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Sid: 'AllowCloudTrailAclCheck',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:GetBucketAcl',
            Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
            Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
          },
          {
            Sid: 'AllowCloudTrailWrite',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/AWSLogs/', { Ref: 'AWS::AccountId' }, '/*']] },
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  test('the CloudWatch Logs delivery role trusts CloudTrail without source keys (CloudTrail sends none), and may only write to the trail\'s log group', () => {
    const template = synthTemplate();
    // "The role policy doesn't support the use of aws:SourceArn and aws:SourceAccount" (CloudTrail User Guide,
    // cloudtrail-required-policy-for-cloudwatch-logs.html): a condition on them fails CreateTrail.
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Delivers the CloudTrail trail to CloudWatch Logs',
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BaselineAuditTrailLogGroup'), 'Arn'] },
        }],
      },
    });
  });

  test('the trail waits for the bucket policy and the delivery role\'s policy, and names nothing else in DependsOn', () => {
    const [trail] = Object.values(synthTemplate().findResources('AWS::CloudTrail::Trail'));
    expect([...trail.DependsOn].sort()).toEqual([
      expect.stringMatching(/^BaselineAuditTrailBucketPolicy/),
      expect.stringMatching(/^BaselineAuditTrailLogsRoleDefaultPolicy/),
    ]);
  });

  test('the trail\'s logical ID and its delivery role\'s are those of aws-cdk-lib\'s Trail, which it replaced', () => {
    const template = synthTemplate();
    expect(Object.keys(template.findResources('AWS::CloudTrail::Trail'))).toEqual(['BaselineAuditTrail443D92B8']);
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.includes('AuditTrail'))).toEqual(['BaselineAuditTrailLogsRoleED271830']);
  });
});
