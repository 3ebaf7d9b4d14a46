import { Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { EfsCsiDriverTrust } from '../access/efs-csi-driver-trust';

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
   * Who may reach NFS (TCP 2049) on the mount targets.
   *
   * @default - the VPC CIDR only
   */
  readonly allowedPeers?: ec2.IPeer[];

  /**
   * How the EFS CSI driver's service account assumes its role.
   *
   * @default EfsCsiDriverTrust.podIdentity()
   */
  readonly csiDriverTrust?: EfsCsiDriverTrust;
}
