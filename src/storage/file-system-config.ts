import * as efs from 'aws-cdk-lib/aws-efs';
import { FileSystemProps } from './file-system-props';
import { EfsCsiDriverTrust } from '../eks/efs-csi-driver-trust';

/** The file system's props with every default filled in. */
export interface FileSystemConfig {
  readonly enabled: boolean;
  readonly performanceMode: efs.PerformanceMode;
  readonly throughputMode: efs.ThroughputMode;
  readonly automaticBackups: boolean;
  readonly csiDriverTrust: EfsCsiDriverTrust;
  readonly allowFromDatabaseTier: boolean;
  readonly allowMountsFromAccount: boolean;
  readonly clientRootAccess: boolean;
}

/** The file system's config: on, general purpose and bursting, backed up, the CSI driver trusted through Pod Identity. */
export function resolveFileSystemConfig(props: FileSystemProps | undefined): FileSystemConfig {
  return {
    enabled: props?.enabled ?? true,
    performanceMode: props?.performanceMode ?? efs.PerformanceMode.GENERAL_PURPOSE,
    throughputMode: props?.throughputMode ?? efs.ThroughputMode.BURSTING,
    automaticBackups: props?.automaticBackups ?? true,
    csiDriverTrust: props?.csiDriverTrust ?? EfsCsiDriverTrust.podIdentity(),
    allowFromDatabaseTier: props?.allowFromDatabaseTier ?? false,
    allowMountsFromAccount: props?.allowMountsFromAccount ?? false,
    clientRootAccess: props?.clientRootAccess ?? false,
  };
}
