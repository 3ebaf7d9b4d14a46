/**
 * The parameter names, relative to the prefix: the contract between the baseline and application repos.
 * Both the publishing and the importing side read them from here.
 */
export const PARAMETER = {
  vpcId: 'vpc/id',
  vpcCidr: 'vpc/cidr',
  availabilityZones: 'vpc/availability-zones',
  natPublicIps: 'nat/public-ips',
  publicSubnetIds: 'subnets/public/ids',
  privateSubnetIds: 'subnets/private/ids',
  databaseSubnetIds: 'subnets/database/ids',
  publicRouteTableIds: 'route-tables/public/ids',
  privateRouteTableIds: 'route-tables/private/ids',
  databaseRouteTableIds: 'route-tables/database/ids',
  fileSystemId: 'efs/file-system-id',
  fileSystemSecurityGroupId: 'efs/security-group-id',
  eksSecretsKeyArn: 'kms/eks-secrets-key-arn',
  fileSystemKeyArn: 'kms/file-system-key-arn',
  logsKeyArn: 'kms/logs-key-arn',
  efsCsiDriverRoleArn: 'iam/efs-csi-driver-role-arn',
  efsCsiNodeRoleArn: 'iam/efs-csi-node-role-arn',
  bastionRoleArn: 'iam/bastion-role-arn',
  bastionInstanceId: 'bastion/instance-id',
  bastionSecurityGroupId: 'bastion/security-group-id',
} as const;

/** `/<project>/<environment>/baseline/` */
export function defaultParameterPrefix(project: string, environment: string): string {
  return `/${project}/${environment}/baseline/`;
}

/** A prefix SSM accepts: letters, digits, `_.-/`, starting and ending with `/`. */
export const PARAMETER_PREFIX_PATTERN = /^\/[A-Za-z0-9_.\-/]*\/$/;
