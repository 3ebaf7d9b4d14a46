import * as iam from 'aws-cdk-lib/aws-iam';
import { ADMIN_POLICY, contractTable, ContractRow, OTHER_ACCOUNT } from './contract';
import { TemplatePolicies } from './policies';
import { SERVICE_REQUEST_CATALOGUE } from './service-request-catalogue';
import { contextOf } from './service-requests';
import { baselinePolicies, ID } from './templates';
import { EfsCsiDriverTrust } from '../../src';
import { baselineStack } from '../util';

/**
 * Who may assume the baseline's roles, evaluated against their trust policies. EKS Pod Identity assumes a role with
 * sts:AssumeRole and sts:TagSession and passes session tags naming the cluster, namespace and service account, and
 * nothing else (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html, pod-id-abac.html; the catalogue's
 * podIdentity request).
 */
function podIdentity(account: string, region: string, cluster: string, namespace: string, serviceAccount: string) {
  return contextOf(SERVICE_REQUEST_CATALOGUE.podIdentity, {
    'aws:RequestTag/eks-cluster-arn': `arn:aws:eks:${region}:${account}:cluster/${cluster}`,
    'aws:RequestTag/eks-cluster-name': cluster,
    'aws:RequestTag/kubernetes-namespace': namespace,
    'aws:RequestTag/kubernetes-service-account': serviceAccount,
    'aws:RequestTag/kubernetes-pod-name': 'efs-csi-0',
    'aws:RequestTag/kubernetes-pod-uid': '0f2c7a1e-3d5b-4e8a-9c61-7b2d4e6f8a90',
    'aws:TagKeys': ['eks-cluster-arn', 'eks-cluster-name', 'kubernetes-namespace', 'kubernetes-service-account', 'kubernetes-pod-name', 'kubernetes-pod-uid'],
  });
}

function podIdentityRows(p: TemplatePolicies): ContractRow[] {
  const pods = 'pods.eks.amazonaws.com';
  const controller = { resource: p.roleArn(ID.csiControllerRole), resourcePolicy: p.trustPolicy(ID.csiControllerRole), principal: pods };
  const node = { resource: p.roleArn(ID.csiNodeRole), resourcePolicy: p.trustPolicy(ID.csiNodeRole), principal: pods };
  const ours = (sa: string) => podIdentity(p.account, p.region, 'numinia-production', 'kube-system', sa);
  return [
    { ...controller, expected: 'Allowed', reason: 'Pod Identity gives the controller role to efs-csi-controller-sa of the environment\'s cluster', action: 'sts:AssumeRole', context: ours('efs-csi-controller-sa') },
    { ...controller, expected: 'Allowed', reason: 'Pod Identity gives the controller role on another cluster of the environment (numinia-production-*)', action: 'sts:AssumeRole', context: podIdentity(p.account, p.region, 'numinia-production-blue', 'kube-system', 'efs-csi-controller-sa') },
    { ...controller, expected: 'Denied', reason: 'a cluster of another environment in the same account (numinia-sandbox) cannot use the controller role', action: 'sts:AssumeRole', context: podIdentity(p.account, p.region, 'numinia-sandbox', 'kube-system', 'efs-csi-controller-sa') },
    { ...controller, expected: 'Denied', reason: 'an environment whose name only starts like this one (numinia-productionx) cannot use the controller role', action: 'sts:AssumeRole', context: podIdentity(p.account, p.region, 'numinia-productionx', 'kube-system', 'efs-csi-controller-sa') },
    { ...controller, expected: 'Allowed', reason: 'Pod Identity tags the controller\'s session', action: 'sts:TagSession', context: ours('efs-csi-controller-sa') },
    { ...controller, expected: 'Denied', reason: 'a cluster outside the bastion\'s eksClusterNames cannot use the controller role', action: 'sts:AssumeRole', context: podIdentity(p.account, p.region, 'payments', 'kube-system', 'efs-csi-controller-sa') },
    { ...controller, expected: 'Denied', reason: 'the environment\'s cluster in another region cannot use the controller role', action: 'sts:AssumeRole', context: podIdentity(p.account, 'us-east-1', 'numinia-production', 'kube-system', 'efs-csi-controller-sa') },
    { ...controller, expected: 'Denied', reason: 'another namespace cannot use the controller role', action: 'sts:AssumeRole', context: podIdentity(p.account, p.region, 'numinia-production', 'default', 'efs-csi-controller-sa') },
    { ...controller, expected: 'Denied', reason: 'another service account cannot use the controller role', action: 'sts:AssumeRole', context: ours('efs-csi-node-sa') },
    { ...controller, expected: 'Denied', reason: 'Pod Identity of another account cannot use the controller role', action: 'sts:AssumeRole', context: podIdentity(OTHER_ACCOUNT, p.region, 'numinia-production', 'kube-system', 'efs-csi-controller-sa') },
    { ...node, expected: 'Allowed', reason: 'Pod Identity gives the node role to efs-csi-node-sa of the environment\'s cluster', action: 'sts:AssumeRole', context: ours('efs-csi-node-sa') },
    { ...node, expected: 'Denied', reason: 'the controller\'s service account cannot use the node role', action: 'sts:AssumeRole', context: ours('efs-csi-controller-sa') },
    { ...node, expected: 'Denied', reason: 'a cluster outside the environment cannot use the node role', action: 'sts:AssumeRole', context: podIdentity(p.account, p.region, 'payments', 'kube-system', 'efs-csi-node-sa') },
    { ...controller, expected: 'Denied', reason: 'an administrator of the account cannot assume the controller role directly (only Pod Identity is trusted)', principal: `arn:aws:iam::${p.account}:role/Admin`, action: 'sts:AssumeRole', identityPolicies: [ADMIN_POLICY] },
  ];
}

