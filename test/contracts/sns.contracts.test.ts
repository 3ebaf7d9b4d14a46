import { ADMIN_POLICY, anonymousPrincipal, contractTable, ContractRow, OTHER_ACCOUNT } from './contract';
import { TemplatePolicies } from './policies';
import { SERVICE_REQUEST_CATALOGUE } from './service-request-catalogue';
import { contextOf } from './service-requests';
import { baselinePolicies, ID } from './templates';

/**
 * Who may publish alarms to the alarm topic and use its key. CloudWatch sends `aws:SourceArn` (the alarm) and
 * `aws:SourceAccount` when it publishes (the catalogue's alarmNotification); for its request to the topic's key no AWS
 * document names a key (alarmTopicEncryption), so the key statement has no condition and the topic policy is where
 * alarms of other accounts are refused. EventBridge (the bastion's patch compliance rule) publishes and uses the key
 * without any condition: AWS supports none for it (eventBridgeToTopic, eventBridgeTopicEncryption). The account's own
 * principals get in through their IAM policies, and nothing publishes without TLS.
 */
const alarmOf = (region: string, account: string, name = 'numinia-production-cis-root-user-usage') => `arn:aws:cloudwatch:${region}:${account}:alarm:${name}`;

function topicKeyRows(p: TemplatePolicies): ContractRow[] {
  const key = { resource: p.arn('AWS::KMS::Key', ID.alarmTopicKey), resourcePolicy: p.keyPolicy(ID.alarmTopicKey) };
  const asCloudWatchAsks = contextOf(SERVICE_REQUEST_CATALOGUE.alarmTopicEncryption, {});
  const asEventBridgeAsks = contextOf(SERVICE_REQUEST_CATALOGUE.eventBridgeTopicEncryption, {});
  return [
    { ...key, expected: 'Allowed', reason: 'CloudWatch makes a data key for an alarm notification, as it asks (no documented context key)', principal: 'cloudwatch.amazonaws.com', action: 'kms:GenerateDataKey', context: asCloudWatchAsks },
    { ...key, expected: 'Allowed', reason: 'CloudWatch decrypts for an alarm notification', principal: 'cloudwatch.amazonaws.com', action: 'kms:Decrypt', context: asCloudWatchAsks },
    { ...key, expected: 'Denied', reason: 'CloudWatch may not do more than encrypt and decrypt (no grants)', principal: 'cloudwatch.amazonaws.com', action: 'kms:CreateGrant', context: {} },
    { ...key, expected: 'Allowed', reason: 'EventBridge makes a data key for the bastion\'s patch compliance rule, as it asks (no context key, AWS says)', principal: 'events.amazonaws.com', action: 'kms:GenerateDataKey', context: asEventBridgeAsks },
    { ...key, expected: 'Allowed', reason: 'EventBridge decrypts for the rule\'s notification', principal: 'events.amazonaws.com', action: 'kms:Decrypt', context: asEventBridgeAsks },
    { ...key, expected: 'Denied', reason: 'EventBridge may not do more than encrypt and decrypt (no grants)', principal: 'events.amazonaws.com', action: 'kms:CreateGrant', context: {} },
    { ...key, expected: 'Denied', reason: 'another service (S3 event notifications) cannot use the key', principal: 's3.amazonaws.com', action: 'kms:GenerateDataKey', context: {} },
    { ...key, expected: 'Denied', reason: 'a principal of this account without a KMS grant cannot decrypt alarm messages', principal: `arn:aws:iam::${p.account}:role/worker`, action: 'kms:Decrypt' },
    { ...key, expected: 'Allowed', reason: 'an administrator of this account can manage the key (the key policy delegates to IAM)', principal: `arn:aws:iam::${p.account}:role/Admin`, action: 'kms:PutKeyPolicy', identityPolicies: [ADMIN_POLICY] },
    { ...key, expected: 'Denied', reason: 'an administrator of another account cannot use the key', principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, action: 'kms:Decrypt', identityPolicies: [ADMIN_POLICY] },
  ];
}

