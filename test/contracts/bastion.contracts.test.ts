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
