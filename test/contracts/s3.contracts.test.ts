import { ADMIN_POLICY, contractTable, ContractRow, OTHER_ACCOUNT } from './contract';
import { TemplatePolicies } from './policies';
import { baselinePolicies, ID } from './templates';
import { FlowLogDestinations } from '../../src';

/**
 * Who may write and read the trail's buckets, evaluated against their bucket policies
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
 */
function trailBucketRows(p: TemplatePolicies): ContractRow[] {
  const bucketArn = p.arn('AWS::S3::Bucket', ID.trailBucket);
  const bucket = { resourcePolicy: p.bucketPolicy(ID.trailBucket) };
  const trail = p.arn('AWS::CloudTrail::Trail', ID.trail);
  const logFile = `${bucketArn}/AWSLogs/${p.account}/CloudTrail/${p.region}/2026/12/01/file.json.gz`;
  const delivery = (account: string, trailArn: string) => ({ 'aws:SourceAccount': account, 'aws:SourceArn': trailArn, 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SecureTransport': 'true' });
  const admin = `arn:aws:iam::${p.account}:role/Admin`;
  return [
    { ...bucket, expected: 'Allowed', reason: 'CloudTrail delivers the baseline trail\'s log files with the bucket-owner-full-control ACL', principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: logFile, context: delivery(p.account, trail) },
    { ...bucket, expected: 'Allowed', reason: 'CloudTrail checks the bucket ACL before delivering', principal: 'cloudtrail.amazonaws.com', action: 's3:GetBucketAcl', resource: bucketArn, context: { 'aws:SourceAccount': p.account, 'aws:SourceArn': trail, 'aws:SecureTransport': 'true' } },
    { ...bucket, expected: 'Denied', reason: 'CloudTrail cannot deliver the log files of another trail of this account (aws:SourceArn)', principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: logFile, context: delivery(p.account, `arn:aws:cloudtrail:${p.region}:${p.account}:trail/another`) },
    { ...bucket, expected: 'Denied', reason: 'CloudTrail cannot deliver for another account\'s trail', principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: logFile, context: delivery(OTHER_ACCOUNT, `arn:aws:cloudtrail:${p.region}:${OTHER_ACCOUNT}:trail/other`) },
    { ...bucket, expected: 'Denied', reason: 'CloudTrail checking the ACL for another trail is refused', principal: 'cloudtrail.amazonaws.com', action: 's3:GetBucketAcl', resource: bucketArn, context: { 'aws:SourceAccount': p.account, 'aws:SourceArn': `arn:aws:cloudtrail:${p.region}:${p.account}:trail/another`, 'aws:SecureTransport': 'true' } },
    { ...bucket, expected: 'Denied', reason: 'CloudTrail cannot deliver without the bucket-owner-full-control ACL', principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: logFile, context: { ...delivery(p.account, trail), 's3:x-amz-acl': 'private' } },
    { ...bucket, expected: 'Denied', reason: 'CloudTrail cannot deliver outside AWSLogs/<this account>/', principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: `${bucketArn}/AWSLogs/${OTHER_ACCOUNT}/CloudTrail/x.json.gz`, context: delivery(p.account, trail) },
    { ...bucket, expected: 'Denied', reason: 'CloudTrail cannot read the log files back', principal: 'cloudtrail.amazonaws.com', action: 's3:GetObject', resource: logFile, context: { 'aws:SecureTransport': 'true' } },
    { ...bucket, expected: 'ExplicitlyDenied', reason: 'an administrator of this account is refused without TLS', principal: admin, action: 's3:GetObject', resource: logFile, context: { 'aws:SecureTransport': 'false' }, identityPolicies: [ADMIN_POLICY] },
    { ...bucket, expected: 'Allowed', reason: 'an administrator of this account reads log files over TLS', principal: admin, action: 's3:GetObject', resource: logFile, context: { 'aws:SecureTransport': 'true' }, identityPolicies: [ADMIN_POLICY] },
    { ...bucket, expected: 'Denied', reason: 'an administrator of another account cannot read the log files', principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, action: 's3:GetObject', resource: logFile, context: { 'aws:SecureTransport': 'true' }, identityPolicies: [ADMIN_POLICY] },
  ];
}

function accessLogBucketRows(p: TemplatePolicies): ContractRow[] {
  const bucketArn = p.arn('AWS::S3::Bucket', ID.accessLogsBucket);
  const bucket = { resourcePolicy: p.bucketPolicy(ID.accessLogsBucket) };
  const trailBucket = p.arn('AWS::S3::Bucket', ID.trailBucket);
  const logging = { principal: 'logging.s3.amazonaws.com', action: 's3:PutObject' };
  return [
    { ...bucket, ...logging, expected: 'Allowed', reason: 'S3 server access logging writes the trail bucket\'s access logs under trail-bucket/', resource: `${bucketArn}/trail-bucket/2026-12-01-log`, context: { 'aws:SourceArn': trailBucket, 'aws:SourceAccount': p.account, 'aws:SecureTransport': 'true' } },
    { ...bucket, ...logging, expected: 'Denied', reason: 'S3 server access logging of another bucket cannot write here', resource: `${bucketArn}/trail-bucket/2026-12-01-log`, context: { 'aws:SourceArn': 'arn:aws:s3:::someone-elses-bucket', 'aws:SourceAccount': p.account, 'aws:SecureTransport': 'true' } },
    { ...bucket, ...logging, expected: 'Denied', reason: 'S3 server access logging for another account cannot write here', resource: `${bucketArn}/trail-bucket/2026-12-01-log`, context: { 'aws:SourceArn': trailBucket, 'aws:SourceAccount': OTHER_ACCOUNT, 'aws:SecureTransport': 'true' } },
    { ...bucket, ...logging, expected: 'Denied', reason: 'S3 server access logging cannot write outside trail-bucket/', resource: `${bucketArn}/elsewhere/log`, context: { 'aws:SourceArn': trailBucket, 'aws:SourceAccount': p.account, 'aws:SecureTransport': 'true' } },
    { ...bucket, expected: 'ExplicitlyDenied', reason: 'an administrator of this account is refused without TLS on the access-log bucket too', principal: `arn:aws:iam::${p.account}:role/Admin`, action: 's3:GetObject', resource: `${bucketArn}/trail-bucket/x`, context: { 'aws:SecureTransport': 'false' }, identityPolicies: [ADMIN_POLICY] },
  ];
}

describe('contracts: the trail bucket', () => {
  contractTable(() => trailBucketRows(baselinePolicies()));
});

describe('contracts: the access-log bucket', () => {
  contractTable(() => accessLogBucketRows(baselinePolicies()));
});

/** With flow logs to S3, the flow-log bucket logs its access beside the trail bucket's, each under its own prefix. */
function flowLogBucketAccessLogRows(p: TemplatePolicies): ContractRow[] {
  const bucketArn = p.arn('AWS::S3::Bucket', ID.accessLogsBucket);
  const bucket = { resourcePolicy: p.bucketPolicy(ID.accessLogsBucket) };
  const flowLogBucket = p.arn('AWS::S3::Bucket', ID.flowLogBucket);
  const trailBucket = p.arn('AWS::S3::Bucket', ID.trailBucket);
  const logging = { principal: 'logging.s3.amazonaws.com', action: 's3:PutObject' };
  const from = (source: string) => ({ 'aws:SourceArn': source, 'aws:SourceAccount': p.account, 'aws:SecureTransport': 'true' });
  return [
    { ...bucket, ...logging, expected: 'Allowed', reason: 'S3 server access logging writes the flow-log bucket\'s access logs under flow-log-bucket/', resource: `${bucketArn}/flow-log-bucket/2026-12-01-log`, context: from(flowLogBucket) },
    { ...bucket, ...logging, expected: 'Denied', reason: 'the flow-log bucket\'s access logs cannot go under the trail bucket\'s prefix', resource: `${bucketArn}/trail-bucket/2026-12-01-log`, context: from(flowLogBucket) },
    { ...bucket, ...logging, expected: 'Denied', reason: 'the trail bucket\'s access logs cannot go under the flow-log bucket\'s prefix', resource: `${bucketArn}/flow-log-bucket/2026-12-01-log`, context: from(trailBucket) },
    { ...bucket, ...logging, expected: 'Denied', reason: 'S3 server access logging for another account cannot write the flow-log bucket\'s prefix', resource: `${bucketArn}/flow-log-bucket/2026-12-01-log`, context: { ...from(flowLogBucket), 'aws:SourceAccount': OTHER_ACCOUNT } },
  ];
}

describe('contracts: the access-log bucket with flow logs to S3', () => {
  contractTable(() => flowLogBucketAccessLogRows(baselinePolicies({ logging: { flowLogDestinations: FlowLogDestinations.S3 } })));
});
