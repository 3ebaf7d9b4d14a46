import { Annotations, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { bastionLogGroupNames } from './access/bastion-config';
import { checkSessionLoggingProps, patchingWarnings } from './access/bastion-operations-validation';
import { checkBastionProps, clusterNameWarnings } from './access/bastion-validation';
import type { BaselineConfig } from './baseline-config';
import { checkEncryptionProps } from './encryption/encryption-validation';
import { checkLoggingProps } from './logging/logging-validation';
import { checkMonitoringProps } from './monitoring/monitoring-validation';
import { NatGateways } from './network/network-props';
import { checkNetworkProps, defaultZoneWarnings } from './network/network-validation';
import type { NuminiaBaselineProps } from './numinia-baseline-props';
import { claimLogGroupNames } from './private/uniqueness';
import { checkNames, checkTags, ValidationWarning } from './private/validation-helpers';
import { checkSharingProps } from './sharing/sharing-validation';
import { checkFileSystemProps, checkNfsPeers, nfsPeerWarnings } from './storage/file-system-validation';

/**
 * Asks each area for its problems before any resource exists and reports every problem at once, one line each: the
 * property, the value received and what is allowed. A rule that spans areas lives with the area that owns it and gets
 * what it needs as arguments. Unresolved tokens are skipped: they are only known at deploy time. Then the warnings.
 */
export function checkBaseline(scope: Construct, props: NuminiaBaselineProps, config: BaselineConfig): void {
  const region = Stack.of(scope).region;
  const { flowLogs, cloudTrail } = config.logging;
  const otherBaselinesGroups = claimLogGroupNames(scope, [flowLogs.logGroupName, cloudTrail.logGroupName, ...bastionLogGroupNames(config.bastion)]);
  const problems = [
    ...checkNames(props),
    ...checkTags(config.tags),
    ...checkNetworkProps(props.network, config.network, region),
    ...checkEncryptionProps(props.encryption, config.fileSystem.enabled, region, config.monitoring.enabled && !config.monitoring.alarmTopic),
    ...checkFileSystemProps(props.fileSystem, config.network.databaseSubnetCidrs.length > 0),
    ...checkNfsPeers(props.fileSystem?.allowedPeers),
    ...checkBastionProps(props.bastion, config.network.natGateways, config.bastion.ssmEndpoints),
    ...checkSessionLoggingProps(props.bastion?.sessionLogging, otherBaselinesGroups),
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
    ...patchingWarnings(config.bastion.patching),
    ...defaultZoneWarnings(props.network, region),
  ];
  for (const warning of warnings) {
    Annotations.of(scope).addWarningV2(`@numinia/cdk-baseline:${warning.id}`, warning.message);
  }
}
