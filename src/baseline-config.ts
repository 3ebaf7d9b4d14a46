import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BastionConfig, resolveBastionConfig } from './access/bastion-config';
import { EncryptionConfig, resolveEncryptionConfig } from './encryption/encryption-config';
import { LoggingConfig, resolveLoggingConfig } from './logging/logging-config';
import { MonitoringConfig, resolveMonitoringConfig } from './monitoring/monitoring-config';
import { NetworkConfig, resolveNetworkConfig } from './network/network-config';
import type { NuminiaBaselineProps } from './numinia-baseline-props';
import * as defaults from './private/defaults';
import { resolveSharingConfig, SharingConfig } from './sharing/sharing-config';
import { FileSystemConfig, resolveFileSystemConfig } from './storage/file-system-config';

/**
 * The props with every default filled in, each area's part resolved by the area: what the areas build from. The
 * checks read it too, so that a default and a user value are checked the same way.
 */
export interface BaselineConfig {
  readonly environment: string;
  readonly project: string;
  readonly network: NetworkConfig;
  readonly encryption: EncryptionConfig;
  readonly fileSystem: FileSystemConfig;
  readonly bastion: BastionConfig;
  readonly logging: LoggingConfig;
  readonly sharing: SharingConfig;
  readonly monitoring: MonitoringConfig;
  readonly tags: Record<string, string>;
}

/** Asks each area for its config. */
export function resolveConfig(scope: Construct, props: NuminiaBaselineProps): BaselineConfig {
  const project = props.project ?? defaults.SEED_PROJECT;
  const environment = props.environment;
  const network = resolveNetworkConfig(props.network, Stack.of(scope).region);
  return {
    environment,
    project,
    network,
    encryption: resolveEncryptionConfig(props.encryption),
    fileSystem: resolveFileSystemConfig(props.fileSystem),
    bastion: resolveBastionConfig(props.bastion, { scope, project, environment, natGateways: network.natGateways }),
    logging: resolveLoggingConfig(scope, props.logging, project, environment),
    sharing: resolveSharingConfig(props.sharing, project, environment),
    monitoring: resolveMonitoringConfig(props.monitoring),
    tags: props.tags ?? {},
  };
}
