import { Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { EfsCsiDriverTrustType } from './efs-csi-driver-trust';
import { EFS_CSI_ADDON, EFS_CSI_CONTROLLER_SERVICE_ACCOUNT, EFS_CSI_NAMESPACE, EFS_CSI_NODE_SERVICE_ACCOUNT, POD_IDENTITY_AGENT_ADDON } from './efs-csi-names';
import { efsStorageClassManifest } from './storage-class';

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

  /**
   * Whether to install the `eks-pod-identity-agent` add-on, which EKS Pod Identity needs on every node
   * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html), and the driver after it.
   *
   * A cluster this app defines (aws-eks or aws-eks-v2) needs no answer: it is asked for its own agent
   * (`cluster.eksPodIdentityAgent`), which everything on it shares; `false` leaves it out (EKS Auto Mode runs the agent
   * itself). For a cluster made elsewhere the library cannot know whether the agent runs, and both wrong guesses break
   * only at deploy or run time (a second agent add-on fails to create; without one the driver's pods get no
   * credentials), so the choice is yours and synth refuses to guess: `true` installs it, `false` says the cluster has it
   * (installed by other means, or EKS Auto Mode). Not used with IRSA.
   *
   * @default - the cluster's own agent when this app defines the cluster; required for any other cluster
   */
  readonly installPodIdentityAgent?: boolean;

  /**
   * The `eks-pod-identity-agent` add-on version.
   *
   * @default - the default version for the cluster's Kubernetes version
   */
  readonly podIdentityAgentVersion?: string;
}

/**
 * Props of `EfsCsiDriverAddon`.
 */
export interface EfsCsiDriverAddonProps extends EfsCsiDriverAddonOptions {
  /**
   * The EKS cluster's name (`cluster.clusterName` of an aws-cdk-lib EKS cluster, or the name of one made elsewhere).
   */
  readonly clusterName: string;

  /** The controller's role (`NuminiaBaseline.efsCsiDriverRole`). */
  readonly role: iam.IRole;

  /**
   * The node daemonset's role (`NuminiaBaseline.efsCsiNodeRole`).
   *
   * @default - the controller's role
   */
  readonly nodeRole?: iam.IRole;

  /**
   * How the roles trust the pods.
   *
   * @default EfsCsiDriverTrustType.POD_IDENTITY
   */
  readonly trustType?: EfsCsiDriverTrustType;

  /** The file system the StorageClass provisions access points on. */
  readonly fileSystemId: string;

  /**
   * The cluster's own pod identity agent add-on, when the app defines it (`cluster.eksPodIdentityAgent` of an aws-eks
   * or aws-eks-v2 cluster): the driver is installed after it, and no second agent is created.
   *
   * @default - a new agent add-on, unless `installPodIdentityAgent` is false
   */
  readonly podIdentityAgent?: IConstruct;
}

/**
 * The EFS CSI driver as an EKS add-on with its roles (EKS Pod Identity, or IRSA), and the StorageClass the document
 * asks for (dynamic access points, Immediate binding, Retain, mounted with TLS and IAM).
 *
 * Apply `storageClassManifest` with `cluster.addManifest('EfsStorageClass', addon.storageClassManifest)` (aws-cdk-lib
 * EKS) or `kubectl apply`: the baseline does not reach into the cluster itself.
 */
export class EfsCsiDriverAddon extends Construct {
  /** The `AWS::EKS::Addon` of the driver. */
  public readonly addon: eks.CfnAddon;

  /**
   * The `AWS::EKS::Addon` of the pod identity agent, when this construct installs it.
   *
   * @default - undefined with IRSA, with `installPodIdentityAgent: false`, or when the cluster's own agent is used
   */
  public readonly podIdentityAgentAddon?: eks.CfnAddon;

  /**
   * The pod identity association of the node daemonset's service account (`efs-csi-node-sa`), made after the add-on:
   * the add-on declares a pod identity association for its controller's service account only, and EKS refuses one it
   * does not declare in the add-on's own `podIdentityAssociations`.
   *
   * @default - undefined with IRSA
   */
  public readonly nodePodIdentityAssociation?: eks.CfnPodIdentityAssociation;

