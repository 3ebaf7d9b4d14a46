import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { BastionClusterAccess, BastionClusterAccessOptions, EfsCsiDriverAddon, EfsCsiDriverAddonOptions } from './efs-csi-driver';

/** What both the baseline and its imported form offer to wire a cluster: one implementation for the two. */
export interface ClusterWiringSource {
  readonly efsCsiDriverRole?: iam.IRole;
  readonly fileSystemId?: string;
  readonly bastionRole?: iam.IRole;
}

export function addEfsCsiDriverAddon(
  scope: Construct, id: string, source: ClusterWiringSource, clusterName: string, options: EfsCsiDriverAddonOptions = {},
): EfsCsiDriverAddon {
  if (!source.efsCsiDriverRole || source.fileSystemId === undefined) {
    throw new Error('addEfsCsiDriverAddon: this baseline has no file system (fileSystem.enabled is false)');
  }
  return new EfsCsiDriverAddon(scope, id, { ...options, clusterName, role: source.efsCsiDriverRole, fileSystemId: source.fileSystemId });
}

export function grantBastionClusterAccess(
  scope: Construct, id: string, source: ClusterWiringSource, clusterName: string, options: BastionClusterAccessOptions = {},
): BastionClusterAccess {
  if (!source.bastionRole) {
    throw new Error('grantBastionClusterAccess: this baseline has no bastion (bastion.enabled is false)');
  }
  return new BastionClusterAccess(scope, id, { ...options, clusterName, role: source.bastionRole });
}
