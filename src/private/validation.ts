import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BaselineConfig } from './config';
import * as defaults from './defaults';
import { show, ValidationWarning } from './validation-helpers';
import { checkBastionProps, clusterNameWarnings } from '../access/bastion-validation';
import { checkEncryptionProps } from '../encryption/encryption-validation';
import { checkLoggingProps } from '../logging/logging-validation';
import { checkMonitoringProps } from '../monitoring/monitoring-validation';
import { NatGateways } from '../network/network-props';
import { checkNetworkProps, defaultZoneWarnings } from '../network/network-validation';
import type { NuminiaBaselineProps } from '../numinia-baseline-props';
import { checkSharingProps } from '../sharing/sharing-validation';
import { checkFileSystemProps, checkNfsPeers, nfsPeerWarnings } from '../storage/file-system-validation';

/**
 * Checks every prop before any resource exists and reports every problem at once, one line each:
 * the property, the value received and what is allowed. Unresolved tokens are skipped: they are
 * only known at deploy time.
 */
export function validateBaselineProps(scope: Construct, props: NuminiaBaselineProps, config: BaselineConfig): void {
  const region = Stack.of(scope).region;
  const problems = [
    ...checkNames(props),
    ...checkTags(config.tags),
    ...checkTags(config.network.publicSubnetTags, 'network.publicSubnetTags'),
    ...checkTags(config.network.privateSubnetTags, 'network.privateSubnetTags'),
    ...checkTags(config.network.databaseSubnetTags, 'network.databaseSubnetTags'),
    ...checkNetworkProps(props.network, config.network, region),
    ...checkEncryptionProps(props.encryption, config.fileSystem.enabled, region, config.monitoring.enabled && !config.monitoring.alarmTopic),
    ...checkFileSystemProps(props.fileSystem, config.network.databaseSubnetCidrs.length > 0),
    ...checkNfsPeers(props.fileSystem?.allowedPeers),
    ...checkBastionProps(props.bastion, config.network.natGateways, config.bastion.ssmEndpoints),
    ...checkLoggingProps(props.logging),
    ...checkSharingProps(props.sharing),
    ...checkMonitoringProps(props.monitoring, {
      trailDelivers: config.logging.cloudTrail.enabled && config.logging.cloudTrail.sendToCloudWatchLogs,
      hasNatGateways: config.network.natGateways !== NatGateways.NONE,
      fileSystem: config.fileSystem.enabled ? config.fileSystem : undefined,
    }),
  ];
  if (problems.length > 0) {
    throw new Error(
      `Invalid NuminiaBaseline props (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
  const warnings: ValidationWarning[] = [
    ...nfsPeerWarnings(props.fileSystem?.allowedPeers, config.network.cidr),
    ...clusterNameWarnings(config.bastion.eksClusterNames),
    ...defaultZoneWarnings(props.network, region),
  ];
  for (const warning of warnings) {
    Annotations.of(scope).addWarningV2(`@numinia/cdk-baseline:${warning.id}`, warning.message);
  }
}

/** The environment and project names: tags, key aliases and parameter paths use them. Also checked by the import. */
export function checkNames(props: { readonly environment: string; readonly project?: string }): string[] {
  const problems: string[] = [];
  const named: Array<[string, unknown]> = [
    ['environment', props.environment],
    ['project', props.project ?? defaults.SEED_PROJECT],
  ];
  for (const [name, value] of named) {
    if (typeof value === 'string' && Token.isUnresolved(value)) {
      problems.push(`${name}: got a token; it names tags, key aliases and parameter paths at synth time, so it must be a literal string`);
    } else if (typeof value !== 'string' || !defaults.NAME_PATTERN.test(value)) {
      problems.push(`${name}: got ${show(value)}; expected ${defaults.NAME_RULE}`);
    }
  }
  return problems;
}

const RESERVED_TAG_KEYS = [defaults.TAG_ENVIRONMENT, defaults.TAG_PROJECT, defaults.TAG_MANAGED_BY];

/** Tags AWS accepts, and that do not fight the baseline's own; also the network's tags per subnet tier. */
export function checkTags(tags: Record<string, string>, name = 'tags'): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(tags)) {
    if (RESERVED_TAG_KEYS.includes(key)) {
      problems.push(`${name}.${key}: the baseline sets this tag itself (from environment/project); remove it from ${name}`);
    } else if (key.toLowerCase().startsWith('aws:')) {
      problems.push(`${name}.${key}: keys starting with "aws:" are reserved by AWS`);
    } else if (key.length === 0 || key.length > 128) {
      problems.push(`${name}: key ${show(key)} has ${key.length} characters; expected 1-128`);
    }
    if (typeof value !== 'string' || (!Token.isUnresolved(value) && value.length > 256)) {
      problems.push(`${name}.${key}: got ${show(value)}; expected a string of at most 256 characters`);
    }
  }
  return problems;
}
