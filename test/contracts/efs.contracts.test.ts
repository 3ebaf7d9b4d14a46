import { ADMIN_POLICY, anonymousPrincipal, contractTable, ContractRow, OTHER_ACCOUNT } from './contract';
import { TemplatePolicies } from './policies';
import { baselinePolicies, ID } from './templates';

/**
 * Who may mount the file system, evaluated against its file system policy (and the principals' identity policies).
 * EFS authorizes an NFS client that mounts with the `iam` option as the IAM principal it presents, and one without it
 * as anonymous; `aws:SecureTransport` is true for TLS mounts and `elasticfilesystem:AccessedViaMountTarget` for mounts
 * through a mount target (https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html).
 */
const overTls = { 'aws:SecureTransport': 'true', 'elasticfilesystem:AccessedViaMountTarget': 'true' };

function mountRows(p: TemplatePolicies): ContractRow[] {
  const fileSystem = p.arn('AWS::EFS::FileSystem', ID.fileSystem);
  const resourcePolicy = p.fileSystemPolicy(ID.fileSystem);
  const node = p.sessionArn(ID.csiNodeRole);
  const controller = p.sessionArn(ID.csiControllerRole);
  const row = (r: Omit<ContractRow, 'resource' | 'resourcePolicy'>): ContractRow => ({ resource: fileSystem, resourcePolicy, ...r });
  const otherAccountAdmin = `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Admin/session`;
  const accountWorker = `arn:aws:sts::${p.account}:assumed-role/worker/session`;
  return [
    row({ expected: 'Allowed', reason: 'the CSI node pods mount through a mount target over TLS (the iam mount option)', principal: node, action: 'elasticfilesystem:ClientMount', context: overTls, identityPolicies: p.identityPolicies(ID.csiNodeRole) }),
    row({ expected: 'Allowed', reason: 'the CSI node pods write through a mount target over TLS', principal: node, action: 'elasticfilesystem:ClientWrite', context: overTls, identityPolicies: p.identityPolicies(ID.csiNodeRole) }),
    row({ expected: 'Allowed', reason: 'the CSI controller mounts through a mount target over TLS', principal: controller, action: 'elasticfilesystem:ClientMount', context: overTls, identityPolicies: p.identityPolicies(ID.csiControllerRole) }),
    row({ expected: 'ExplicitlyDenied', reason: 'the CSI node pods without TLS are refused (encryption in transit)', principal: node, action: 'elasticfilesystem:ClientMount', context: { ...overTls, 'aws:SecureTransport': 'false' }, identityPolicies: p.identityPolicies(ID.csiNodeRole) }),
    row({ expected: 'Denied', reason: 'the CSI node pods not through a mount target are refused', principal: node, action: 'elasticfilesystem:ClientMount', context: { ...overTls, 'elasticfilesystem:AccessedViaMountTarget': 'false' } }),
    row({ expected: 'Denied', reason: 'the CSI node pods get no root access unless asked', principal: node, action: 'elasticfilesystem:ClientRootAccess', context: overTls, identityPolicies: p.identityPolicies(ID.csiNodeRole) }),
    row({ expected: 'Denied', reason: 'an anonymous client (no iam mount option) cannot mount', principal: anonymousPrincipal, action: 'elasticfilesystem:ClientMount', context: overTls }),
    row({ expected: 'Denied', reason: 'an anonymous client cannot write', principal: anonymousPrincipal, action: 'elasticfilesystem:ClientWrite', context: overTls }),
    row({ expected: 'Denied', reason: 'an anonymous client cannot act as root', principal: anonymousPrincipal, action: 'elasticfilesystem:ClientRootAccess', context: overTls }),
    row({ expected: 'Denied', reason: 'an administrator of another account cannot mount', principal: otherAccountAdmin, action: 'elasticfilesystem:ClientMount', context: overTls, identityPolicies: [ADMIN_POLICY] }),
    row({ expected: 'Denied', reason: 'an administrator of another account cannot write', principal: otherAccountAdmin, action: 'elasticfilesystem:ClientWrite', context: overTls, identityPolicies: [ADMIN_POLICY] }),
    row({ expected: 'Denied', reason: 'an administrator of another account cannot act as root', principal: otherAccountAdmin, action: 'elasticfilesystem:ClientRootAccess', context: overTls, identityPolicies: [ADMIN_POLICY] }),
    row({ expected: 'Denied', reason: 'a principal of this account without EFS grants cannot mount unless the user asks', principal: accountWorker, action: 'elasticfilesystem:ClientMount', context: overTls }),
    row({ expected: 'Allowed', reason: 'a principal of this account whose own policy grants ClientMount can mount (same-account IAM)', principal: accountWorker, action: 'elasticfilesystem:ClientMount', context: overTls, identityPolicies: [{ name: 'mount', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'elasticfilesystem:ClientMount', Resource: fileSystem }] } }] }),
  ];
}

function optionRows(p: TemplatePolicies): ContractRow[] {
  const fileSystem = p.arn('AWS::EFS::FileSystem', ID.fileSystem);
  const resourcePolicy = p.fileSystemPolicy(ID.fileSystem);
  const row = (r: Omit<ContractRow, 'resource' | 'resourcePolicy'>): ContractRow => ({ resource: fileSystem, resourcePolicy, ...r });
  return [
    row({ expected: 'Allowed', reason: 'with allowMountsFromAccount, a principal of this account without grants mounts over TLS', principal: `arn:aws:sts::${p.account}:assumed-role/worker/session`, action: 'elasticfilesystem:ClientWrite', context: overTls }),
    row({ expected: 'ExplicitlyDenied', reason: 'with allowMountsFromAccount, a principal of this account still needs TLS', principal: `arn:aws:sts::${p.account}:assumed-role/worker/session`, action: 'elasticfilesystem:ClientMount', context: { ...overTls, 'aws:SecureTransport': 'false' } }),
    row({ expected: 'Denied', reason: 'with allowMountsFromAccount, another account still cannot mount', principal: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Admin/session`, action: 'elasticfilesystem:ClientMount', context: overTls, identityPolicies: [ADMIN_POLICY] }),
    row({ expected: 'Allowed', reason: 'with clientRootAccess, the CSI node pods act as root', principal: p.sessionArn(ID.csiNodeRole), action: 'elasticfilesystem:ClientRootAccess', context: overTls }),
  ];
}

describe('contracts: EFS mounts, default baseline', () => {
  contractTable(() => mountRows(baselinePolicies()));
});

describe('contracts: EFS mounts, with allowMountsFromAccount and clientRootAccess', () => {
  contractTable(() => optionRows(baselinePolicies({ fileSystem: { allowMountsFromAccount: true, clientRootAccess: true } })));
});
