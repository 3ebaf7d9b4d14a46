import { contractTable, ContractRow } from './contract';
import { TemplatePolicies } from './policies';
import { baselinePolicies, ID } from './templates';

/** What the bastion's role may do in EKS: describe the project's clusters, list clusters, nothing else. */
function bastionRows(p: TemplatePolicies): ContractRow[] {
  const bastion = { principal: p.sessionArn(ID.bastionRole), identityPolicies: p.identityPolicies(ID.bastionRole) };
  const cluster = (name: string, region = p.region) => `arn:aws:eks:${region}:${p.account}:cluster/${name}`;
  return [
    { ...bastion, expected: 'Allowed', reason: 'the bastion describes a cluster of the project (numinia-*)', action: 'eks:DescribeCluster', resource: cluster('numinia-production') },
    { ...bastion, expected: 'Allowed', reason: 'the bastion lists the node groups of a cluster of the project', action: 'eks:ListNodegroups', resource: cluster('numinia-production') },
    { ...bastion, expected: 'Allowed', reason: 'the bastion lists clusters (a call AWS only grants on *)', action: 'eks:ListClusters', resource: '*' },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot describe a cluster outside the project', action: 'eks:DescribeCluster', resource: cluster('payments') },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot describe a project cluster of another region', action: 'eks:DescribeCluster', resource: cluster('numinia-production', 'us-east-1') },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot delete a cluster of the project', action: 'eks:DeleteCluster', resource: cluster('numinia-production') },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot change a cluster\'s access entries', action: 'eks:CreateAccessEntry', resource: cluster('numinia-production') },
  ];
}

describe('contracts: the bastion role in EKS', () => {
  contractTable(() => bastionRows(baselinePolicies()));
});

describe('contracts: the bastion role with other cluster names', () => {
  contractTable(() => {
    const p = baselinePolicies({ bastion: { eksClusterNames: ['platform-*', 'tools'] } });
    const bastion = { principal: p.sessionArn(ID.bastionRole), identityPolicies: p.identityPolicies(ID.bastionRole) };
    const cluster = (name: string) => `arn:aws:eks:${p.region}:${p.account}:cluster/${name}`;
    const rows: ContractRow[] = [
      { ...bastion, expected: 'Allowed', reason: 'a cluster matching platform-* is described', action: 'eks:DescribeCluster', resource: cluster('platform-eu') },
      { ...bastion, expected: 'Allowed', reason: 'the cluster named tools is described', action: 'eks:DescribeCluster', resource: cluster('tools') },
      { ...bastion, expected: 'Denied', reason: 'tools-2 is not tools: exact names match exactly', action: 'eks:DescribeCluster', resource: cluster('tools-2') },
      { ...bastion, expected: 'Denied', reason: 'the default numinia-* pattern no longer applies', action: 'eks:DescribeCluster', resource: cluster('numinia-production') },
    ];
    return rows;
  });
});

/**
 * What the bastion's role may do in CloudWatch Logs: the SSM agent writes the patch install's Run Command output and
 * streams session output, each to its own log group of this baseline, and checks (DescribeLogGroups) that the session
 * log group is encrypted before a session starts (Session Manager's instance permissions,
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-iam-instance-profile.html).
 */
function operationsRows(p: TemplatePolicies, project = 'numinia', environment = 'production'): ContractRow[] {
  const bastion = { principal: p.sessionArn(ID.bastionRole), identityPolicies: p.identityPolicies(ID.bastionRole) };
  const stream = (group: string, region = p.region) => `arn:aws:logs:${region}:${p.account}:log-group:${group}:log-stream:i-0123456789abcdef0`;
  const sessions = `/${project}/${environment}/bastion-sessions`;
  const patching = `/${project}/${environment}/bastion-patching`;
  return [
    { ...bastion, expected: 'Allowed', reason: 'the agent streams a session\'s output to the session log group', action: 'logs:PutLogEvents', resource: stream(sessions) },
    { ...bastion, expected: 'Allowed', reason: 'the agent opens a stream for a session', action: 'logs:CreateLogStream', resource: stream(sessions) },
    { ...bastion, expected: 'Allowed', reason: 'the agent writes the patch install\'s output', action: 'logs:PutLogEvents', resource: stream(patching) },
    { ...bastion, expected: 'Allowed', reason: 'the agent checks the session log group\'s encryption', action: 'logs:DescribeLogGroups', resource: '*' },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot write to the trail\'s log group (forging audit events)', action: 'logs:PutLogEvents', resource: stream(`/${project}/${environment}/cloudtrail`) },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot write to the flow logs', action: 'logs:PutLogEvents', resource: stream(`/${project}/${environment}/vpc-flow-logs`) },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot write session logs of another region', action: 'logs:PutLogEvents', resource: stream(sessions, 'us-east-1') },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot delete its session logs', action: 'logs:DeleteLogGroup', resource: `arn:aws:logs:${p.region}:${p.account}:log-group:${sessions}:*` },
    { ...bastion, expected: 'Denied', reason: 'the bastion cannot change the session log group\'s retention', action: 'logs:PutRetentionPolicy', resource: `arn:aws:logs:${p.region}:${p.account}:log-group:${sessions}:*` },
    { ...bastion, expected: 'Denied', reason: 'session data is not KMS-encrypted by default, so the bastion needs no key', action: 'kms:Decrypt', resource: p.arn('AWS::KMS::Key', ID.logsKey), resourcePolicy: p.keyPolicy(ID.logsKey) },
  ];
}

describe('contracts: the bastion role in CloudWatch Logs (patching and session output)', () => {
  contractTable(() => operationsRows(baselinePolicies()));
});

describe('contracts: the bastion role with session data encrypted', () => {
  contractTable(() => {
    const p = baselinePolicies({ bastion: { sessionLogging: { encryptSessionData: true } } });
    const bastion = { principal: p.sessionArn(ID.bastionRole), identityPolicies: p.identityPolicies(ID.bastionRole) };
    const logsKey = { resource: p.arn('AWS::KMS::Key', ID.logsKey), resourcePolicy: p.keyPolicy(ID.logsKey) };
    const rows: ContractRow[] = [
      { ...bastion, ...logsKey, expected: 'Allowed', reason: 'the agent decrypts session data with the logs key', action: 'kms:Decrypt' },
      { ...bastion, ...logsKey, expected: 'Denied', reason: 'the bastion cannot encrypt with the logs key (only whoever starts a session does)', action: 'kms:GenerateDataKey' },
      { ...bastion, expected: 'Denied', reason: 'the bastion cannot use the file system key', action: 'kms:Decrypt', resource: p.arn('AWS::KMS::Key', ID.fileSystemKey), resourcePolicy: p.keyPolicy(ID.fileSystemKey) },
    ];
    return rows;
  });
});
