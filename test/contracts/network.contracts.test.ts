import { ADMIN_POLICY, contractTable, ContractRow, OTHER_ACCOUNT } from './contract';
import { endpointRequests } from './endpoint-requests';
import { TemplatePolicies } from './policies';
import { SERVICE_REQUEST_CATALOGUE } from './service-request-catalogue';
import { contextOf } from './service-requests';
import { baselinePolicies } from './templates';
import { FlowLogDestinations, S3EndpointPolicy } from '../../src';

type Json = any;

/** The S3 gateway endpoint's policy: a gate every request from the VPC to S3 passes. */
function s3EndpointPolicy(p: TemplatePolicies): Json {
  const s3 = p.resourcesOfType('AWS::EC2::VPCEndpoint').find((r) => typeof r.Properties.ServiceName !== 'string');
  return p.resolver.resolve(s3.Properties.PolicyDocument);
}

function endpointRows(p: TemplatePolicies): ContractRow[] {
  const endpointPolicy = s3EndpointPolicy(p);
  // Every bucket here lets the requester in (the AWS-owned ones serve anyone; the others are the owner's choice), so
  // that each decision is the endpoint's.
  const ownerAllows = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] };
  const admin = { principal: `arn:aws:iam::${p.account}:role/Admin`, identityPolicies: [ADMIN_POLICY], endpointPolicy, resourcePolicy: ownerAllows };
  const resourceOrg = (org: string) => ({ 'aws:ResourceOrgID': org });
  return [
    { ...admin, expected: 'Allowed', reason: 'dnf reads the Amazon Linux 2023 repository of the region through the endpoint', action: 's3:GetObject', resource: `arn:aws:s3:::al2023-repos-${p.region}-de612dc2/core/mirror.list`, resourceAccount: '000000000000' },
    { ...admin, expected: 'Allowed', reason: 'the kubelet pulls an ECR image layer through the endpoint', action: 's3:GetObject', resource: `arn:aws:s3:::prod-${p.region}-starport-layer-bucket/layer`, resourceAccount: '000000000000' },
    { ...admin, expected: 'Allowed', reason: 'an application writes to a bucket of the organisation', action: 's3:PutObject', resource: 'arn:aws:s3:::numinia-artifacts/build.zip', resourceAccount: OTHER_ACCOUNT, context: resourceOrg('o-a1b2c3d4e5') },
    { ...admin, expected: 'Denied', reason: 'nothing can be copied out to a bucket outside the organisation (exfiltration)', action: 's3:PutObject', resource: 'arn:aws:s3:::attacker-bucket/loot', resourceAccount: '999999999999', context: resourceOrg('o-zzzzzzzzzz') },
    { ...admin, expected: 'Denied', reason: 'the AWS-owned buckets are read-only through the endpoint', action: 's3:PutObject', resource: `arn:aws:s3:::prod-${p.region}-starport-layer-bucket/x`, resourceAccount: '000000000000' },
    { ...admin, expected: 'Denied', reason: 'the Amazon Linux repositories of another region are not on the list', action: 's3:GetObject', resource: 'arn:aws:s3:::al2023-repos-us-east-1-de612dc2/core/mirror.list', resourceAccount: '000000000000' },
    { ...admin, expected: 'Allowed', reason: 'a bucket named in bucketArns takes any request (outside the organisation too)', action: 's3:PutObject', resource: 'arn:aws:s3:::partner-exchange/drop.csv', resourceAccount: '999999999999', context: resourceOrg('o-zzzzzzzzzz') },
    { ...admin, expected: 'Denied', reason: 'a bucket named in bucketArns does not open one whose name only starts like it', action: 's3:GetObject', resource: 'arn:aws:s3:::partner-exchange-2/x', resourceAccount: '999999999999', context: resourceOrg('o-zzzzzzzzzz') },
    { ...admin, expected: 'Denied', reason: 'the CloudFormation response buckets take responses, not reads', action: 's3:GetObject', resource: `arn:aws:s3:::cloudformation-waitcondition-${p.region}/x`, resourceAccount: '000000000000' },
    { ...admin, expected: 'Denied', reason: 'a read-only AWS bucket pattern with a suffix opens no writes', action: 's3:PutObject', resource: `arn:aws:s3:::patch-baseline-snapshot-${p.region}-attacker/x`, resourceAccount: '999999999999' },
    // Every AWS-owned bucket request of the catalogue (endpoint-requests.ts), each from the page that names it.
    ...endpointRequests().map((request): ContractRow => ({
      ...admin,
      expected: 'Allowed',
      reason: `${request.name}: ${request.action} on ${request.bucket(p.region)} (${request.source.url})`,
      action: request.action,
      resource: `arn:aws:s3:::${request.bucket(p.region)}/object`,
      resourceAccount: '000000000000',
    })),
  ];
}

