import { Aws } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The add-on's controller service account, which the pod identity association binds to the role. */
const CONTROLLER_SERVICE_ACCOUNT = 'efs-csi-controller-sa';

/**
 * Options of the EFS CSI driver add-on.
 */
export interface EfsCsiDriverAddonOptions {
  /**
   * The add-on version.
   *
   * @default - the default version for the cluster's Kubernetes version
   */
  readonly addonVersion?: string;

  /**
   * The StorageClass name.
   *
   * @default efs-sc
   */
  readonly storageClassName?: string;
}

/**
 * Props of `EfsCsiDriverAddon`.
 */
export interface EfsCsiDriverAddonProps extends EfsCsiDriverAddonOptions {
  /**
   * The EKS cluster's name (`cluster.clusterName` of an aws-cdk-lib EKS cluster, or the name of one made elsewhere).
   */
  readonly clusterName: string;

  /**
   * The EFS CSI driver role (`NuminiaBaseline.efsCsiDriverRole`, or `ImportedBaseline.efsCsiDriverRole`),
   * trusting EKS Pod Identity.
   */
  readonly role: iam.IRole;

  /**
   * The file system the StorageClass provisions access points on.
   */
  readonly fileSystemId: string;
}

/**
 * The EFS CSI driver as an EKS add-on, its role attached through the add-on's own pod identity association, and the
 * StorageClass the document asks for (dynamic access points, Immediate binding, Retain).
 *
 * Apply `storageClassManifest` with `cluster.addManifest('EfsStorageClass', addon.storageClassManifest)` (aws-cdk-lib
 * EKS) or `kubectl apply`: the baseline does not reach into the cluster itself.
 */
export class EfsCsiDriverAddon extends Construct {
  /** The `AWS::EKS::Addon`. */
  public readonly addon: eks.CfnAddon;

  /** The Kubernetes StorageClass, as a manifest object. */
  public readonly storageClassManifest: { [key: string]: any };

  constructor(scope: Construct, id: string, props: EfsCsiDriverAddonProps) {
    super(scope, id);
    this.addon = new eks.CfnAddon(this, 'Addon', {
      clusterName: props.clusterName,
      addonName: 'aws-efs-csi-driver',
      addonVersion: props.addonVersion,
      podIdentityAssociations: [{ roleArn: props.role.roleArn, serviceAccount: CONTROLLER_SERVICE_ACCOUNT }],
      // Keep settings changed on the cluster when the add-on is updated by CloudFormation.
      resolveConflicts: 'PRESERVE',
    });
    this.storageClassManifest = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: props.storageClassName ?? 'efs-sc' },
      provisioner: 'efs.csi.aws.com',
      parameters: { provisioningMode: 'efs-ap', fileSystemId: props.fileSystemId, directoryPerms: '700' },
      // Immediate: volumes exist as soon as they are claimed; Retain: deleting a claim never deletes data.
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Retain',
    };
  }
}

/**
 * Options of the bastion's cluster access.
 */
export interface BastionClusterAccessOptions {
  /**
   * The EKS access policy to associate, cluster-wide.
   *
   * @default AmazonEKSViewPolicy (read-only)
   */
  readonly accessPolicyName?: string;
}

/**
 * Props of `BastionClusterAccess`.
 */
export interface BastionClusterAccessProps extends BastionClusterAccessOptions {
  /** The EKS cluster's name. */
  readonly clusterName: string;

  /** The bastion's role. */
  readonly role: iam.IRole;
}

/**
 * An EKS access entry that lets the bastion's role use the cluster's Kubernetes API (read-only by default).
 */
export class BastionClusterAccess extends Construct {
  /** The `AWS::EKS::AccessEntry`. */
  public readonly accessEntry: eks.CfnAccessEntry;

  constructor(scope: Construct, id: string, props: BastionClusterAccessProps) {
    super(scope, id);
    this.accessEntry = new eks.CfnAccessEntry(this, 'AccessEntry', {
      clusterName: props.clusterName,
      principalArn: props.role.roleArn,
      type: 'STANDARD',
      accessPolicies: [
        {
          policyArn: `arn:${Aws.PARTITION}:eks::aws:cluster-access-policy/${props.accessPolicyName ?? 'AmazonEKSViewPolicy'}`,
          accessScope: { type: 'cluster' },
        },
      ],
    });
  }
}