function topicPolicyRows(p: TemplatePolicies): ContractRow[] {
  const topic = { resource: p.ref('AWS::SNS::Topic', ID.alarmTopic), resourcePolicy: p.topicPolicy(ID.alarmTopic), action: 'sns:Publish' };
  const fromAlarm = (account: string, alarmArn: string, tls = 'true') => ({ 'aws:SourceAccount': account, 'aws:SourceArn': alarmArn, 'aws:SecureTransport': tls });
  return [
    { ...topic, expected: 'Allowed', reason: 'CloudWatch publishes for an alarm of this account, over TLS', principal: 'cloudwatch.amazonaws.com', context: fromAlarm(p.account, alarmOf(p.region, p.account)) },
    { ...topic, expected: 'ExplicitlyDenied', reason: 'CloudWatch is refused without TLS', principal: 'cloudwatch.amazonaws.com', context: fromAlarm(p.account, alarmOf(p.region, p.account), 'false') },
    { ...topic, expected: 'Denied', reason: 'CloudWatch cannot publish for an alarm of another account', principal: 'cloudwatch.amazonaws.com', context: fromAlarm(OTHER_ACCOUNT, alarmOf(p.region, OTHER_ACCOUNT)) },
    { ...topic, expected: 'Denied', reason: 'CloudWatch cannot publish for an alarm of another region of this account', principal: 'cloudwatch.amazonaws.com', context: fromAlarm(p.account, alarmOf('us-east-1', p.account)) },
    { ...topic, expected: 'Allowed', reason: 'EventBridge publishes the bastion\'s patch compliance rule, over TLS (it sends no aws:SourceArn to SNS, AWS says)', principal: 'events.amazonaws.com', context: { ...contextOf(SERVICE_REQUEST_CATALOGUE.eventBridgeToTopic, {}), 'aws:SecureTransport': 'true' } },
    { ...topic, expected: 'ExplicitlyDenied', reason: 'EventBridge is refused without TLS', principal: 'events.amazonaws.com', context: { 'aws:SecureTransport': 'false' } },
    { ...topic, expected: 'Denied', reason: 'another service (S3 event notifications) cannot publish', principal: 's3.amazonaws.com', context: { 'aws:SecureTransport': 'true' } },
    { ...topic, expected: 'Allowed', reason: 'an administrator of this account publishes through IAM (a test notification)', principal: `arn:aws:iam::${p.account}:role/Admin`, context: { 'aws:SecureTransport': 'true' }, identityPolicies: [ADMIN_POLICY] },
    { ...topic, expected: 'ExplicitlyDenied', reason: 'an administrator of this account is refused without TLS', principal: `arn:aws:iam::${p.account}:role/Admin`, context: { 'aws:SecureTransport': 'false' }, identityPolicies: [ADMIN_POLICY] },
    { ...topic, expected: 'Denied', reason: 'a principal of this account without an IAM grant cannot publish', principal: `arn:aws:iam::${p.account}:role/worker`, context: { 'aws:SecureTransport': 'true' } },
    { ...topic, expected: 'Denied', reason: 'an administrator of another account cannot publish', principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, context: { 'aws:SecureTransport': 'true' }, identityPolicies: [ADMIN_POLICY] },
    { ...topic, expected: 'Denied', reason: 'an administrator of another account cannot subscribe to read the alarms', principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/Admin`, action: 'sns:Subscribe', context: { 'aws:SecureTransport': 'true' }, identityPolicies: [ADMIN_POLICY] },
    { ...topic, expected: 'Denied', reason: 'an anonymous caller cannot publish', principal: anonymousPrincipal, context: { 'aws:SecureTransport': 'true' }, identityPolicies: [] },
  ];
}

describe('contracts: the alarm topic\'s key', () => {
  contractTable(() => topicKeyRows(baselinePolicies()));
});

describe('contracts: the alarm topic\'s policy', () => {
  contractTable(() => topicPolicyRows(baselinePolicies()));
});