function deliveryRows(p: TemplatePolicies): ContractRow[] {
  const bucket = p.arn('AWS::S3::Bucket', /^BaselineAuditTrailFlowLogBucket[0-9A-F]{8}$/);
  const bucketPolicy = p.bucketPolicy(/^BaselineAuditTrailFlowLogBucket[0-9A-F]{8}$/);
  const key = { resource: p.arn('AWS::KMS::Key', /^BaselineEncryptionLogsKey/), resourcePolicy: p.keyPolicy(/^BaselineEncryptionLogsKey/) };
  const delivery = (account: string) => ({
    'aws:SourceAccount': account,
    'aws:SourceArn': `arn:aws:logs:${p.region}:${account}:*`,
    's3:x-amz-acl': 'bucket-owner-full-control',
    'aws:SecureTransport': 'true',
  });
  const aclCheck = (account: string) => contextOf(SERVICE_REQUEST_CATALOGUE.logDeliveryAclCheck, {
    'aws:SourceAccount': account,
    'aws:SourceArn': `arn:aws:logs:${p.region}:${account}:*`,
    'aws:SecureTransport': 'true',
  });
  const hiveKey = (account: string) => `${bucket}/AWSLogs/aws-account-id=${account}/aws-service=vpcflowlogs/aws-region=${p.region}/year=2026/month=12/day=01/hour=10/x.log.parquet`;
  const logs = { principal: 'delivery.logs.amazonaws.com' };
  return [
    { ...logs, expected: 'Allowed', reason: 'log delivery writes this account\'s flow logs under the Hive-compatible prefix', action: 's3:PutObject', resource: hiveKey(p.account), resourcePolicy: bucketPolicy, context: delivery(p.account) },
    { ...logs, expected: 'Allowed', reason: 'log delivery checks the bucket ACL', action: 's3:GetBucketAcl', resource: bucket, resourcePolicy: bucketPolicy, context: aclCheck(p.account) },
    { ...logs, expected: 'Allowed', reason: 'log delivery lists the bucket (else AccessDenied entries in CloudTrail)', action: 's3:ListBucket', resource: bucket, resourcePolicy: bucketPolicy, context: aclCheck(p.account) },
    { ...logs, expected: 'Denied', reason: 'log delivery for another account cannot check the ACL', action: 's3:GetBucketAcl', resource: bucket, resourcePolicy: bucketPolicy, context: aclCheck(OTHER_ACCOUNT) },
    { ...logs, expected: 'Denied', reason: 'log delivery for another account cannot write here (confused deputy)', action: 's3:PutObject', resource: hiveKey(p.account), resourcePolicy: bucketPolicy, context: delivery(OTHER_ACCOUNT) },
    { ...logs, expected: 'Denied', reason: 'log delivery cannot write outside this account\'s prefix', action: 's3:PutObject', resource: hiveKey(OTHER_ACCOUNT), resourcePolicy: bucketPolicy, context: delivery(p.account) },
    { ...logs, ...key, expected: 'Allowed', reason: 'log delivery encrypts the flow logs with the logs key, for this account', action: 'kms:GenerateDataKey', context: { 'aws:SourceAccount': p.account, 'aws:SourceArn': `arn:aws:logs:${p.region}:${p.account}:delivery-source:x` } },
    { ...logs, ...key, expected: 'Denied', reason: 'log delivery for another account cannot use the logs key', action: 'kms:GenerateDataKey', context: { 'aws:SourceAccount': OTHER_ACCOUNT, 'aws:SourceArn': `arn:aws:logs:${p.region}:${OTHER_ACCOUNT}:delivery-source:x` } },
  ];
}

describe('contracts: the default S3 gateway endpoint lets everything through', () => {
  contractTable(() => {
    const p = baselinePolicies();
    expect(p.resourcesOfType('AWS::EC2::VPCEndpoint').find((r) => typeof r.Properties.ServiceName !== 'string').Properties.PolicyDocument).toBeUndefined();
    const rows: ContractRow[] = [{
      expected: 'Allowed',
      reason: 'without an endpoint policy (AWS\'s default), a bucket outside the organisation is reachable: the restriction is opt-in',
      principal: `arn:aws:iam::${p.account}:role/Admin`,
      identityPolicies: [ADMIN_POLICY],
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::some-bucket/x',
      resourceAccount: '999999999999',
      resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] },
    }];
    return rows;
  });
});

describe('contracts: the restricted S3 gateway endpoint', () => {
  contractTable(() => endpointRows(baselinePolicies({ network: { s3EndpointPolicy: S3EndpointPolicy.restrictTo({ organizationId: 'o-a1b2c3d4e5', bucketArns: ['arn:aws:s3:::partner-exchange'] }) } })));
});

describe('contracts: flow logs delivered to S3', () => {
  contractTable(() => deliveryRows(baselinePolicies({ logging: { flowLogDestinations: FlowLogDestinations.S3 } })));
});
