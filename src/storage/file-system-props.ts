import { Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { EfsCsiDriverTrust } from '../eks/efs-csi-driver-trust';

/**
 * The shared EFS file system: Regional (a mount target in every private subnet), KMS-encrypted, retained.
 */
export interface FileSystemProps {
  /**
   * Create the file system (and the EFS CSI driver role that goes with it).
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Performance mode. Changing it replaces the file system (its data is kept, retained, but detached).
   *
   * @default efs.PerformanceMode.GENERAL_PURPOSE
   */
  readonly performanceMode?: efs.PerformanceMode;

  /**
   * Throughput mode.
   *
   * @default efs.ThroughputMode.BURSTING
   */
  readonly throughputMode?: efs.ThroughputMode;

  /**
   * Provisioned throughput, only with `throughputMode: efs.ThroughputMode.PROVISIONED` (which requires it).
   *
   * @default - none
   */
  readonly provisionedThroughputPerSecond?: Size;

  /**
   * Let AWS Backup take daily backups (the `aws/efs/automatic-backup-plan`).
   *
   * @default true
   */
  readonly automaticBackups?: boolean;

  /**
   * Move files not accessed for this long to Infrequent Access storage.
   *
   * @default - files stay in Standard storage
   */
  readonly lifecyclePolicy?: efs.LifecyclePolicy;

  /**
   * Who may reach NFS (TCP 2049) on the mount targets. Replaces the default, which never includes the public subnets.
   *
   * @default - the private subnets' CIDRs (where EKS nodes run), and the database tier's with `allowFromDatabaseTier`
   */
  readonly allowedPeers?: ec2.IPeer[];

  /**
   * Let the database tier reach NFS too (its subnets' CIDRs are added to the default peers). Needs a database tier.
   *
   * @default false
   */
  readonly allowFromDatabaseTier?: boolean;

  /**
   * Let any IAM principal of this account mount and write through a mount target over TLS, without a grant of its
   * own. By default only the EFS CSI driver's roles may, plus principals whose identity policies grant
   * `elasticfilesystem:ClientMount` (and `ClientWrite`) on the file system. Principals of other accounts never may.
   *
   * @default false
   */
  readonly allowMountsFromAccount?: boolean;

  /**
   * Let the principals that may mount also act as root (`elasticfilesystem:ClientRootAccess`). The EFS CSI driver's
   * access points set a POSIX user, so Kubernetes volumes do not need it.
   *
   * @default false
   */
  readonly clientRootAccess?: boolean;

  /**
   * How the EFS CSI driver's service accounts assume its roles.
   *
   * @default EfsCsiDriverTrust.podIdentity()
   */
  readonly csiDriverTrust?: EfsCsiDriverTrust;
}
