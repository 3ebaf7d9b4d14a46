import { ADMIN_POLICY, contractTable, ContractRow, OTHER_ACCOUNT } from './contract';
import { TemplatePolicies } from './policies';
import { baselinePolicies, ID } from './templates';

/**
 * Who may use the baseline's keys, evaluated against their key policies. A key policy that trusts the account root
 * lets the account's IAM policies grant the key (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html);
 * services get statements of their own, conditioned on the encryption context they send.
 */
function logsKeyRows(p: TemplatePolicies): ContractRow[] {
  const key = { resource: p.arn('AWS::KMS::Key', ID.logsKey), resourcePolicy: p.keyPolicy(ID.logsKey) };
  const logs = `logs.${p.region}.amazonaws.com`;
  const logGroupOf = (account: string) => `arn:aws:logs:${p.region}:${account}:log-group:${p.ref('AWS::Logs::LogGroup', ID.flowLogGroup)}`;
  const trail = p.arn('AWS::CloudTrail::Trail', ID.trail);
  const cloudTrail = (account: string, trailArn: string) => ({
    'aws:SourceAccount': account,
    'aws:SourceArn': trailArn,
    'kms:EncryptionContext:aws:cloudtrail:arn': trailArn,
  });
  return [
    { ...key, expected: 'Allowed', reason: 'CloudWatch Logs encrypts the flow-log group of this account', principal: logs, action: 'kms:GenerateDataKey', context: { 'kms:EncryptionContext:aws:logs:arn': logGroupOf(p.account) } },
    { ...key, expected: 'Allowed', reason: 'CloudWatch Logs decrypts the flow-log group of this account', principal: logs, action: 'kms:Decrypt', context: { 'kms:EncryptionContext:aws:logs:arn': logGroupOf(p.account) } },
    { ...key, expected: 'Allowed', reason: 'CloudWatch Logs encrypts the trail\'s log group', principal: logs, action: 'kms:Encrypt', context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${p.region}:${p.account}:log-group:${p.ref('AWS::Logs::LogGroup', ID.trailLogGroup)}` } },
    { ...key, expected: 'Denied', reason: 'CloudWatch Logs cannot use the key for a log group of another account', principal: logs, action: 'kms:GenerateDataKey', context: { 'kms:EncryptionContext:aws:logs:arn': logGroupOf(OTHER_ACCOUNT) } },
    { ...key, expected: 'Denied', reason: 'CloudWatch Logs cannot use the key for another log group of this account (unless logsKeyForAllLogGroups)', principal: logs, action: 'kms:GenerateDataKey', context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${p.region}:${p.account}:log-group:/aws/lambda/someone-else` } },
    { ...key, expected: 'Denied', reason: 'CloudWatch Logs cannot use the key without a log-group encryption context', principal: logs, action: 'kms:Decrypt', context: {} },
    { ...key, expected: 'Allowed', reason: 'CloudTrail encrypts the log files of the baseline\'s trail', principal: 'cloudtrail.amazonaws.com', action: 'kms:GenerateDataKey', context: cloudTrail(p.account, trail) },
    { ...key, expected: 'Denied', reason: 'CloudTrail cannot encrypt for a trail of another account', principal: 'cloudtrail.amazonaws.com', action: 'kms:GenerateDataKey', context: cloudTrail(OTHER_ACCOUNT, `arn:aws:cloudtrail:${p.region}:${OTHER_ACCOUNT}:trail/other`) },
    { ...key, expected: 'Denied', reason: 'CloudTrail cannot encrypt for another trail of this account (aws:SourceArn)', principal: 'cloudtrail.amazonaws.com', action: 'kms:GenerateDataKey', context: cloudTrail(p.account, `arn:aws:cloudtrail:${p.region}:${p.account}:trail/another`) },
    { ...key, expected: 'Allowed', reason: 'CloudTrail describes the key for the baseline\'s trail', principal: 'cloudtrail.amazonaws.com', action: 'kms:DescribeKey', context: { 'aws:SourceArn': trail, 'aws:SourceAccount': p.account } },
    { ...key, expected: 'Denied', reason: 'CloudTrail cannot decrypt with the logs key (it only encrypts; AWS\'s decrypt statement is not granted)', principal: 'cloudtrail.amazonaws.com', action: 'kms:Decrypt', context: {} },
    { ...key, expected: 'Denied', reason: 'CloudWatch Logs cannot describe the key: DescribeKey carries no encryption context, so AWS\'s kms:Describe* grant never applied', principal: logs, action: 'kms:DescribeKey', context: {} },
    { ...key, expected: 'Denied', reason: 'a principal of this account without a KMS grant cannot decrypt logs', principal: `arn:aws:iam::${p.account}:role/worker`, action: 'kms:Decrypt' },
    { ...key, expected: 'Allowed', reason: 'an administrator of this account can use the key (the key policy delegates to IAM)', principal: `arn:aws:iam::${p.account}:role/Admin`, action: 'kms:Decrypt', identityPolicies: [ADMIN_POLICY] },
    { ...key, expected: 'Denied', reason: 'an administrator of another account cannot decrypt logs', principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, action: 'kms:Decrypt', identityPolicies: [ADMIN_POLICY] },
    { ...key, expected: 'Denied', reason: 'an administrator of another account cannot schedule the key\'s deletion', principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, action: 'kms:ScheduleKeyDeletion', identityPolicies: [ADMIN_POLICY] },
  ];
}

