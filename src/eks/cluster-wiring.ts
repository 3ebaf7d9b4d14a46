import { Annotations, Names, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { BastionClusterAccess, BastionClusterAccessOptions } from './bastion-cluster-access';
import { findKnownCluster, KnownCluster } from './cluster-discovery';
import { EfsCsiDriverAddon, EfsCsiDriverAddonOptions } from './efs-csi-driver-addon';
import { EfsCsiDriverTrustType } from './efs-csi-driver-trust';

/** What both the baseline and its imported form offer to wire a cluster: one implementation for the two. */
export interface ClusterWiringSource {
  /** The baseline (or imported baseline) construct, which names the wiring's scope. */
  readonly owner: Construct;
  readonly efsCsiDriverRole?: iam.IRole;
  readonly efsCsiNodeRole?: iam.IRole;
  readonly efsCsiDriverTrustType: EfsCsiDriverTrustType;
  readonly fileSystemId?: string;
  readonly bastionRole?: iam.IRole;
  readonly bastionSecurityGroup?: ec2.ISecurityGroup;
  /** Whether the bastion's egress goes to the VPC endpoints only (unknown for an imported baseline: true). */
  readonly bastionEgressLimited: boolean;
  /** The cluster names (or `*` patterns) the bastion role may describe and the driver's roles trust. */
  readonly clusterNames: string[];
}

/**
 * Where a cluster's wiring goes. Next to the baseline, under a scope of its own (so user IDs never collide with the
 * baseline's children); but in the cluster's stack when the cluster is in another stack of this app, so that the
 * baseline's stack never depends on an application's cluster (it would be a dependency cycle: the cluster's stack
 * already depends on the baseline's VPC).
 */
function wiringScope(source: ClusterWiringSource, clusterName: string): Construct {
  const cluster = findKnownCluster(clusterName);
  const home = cluster !== undefined && cluster.stack !== Stack.of(source.owner) ? cluster.stack : source.owner;
  const id = home === source.owner ? 'Clusters' : `${Names.uniqueId(source.owner)}Clusters`;
  return (home.node.tryFindChild(id) as Construct | undefined) ?? new Construct(home, id);
}

export function addEfsCsiDriverAddon(
  source: ClusterWiringSource, id: string, clusterName: string, options: EfsCsiDriverAddonOptions = {},
): EfsCsiDriverAddon {
  if (!source.efsCsiDriverRole || source.fileSystemId === undefined) {
    throw new Error('addEfsCsiDriverAddon: this baseline has no file system (fileSystem.enabled is false)');
  }
  const cluster = findKnownCluster(clusterName);
  const podIdentity = source.efsCsiDriverTrustType === EfsCsiDriverTrustType.POD_IDENTITY;
  if (podIdentity) {
    checkTrustedCluster(source, clusterName, cluster, 'addEfsCsiDriverAddon',
      'so the driver\'s roles would give its pods no credentials (their trust names bastion.eksClusterNames)');
  }
  return new EfsCsiDriverAddon(wiringScope(source, clusterName), id, {
    ...options,
    clusterName,
    role: source.efsCsiDriverRole,
    nodeRole: source.efsCsiNodeRole,
    trustType: source.efsCsiDriverTrustType,
    fileSystemId: source.fileSystemId,
    // A cluster of this app owns one agent add-on for everything on it that uses Pod Identity: reuse it.
    podIdentityAgent: podIdentity && cluster && options.installPodIdentityAgent !== false ? cluster.podIdentityAgent() : undefined,
  });
}

export function grantBastionClusterAccess(
  source: ClusterWiringSource, id: string, clusterName: string, options: BastionClusterAccessOptions = {},
): BastionClusterAccess {
  if (!source.bastionRole) {
    throw new Error('grantBastionClusterAccess: this baseline has no bastion (bastion.enabled is false)');
  }
  const cluster = findKnownCluster(clusterName);
  checkTrustedCluster(source, clusterName, cluster, 'grantBastionClusterAccess',
    'so it could not use the access entry (aws eks update-kubeconfig needs eks:DescribeCluster)');
  const authenticationMode = options.authenticationMode ?? cluster?.authenticationMode;
  return new BastionClusterAccess(wiringScope(source, clusterName), id, {
    ...options,
    authenticationMode,
    clusterName,
    role: source.bastionRole,
    clusterSecurityGroupId: options.clusterSecurityGroupId ?? cluster?.securityGroupId,
    bastionSecurityGroup: source.bastionSecurityGroup,
    bastionEgressLimited: source.bastionEgressLimited,
  });
}

/**
 * A cluster whose name the baseline's cluster names do not match cannot use what is wired to it: refused when the name
 * is known at synth time (a literal, or a cluster of this app named literally), a warning when it is not.
 */
function checkTrustedCluster(
  source: ClusterWiringSource, clusterName: string, cluster: KnownCluster | undefined, method: string, consequence: string,
): void {
  const name = Token.isUnresolved(clusterName) ? cluster?.name : clusterName;
  const names = source.clusterNames.join(', ');
  if (name === undefined) {
    Annotations.of(source.owner).addWarningV2('@numinia/cdk-baseline:clusterNameUnknown',
      `${method}: the cluster's name is not known at synth time, so it cannot be checked against bastion.eksClusterNames (${names}); ` +
        `a cluster whose name matches none of them is not trusted, ${consequence}`);
    return;
  }
  if (!source.clusterNames.some((pattern) => matchesPattern(name, pattern))) {
    throw new Error(
      `${method}: the cluster ${name} matches none of bastion.eksClusterNames (${names}), ${consequence}; ` +
        'name the cluster after the environment or add it to bastion.eksClusterNames',
    );
  }
}

/** IAM's `*` wildcard, as in the bastion's policy and the driver roles' trust. */
function matchesPattern(name: string, pattern: string): boolean {
  const expression = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${expression}$`).test(name);
}

/** The resources the wiring uses, as both the baseline and its imported form expose them. */
export interface WiredResources {
  readonly efsCsiDriverRole?: iam.IRole;
  readonly efsCsiNodeRole?: iam.IRole;
  readonly fileSystem?: efs.IFileSystem;
  readonly bastionRole?: iam.IRole;
  readonly bastionSecurityGroup?: ec2.ISecurityGroup;
}

/** The wiring source of a baseline or an imported baseline: the one interface both offer the cluster wiring. */
export function clusterWiringOf(
  owner: Construct & WiredResources, efsCsiDriverTrustType: EfsCsiDriverTrustType, bastionEgressLimited: boolean, clusterNames: string[],
): ClusterWiringSource {
  return {
    owner,
    efsCsiDriverRole: owner.efsCsiDriverRole,
    efsCsiNodeRole: owner.efsCsiNodeRole,
    efsCsiDriverTrustType,
    fileSystemId: owner.fileSystem?.fileSystemId,
    bastionRole: owner.bastionRole,
    bastionSecurityGroup: owner.bastionSecurityGroup,
    bastionEgressLimited,
    clusterNames,
  };
}
