import { contractTable, ContractRow } from './contract';
import { TemplatePolicies } from './policies';
import { baselinePolicies, ID } from './templates';

/**
 * What the EFS CSI driver's roles may do to the EFS API: the controller provisions access points (dynamic
 * provisioning, `provisioningMode: efs-ap`), scoped as AWS's AmazonEFSCSIDriverPolicy scopes it
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEFSCSIDriverPolicy.html) and further to the
 * baseline's file system; the node role only mounts.
 */
const CLUSTER_TAG = 'efs.csi.aws.com/cluster';
const taggedCreate = { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true', 'aws:TagKeys': [CLUSTER_TAG] };

function controllerRows(p: TemplatePolicies): ContractRow[] {
  const fileSystem = p.arn('AWS::EFS::FileSystem', ID.fileSystem);
  const otherFileSystem = `arn:aws:elasticfilesystem:${p.region}:${p.account}:file-system/fs-0other0000000000`;
  const accessPoint = `arn:aws:elasticfilesystem:${p.region}:${p.account}:access-point/fsap-0123456789abcdef0`;
  const controller = { principal: p.sessionArn(ID.csiControllerRole), identityPolicies: p.identityPolicies(ID.csiControllerRole) };
  const node = { principal: p.sessionArn(ID.csiNodeRole), identityPolicies: p.identityPolicies(ID.csiNodeRole) };
  return [
    { ...controller, expected: 'Allowed', reason: 'the controller creates an access point on the baseline file system with its cluster tag', action: 'elasticfilesystem:CreateAccessPoint', resource: fileSystem, context: taggedCreate },
    { ...controller, expected: 'Allowed', reason: 'the controller tags the access point it is creating (tag on create)', action: 'elasticfilesystem:TagResource', resource: accessPoint, context: { ...taggedCreate, 'elasticfilesystem:CreateAction': 'CreateAccessPoint' } },
    { ...controller, expected: 'Denied', reason: 'the controller cannot create an access point without its cluster tag', action: 'elasticfilesystem:CreateAccessPoint', resource: fileSystem, context: { 'aws:TagKeys': [] } },
    { ...controller, expected: 'Denied', reason: 'the controller cannot add other tags while creating an access point', action: 'elasticfilesystem:CreateAccessPoint', resource: fileSystem, context: { ...taggedCreate, 'aws:RequestTag/owner': 'me', 'aws:TagKeys': [CLUSTER_TAG, 'owner'] } },
    { ...controller, expected: 'Denied', reason: 'the controller cannot create access points on another file system of the account', action: 'elasticfilesystem:CreateAccessPoint', resource: otherFileSystem, context: taggedCreate },
    { ...controller, expected: 'Denied', reason: 'the controller cannot tag an existing access point with the cluster tag (it could then delete it)', action: 'elasticfilesystem:TagResource', resource: accessPoint, context: taggedCreate },
    { ...controller, expected: 'Denied', reason: 'the controller cannot tag the file system', action: 'elasticfilesystem:TagResource', resource: fileSystem, context: taggedCreate },
    { ...controller, expected: 'Allowed', reason: 'the controller deletes an access point that carries its cluster tag', action: 'elasticfilesystem:DeleteAccessPoint', resource: accessPoint, context: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'true' } },
    { ...controller, expected: 'Denied', reason: 'the controller cannot delete an access point it did not create (no cluster tag)', action: 'elasticfilesystem:DeleteAccessPoint', resource: accessPoint, context: {} },
    { ...controller, expected: 'Allowed', reason: 'the controller describes the file system\'s mount targets', action: 'elasticfilesystem:DescribeMountTargets', resource: fileSystem },
    { ...controller, expected: 'Denied', reason: 'the controller cannot delete the file system', action: 'elasticfilesystem:DeleteFileSystem', resource: fileSystem },
    { ...controller, expected: 'Denied', reason: 'the controller cannot change the file system policy', action: 'elasticfilesystem:PutFileSystemPolicy', resource: fileSystem },
    { ...node, expected: 'Denied', reason: 'the node role cannot create access points (least privilege: it only mounts)', action: 'elasticfilesystem:CreateAccessPoint', resource: fileSystem, context: taggedCreate },
    { ...node, expected: 'Denied', reason: 'the node role cannot delete access points', action: 'elasticfilesystem:DeleteAccessPoint', resource: accessPoint, context: { [`aws:ResourceTag/${CLUSTER_TAG}`]: 'true' } },
  ];
}

describe('contracts: the EFS CSI driver roles', () => {
  contractTable(() => controllerRows(baselinePolicies()));
});