function fileSystemKeyRows(p: TemplatePolicies): ContractRow[] {
  const key = { resource: p.arn('AWS::KMS::Key', ID.fileSystemKey), resourcePolicy: p.keyPolicy(ID.fileSystemKey) };
  const viaEfs = { 'kms:ViaService': `elasticfilesystem.${p.region}.amazonaws.com`, 'kms:CallerAccount': p.account };
  return [
    { ...key, expected: 'Allowed', reason: 'the deploying administrator lets EFS create its grant through kms:ViaService', principal: `arn:aws:iam::${p.account}:role/cdk-cfn-exec-role`, action: 'kms:CreateGrant', context: viaEfs, identityPolicies: [ADMIN_POLICY] },
    { ...key, expected: 'Denied', reason: 'a principal of another account cannot use the key through EFS', principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, action: 'kms:CreateGrant', context: { ...viaEfs, 'kms:CallerAccount': OTHER_ACCOUNT }, identityPolicies: [ADMIN_POLICY] },
    { ...key, expected: 'Denied', reason: 'the EFS CSI node role needs no key access to mount: EFS decrypts for it', principal: p.sessionArn(ID.csiNodeRole), action: 'kms:Decrypt', identityPolicies: p.identityPolicies(ID.csiNodeRole) },
    { ...key, expected: 'Denied', reason: 'a principal of this account without a KMS grant cannot decrypt directly', principal: `arn:aws:iam::${p.account}:role/worker`, action: 'kms:Decrypt' },
  ];
}

describe('contracts: the logs key', () => {
  contractTable(() => logsKeyRows(baselinePolicies()));
});

describe('contracts: the logs key for every log group of the account (logsKeyForAllLogGroups)', () => {
  contractTable(() => {
    const p = baselinePolicies({ encryption: { logsKeyForAllLogGroups: true } });
    const key = { resource: p.arn('AWS::KMS::Key', ID.logsKey), resourcePolicy: p.keyPolicy(ID.logsKey), principal: `logs.${p.region}.amazonaws.com`, action: 'kms:Encrypt' };
    const rows: ContractRow[] = [
      { ...key, expected: 'Allowed', reason: 'an application repo\'s log group of this account may use the key', context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${p.region}:${p.account}:log-group:/aws/lambda/worker` } },
      { ...key, expected: 'Denied', reason: 'a log group of another account still may not', context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${p.region}:${OTHER_ACCOUNT}:log-group:/aws/lambda/worker` } },
    ];
    return rows;
  });
});

describe('contracts: the file system key', () => {
  contractTable(() => fileSystemKeyRows(baselinePolicies()));
});
