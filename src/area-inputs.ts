import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BastionAreaProps } from './access/bastion';
import { bastionLogGroupNames } from './access/bastion-config';
import type { BaselineConfig } from './baseline-config';
import { Keys, KeysProps } from './encryption/keys';
import { baselineLogGroupNames } from './logging/logging-config';
import { interfaceEndpointsOf, natGatewaysOf } from './monitoring/monitored-resources';
import { MonitoringAreaProps } from './monitoring/monitoring';
import { NetworkAreaProps } from './network/network';
import type { NuminiaBaselineProps } from './numinia-baseline-props';
import { isTrailConditional } from './private/conditional-trail';
import { isWithoutAssets } from './private/without-assets';
import { PublishedParametersProps, PublishedResources } from './sharing/published-parameters';
import { StorageAreaProps } from './storage/file-system';

/**
 * What the recipe gives each area: the area's own config, and what the areas built before it. One function per area,
 * so that the recipe (NuminiaBaseline's constructor) reads as the list of areas it asks.
 */

/** The keys serve the log groups this baseline creates (the trail's only where it holds the account's trail). */
export function keysInputs(config: BaselineConfig, props: NuminiaBaselineProps, trailHere: boolean): KeysProps {
  return {
    project: config.project,
    environment: config.environment,
    rotationPeriod: config.encryption.rotationPeriod,
    byo: props.encryption ?? {},
    fileSystemEnabled: config.fileSystem.enabled,
    logGroupNames: [...baselineLogGroupNames(config.logging, trailHere), ...bastionLogGroupNames(config.bastion)],
    flowLogsToS3: config.logging.flowLogs.toS3,
    logsKeyForAllLogGroups: config.encryption.logsKeyForAllLogGroups,
    trailName: trailHere ? config.logging.cloudTrail.trailName : undefined,
  };
}

/** The network, with Session Manager's endpoints when the bastion reaches Systems Manager through them. */
export function networkInputs(config: BaselineConfig, logsKey: kms.IKey, flowLogBucket: s3.IBucket | undefined): NetworkAreaProps {
  return {
    config: config.network,
    availabilityZones: config.network.availabilityZones!,
    flowLogs: config.logging.flowLogs,
    flowLogBucket,
    logsKey,
    ssmEndpoints: config.bastion.enabled && config.bastion.ssmEndpoints,
  };
}

/** The file system, open to the tiers its config allows. */
export function storageInputs(config: BaselineConfig, props: NuminiaBaselineProps, vpc: ec2.IVpc, key: kms.IKey): StorageAreaProps {
  return {
    config: config.fileSystem,
    props: props.fileSystem ?? {},
    vpc,
    privateSubnetCidrs: config.network.privateSubnetCidrs,
    databaseSubnetCidrs: config.network.databaseSubnetCidrs,
    key,
  };
}

/** The bastion, whose HTTPS egress goes to the endpoints' security group when it uses them. */
export function bastionInputs(scope: Construct, config: BaselineConfig, vpc: ec2.IVpc, endpointSecurityGroup: ec2.ISecurityGroup,
  keys: Keys): BastionAreaProps {
  return {
    logsKey: keys.logs,
    logsKeyAlias: keys.logsAlias,
    description: `${config.project} ${config.environment}`,
    config: config.bastion,
    vpc,
    ssmEndpointsSecurityGroup: config.bastion.ssmEndpoints ? endpointSecurityGroup : undefined,
    withoutAssets: isWithoutAssets(scope),
  };
}

/** What monitoring watches: the areas' resources, as the baseline exposes them once built. */
export interface MonitoredAreas {
  readonly vpc: ec2.IVpc;
  readonly fileSystem?: efs.IFileSystem;
  readonly bastion?: ec2.IInstance;
  readonly trailLogGroup?: logs.ILogGroup;
}

/** Monitoring: alarms on what the areas built (the trail's delivery only where this baseline holds the trail). */
export function monitoringInputs(areas: Construct & MonitoredAreas, config: BaselineConfig, trailHeldElsewhere: boolean): MonitoringAreaProps {
  const { performanceMode, throughputMode } = config.fileSystem;
  return {
    config: config.monitoring,
    project: config.project,
    environment: config.environment,
    rotationPeriod: config.encryption.rotationPeriod,
    natGateways: natGatewaysOf(areas.vpc),
    endpoints: interfaceEndpointsOf(areas.vpc),
    fileSystem: areas.fileSystem && { fileSystemId: areas.fileSystem.fileSystemId, performanceMode, throughputMode },
    bastionInstanceId: areas.bastion?.instanceId,
    bastionPatched: config.bastion.patching?.operatingSystem !== undefined,
    trailLogGroup: areas.trailLogGroup,
    trailHeldElsewhere,
    trailConditional: isTrailConditional(areas),
  };
}

/** The parameters application repos import. */
export function sharingInputs(config: BaselineConfig, resources: PublishedResources): PublishedParametersProps {
  return {
    prefix: config.sharing.parameterPrefix,
    vpcCidr: config.network.cidr,
    availabilityZones: config.network.availabilityZones!,
    hasDatabaseTier: config.network.databaseSubnetCidrs.length > 0,
    resources,
  };
}
