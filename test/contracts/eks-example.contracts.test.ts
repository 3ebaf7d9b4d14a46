import { Template } from 'aws-cdk-lib/assertions';
import { contractTable, ContractRow } from './contract';
import { SERVICE_REQUEST_CATALOGUE } from './service-request-catalogue';
import { contextOf } from './service-requests';
import { baselinePolicies, ID } from './templates';
import { buildEksApp, CLUSTER_NAME } from '../../examples/eks/app';

/**
 * The EKS example's requests against the production baseline's policies: what its add-on's pod identity associations
 * ask for (each service account, on the example's cluster) must be what the referenced role trusts, and the volume
 * the example's pod claims must mount (the node role, TLS and IAM as the StorageClass says).
 */
function exampleRows(): ContractRow[] {
  const example = Template.fromStack(buildEksApp().stack);
  const [addon] = Object.values(example.findResources('AWS::EKS::Addon', { Properties: { AddonName: 'aws-efs-csi-driver' } }));
  // The controller's association is the add-on's; the node's is an AWS::EKS::PodIdentityAssociation of its own.
  const associations = [
    ...addon.Properties.PodIdentityAssociations,
    ...Object.values(example.findResources('AWS::EKS::PodIdentityAssociation')).map((r) => r.Properties),
  ];
  const p = baselinePolicies();
  // The example reads each role from the baseline's parameters; this is the role each parameter holds.
  const roleOf = (parameter: string) => (/efscsinoderolearn/.test(parameter) ? ID.csiNodeRole : ID.csiControllerRole);
  const rows: ContractRow[] = associations.map((association: any) => {
    const role = roleOf(association.RoleArn.Ref);
    return {
      expected: 'Allowed',
      reason: `Pod Identity gives ${association.ServiceAccount} on the example's cluster its role`,
      principal: 'pods.eks.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: p.roleArn(role),
      resourcePolicy: p.trustPolicy(role),
      context: contextOf(SERVICE_REQUEST_CATALOGUE.podIdentity, {
        'aws:RequestTag/eks-cluster-arn': `arn:aws:eks:${p.region}:${p.account}:cluster/${CLUSTER_NAME}`,
        'aws:RequestTag/eks-cluster-name': CLUSTER_NAME,
        'aws:RequestTag/kubernetes-namespace': association.Namespace ?? 'kube-system',
        'aws:RequestTag/kubernetes-service-account': association.ServiceAccount,
      }),
    };
  });
  rows.push({
    expected: 'Allowed',
    reason: 'the driver\'s node pod mounts the example\'s claim with the StorageClass\'s tls and iam options',
    principal: p.sessionArn(ID.csiNodeRole),
    action: 'elasticfilesystem:ClientWrite',
    resource: p.arn('AWS::EFS::FileSystem', ID.fileSystem),
    resourcePolicy: p.fileSystemPolicy(ID.fileSystem),
    context: { 'aws:SecureTransport': 'true', 'elasticfilesystem:AccessedViaMountTarget': 'true' },
  });
  return rows;
}

describe('contracts: the EKS example on the production baseline', () => {
  test('the example asks for both service accounts', () => {
    expect(exampleRows().filter((r) => r.action === 'sts:AssumeRole').map((r) => r.reason)).toEqual([
      'Pod Identity gives efs-csi-controller-sa on the example\'s cluster its role',
      'Pod Identity gives efs-csi-node-sa on the example\'s cluster its role',
    ]);
  });
  contractTable(exampleRows);
});
