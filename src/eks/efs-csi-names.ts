/**
 * Names the EFS CSI driver add-on uses (aws-efs-csi-driver Helm chart defaults, which the EKS add-on keeps).
 */
export const EFS_CSI_NAMESPACE = 'kube-system';
export const EFS_CSI_CONTROLLER_SERVICE_ACCOUNT = 'efs-csi-controller-sa';
/** The node daemonset mounts volumes with its own credentials (the `iam` mount option). */
export const EFS_CSI_NODE_SERVICE_ACCOUNT = 'efs-csi-node-sa';
/** The tag the driver puts on the access points it creates, and requires before deleting one. */
export const EFS_CSI_CLUSTER_TAG = 'efs.csi.aws.com/cluster';
export const EFS_CSI_ADDON = 'aws-efs-csi-driver';
export const POD_IDENTITY_AGENT_ADDON = 'eks-pod-identity-agent';