function serviceRows(p: TemplatePolicies): ContractRow[] {
  const flowLogs = { resource: p.roleArn(ID.flowLogRole), resourcePolicy: p.trustPolicy(ID.flowLogRole), principal: 'vpc-flow-logs.amazonaws.com', action: 'sts:AssumeRole' };
  const trailLogs = { resource: p.roleArn(ID.trailLogsRole), resourcePolicy: p.trustPolicy(ID.trailLogsRole), principal: 'cloudtrail.amazonaws.com', action: 'sts:AssumeRole' };
  const bastion = { resource: p.roleArn(ID.bastionRole), resourcePolicy: p.trustPolicy(ID.bastionRole), action: 'sts:AssumeRole' };
  const flowLogOf = (account: string) => `arn:aws:ec2:${p.region}:${account}:vpc-flow-log/fl-0123456789abcdef0`;
  return [
    { ...flowLogs, expected: 'Allowed', reason: 'VPC Flow Logs assumes the flow-log role for a flow log of this account', context: { 'aws:SourceAccount': p.account, 'aws:SourceArn': flowLogOf(p.account) } },
    { ...flowLogs, expected: 'Denied', reason: 'VPC Flow Logs acting for another account cannot assume the flow-log role (confused deputy)', context: { 'aws:SourceAccount': OTHER_ACCOUNT, 'aws:SourceArn': flowLogOf(OTHER_ACCOUNT) } },
    { ...flowLogs, expected: 'Denied', reason: 'VPC Flow Logs for something that is not a flow log cannot assume the flow-log role', context: { 'aws:SourceAccount': p.account, 'aws:SourceArn': `arn:aws:ec2:${p.region}:${p.account}:instance/i-0123456789abcdef0` } },
    // CloudTrail sends no source keys when it assumes this role (the catalogue's cloudTrailLogsRole): the request as AWS makes it.
    { ...trailLogs, expected: 'Allowed', reason: 'CloudTrail assumes the CloudWatch Logs delivery role, as it asks: without aws:SourceArn or aws:SourceAccount', context: contextOf(SERVICE_REQUEST_CATALOGUE.cloudTrailLogsRole, {}) },
    { ...trailLogs, expected: 'Denied', reason: 'an administrator of this account cannot assume the delivery role (only CloudTrail is trusted)', principal: `arn:aws:iam::${p.account}:role/Admin`, identityPolicies: [ADMIN_POLICY] },
    { ...bastion, expected: 'Allowed', reason: 'EC2 gives the bastion role to the bastion instance', principal: 'ec2.amazonaws.com' },
    { ...bastion, expected: 'Denied', reason: 'ECS tasks cannot assume the bastion role', principal: 'ecs-tasks.amazonaws.com' },
    { ...bastion, expected: 'Denied', reason: 'Lambda cannot assume the bastion role', principal: 'lambda.amazonaws.com' },
  ];
}

describe('contracts: Pod Identity trust of the EFS CSI driver roles', () => {
  contractTable(() => podIdentityRows(baselinePolicies()));
});

describe('contracts: service trust of the flow-log, CloudTrail and bastion roles', () => {
  contractTable(() => serviceRows(baselinePolicies()));
});

describe('contracts: IRSA trust of the EFS CSI driver role', () => {
  contractTable(() => {
    const providerArn = 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE';
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(baselineStack().stack, 'Provider', providerArn);
    const p = baselinePolicies({ fileSystem: { csiDriverTrust: EfsCsiDriverTrust.irsa(provider) } });
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE';
    const role = { resource: p.roleArn(ID.csiControllerRole), resourcePolicy: p.trustPolicy(ID.csiControllerRole), principal: providerArn, action: 'sts:AssumeRoleWithWebIdentity' };
    const sub = (sa: string) => ({ [`${issuer}:sub`]: `system:serviceaccount:${sa}`, [`${issuer}:aud`]: 'sts.amazonaws.com' });
    const rows: ContractRow[] = [
      { ...role, expected: 'Allowed', reason: 'the cluster\'s OIDC provider gives the role to kube-system/efs-csi-controller-sa', context: sub('kube-system:efs-csi-controller-sa') },
      { ...role, expected: 'Allowed', reason: 'the cluster\'s OIDC provider gives the role to kube-system/efs-csi-node-sa (the add-on annotates both)', context: sub('kube-system:efs-csi-node-sa') },
      { ...role, expected: 'Denied', reason: 'another service account of the cluster cannot use the role', context: sub('default:app') },
    ];
    return rows;
  });
});
