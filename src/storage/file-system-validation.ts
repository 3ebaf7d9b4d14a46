import * as efs from 'aws-cdk-lib/aws-efs';
import { FileSystemProps } from './file-system-props';
import { checkDisabledArea } from '../private/validation-helpers';

/** The file system's props: throughput and performance modes that EFS accepts together. */
export function checkFileSystemProps(props: FileSystemProps | undefined, hasDatabaseTier: boolean): string[] {
  const fs = props ?? {};
  const problems = checkDisabledArea('fileSystem', fs);
  const mode = fs.throughputMode ?? efs.ThroughputMode.BURSTING;
  if (mode === efs.ThroughputMode.PROVISIONED && fs.provisionedThroughputPerSecond === undefined) {
    problems.push('fileSystem.provisionedThroughputPerSecond: required with throughputMode PROVISIONED');
  }
  if (mode !== efs.ThroughputMode.PROVISIONED && fs.provisionedThroughputPerSecond !== undefined) {
    problems.push(`fileSystem.provisionedThroughputPerSecond: only applies with throughputMode PROVISIONED (got ${mode})`);
  }
  if (mode === efs.ThroughputMode.ELASTIC && fs.performanceMode === efs.PerformanceMode.MAX_IO) {
    problems.push('fileSystem.performanceMode: MAX_IO cannot be combined with throughputMode ELASTIC; use GENERAL_PURPOSE');
  }
  if (fs.allowFromDatabaseTier && !hasDatabaseTier) {
    problems.push('fileSystem.allowFromDatabaseTier: true, but there is no database tier (network.databaseSubnetCidrs); remove it or add the tier');
  }
  if (fs.allowFromDatabaseTier !== undefined && fs.allowedPeers !== undefined) {
    problems.push('fileSystem.allowFromDatabaseTier: set together with allowedPeers, which replaces the default peers; list the database CIDRs in allowedPeers instead');
  }
  return problems;
}
