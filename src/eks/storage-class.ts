/** Options of the StorageClass the EFS CSI driver provisions volumes with. */
export interface StorageClassOptions {
  readonly name: string;
  readonly fileSystemId: string;
}

/**
 * The document's StorageClass: dynamic provisioning of an access point per volume (aws-efs-csi-driver docs/README.md,
 * "Storage Class Parameters for Dynamic Provisioning"), Immediate binding, Retain.
 */
export function efsStorageClassManifest({ name, fileSystemId }: StorageClassOptions): { [key: string]: any } {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner: 'efs.csi.aws.com',
    parameters: { provisioningMode: 'efs-ap', fileSystemId, directoryPerms: '700' },
    // tls: encryption in transit (the file system refuses anything else); iam: the node pod authenticates with its own
    // role, which the file system policy lets mount ("iam: Use the CSI Node Pod's IAM identity", aws-efs-csi-driver).
    mountOptions: ['tls', 'iam'],
    // Immediate: volumes exist as soon as they are claimed; Retain: deleting a claim never deletes data.
    volumeBindingMode: 'Immediate',
    reclaimPolicy: 'Retain',
  };
}