  /** The Kubernetes StorageClass, as a manifest object. */
  public readonly storageClassManifest: { [key: string]: any };

  constructor(scope: Construct, id: string, props: EfsCsiDriverAddonProps) {
    super(scope, id);
    const podIdentity = (props.trustType ?? EfsCsiDriverTrustType.POD_IDENTITY) === EfsCsiDriverTrustType.POD_IDENTITY;
    if (!podIdentity && (props.installPodIdentityAgent !== undefined || props.podIdentityAgentVersion !== undefined)) {
      throw new Error('EfsCsiDriverAddon: installPodIdentityAgent and podIdentityAgentVersion apply to EKS Pod Identity only; the driver\'s roles trust IRSA');
    }
    if (podIdentity && props.podIdentityAgent === undefined && props.installPodIdentityAgent === undefined) {
      const cluster = Token.isUnresolved(props.clusterName) ? '(named at deploy time)' : props.clusterName;
      throw new Error(
        `addEfsCsiDriverAddon: the cluster ${cluster} is not defined in this app, so the library cannot tell whether it ` +
          'runs the eks-pod-identity-agent add-on, without which the driver gets no credentials; pass installPodIdentityAgent: true ' +
          'to install it, or false when the cluster has it already (installed elsewhere, or EKS Auto Mode)',
      );
    }
    // installPodIdentityAgent is set with Pod Identity only (refused with IRSA above).
    if (props.podIdentityAgent === undefined && props.installPodIdentityAgent) {
      this.podIdentityAgentAddon = new eks.CfnAddon(this, 'PodIdentityAgent', {
        clusterName: props.clusterName,
        addonName: POD_IDENTITY_AGENT_ADDON,
        addonVersion: props.podIdentityAgentVersion,
        resolveConflicts: 'PRESERVE',
        // Removing the stack must not take credentials away from every pod of the cluster.
        preserveOnDelete: true,
      });
    }
    const nodeRole = props.nodeRole ?? props.role;
    this.addon = new eks.CfnAddon(this, 'Addon', {
      clusterName: props.clusterName,
      addonName: EFS_CSI_ADDON,
      addonVersion: props.addonVersion,
      // Pod Identity: the add-on declares its controller's service account only (aws-efs-csi-driver#1759), and EKS refuses
      // an association the add-on does not declare; the node's association is made apart, below.
      // IRSA: the add-on annotates its service accounts with one role.
      podIdentityAssociations: podIdentity ? [{ roleArn: props.role.roleArn, serviceAccount: EFS_CSI_CONTROLLER_SERVICE_ACCOUNT }] : undefined,
      serviceAccountRoleArn: podIdentity ? undefined : props.role.roleArn,
      // Keep settings changed on the cluster when CloudFormation updates the add-on.
      resolveConflicts: 'PRESERVE',
      // Removing the stack must not unmount the volumes of running pods.
      preserveOnDelete: true,
    });
    // The associations only give credentials once the agent runs on the nodes.
    const agent = this.podIdentityAgentAddon ?? props.podIdentityAgent;
    if (podIdentity && agent) {
      this.addon.node.addDependency(agent);
    }
    if (podIdentity) {
      // The node daemonset mounts with its own credentials (the `iam` mount option).
      this.nodePodIdentityAssociation = new eks.CfnPodIdentityAssociation(this, 'NodePodIdentityAssociation', {
        clusterName: props.clusterName,
        namespace: EFS_CSI_NAMESPACE,
        serviceAccount: EFS_CSI_NODE_SERVICE_ACCOUNT,
        roleArn: nodeRole.roleArn,
      });
      this.nodePodIdentityAssociation.node.addDependency(this.addon);
    }
    this.storageClassManifest = efsStorageClassManifest({ name: props.storageClassName ?? 'efs-sc', fileSystemId: props.fileSystemId });
  }
}
