import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as defaults from './defaults';
import { EfsCsiDriverTrust } from '../eks/efs-csi-driver-trust';
import { MonitoringConfig, resolveMonitoringConfig } from '../monitoring/monitoring-config';
import { NatGateways } from '../network/network-props';
import type { NuminiaBaselineProps } from '../numinia-baseline-props';
import { defaultParameterPrefix } from '../sharing/parameter-names';

/**
 * The props with every default filled in: what the areas build from. Validation reads it too, so that a
 * default and a user value are checked the same way.
 */
export interface BaselineConfig {
  readonly environment: string;
  readonly project: string;
  readonly network: {
    readonly cidr: string;
    /** Undefined when neither the props nor a concrete stack region give them (a validation error). */
    readonly availabilityZones?: string[];
    readonly publicSubnetCidrs: string[];
    readonly privateSubnetCidrs: string[];
    readonly databaseSubnetCidrs: string[];
    readonly natGateways: NatGateways;
    readonly additionalInterfaceEndpoints: ec2.InterfaceVpcEndpointAwsService[];
    readonly additionalGatewayEndpoints: ec2.GatewayVpcEndpointAwsService[];
    readonly restrictDefaultSecurityGroup: boolean;
  };
  readonly encryption: {
    readonly rotationPeriod: Duration;
    readonly logsKeyForAllLogGroups: boolean;
  };
  readonly fileSystem: {
    readonly enabled: boolean;
    readonly performanceMode: efs.PerformanceMode;
    readonly throughputMode: efs.ThroughputMode;
    readonly automaticBackups: boolean;
    readonly csiDriverTrust: EfsCsiDriverTrust;
    readonly allowFromDatabaseTier: boolean;
    readonly allowMountsFromAccount: boolean;
    readonly clientRootAccess: boolean;
  };
  readonly bastion: {
    readonly enabled: boolean;
    readonly instanceType: ec2.InstanceType;
    readonly machineImage: ec2.IMachineImage;
    readonly rootDeviceName: string;
    readonly vpcSubnets: ec2.SubnetSelection;
    /** Also the clusters whose EFS CSI driver may use the driver's roles, so resolved with the bastion off too. */
    readonly eksClusterNames: string[];
  };
  readonly logging: {
    readonly flowLogRetention: logs.RetentionDays;
    readonly flowLogGroupName: string;
    readonly cloudTrail: {
      readonly enabled: boolean;
      readonly trailName: string;
      readonly logGroupName: string;
      readonly sendToCloudWatchLogs: boolean;
      readonly cloudWatchLogsRetention: logs.RetentionDays;
      readonly transitionToGlacierAfter: Duration;
      readonly expireAfter?: Duration;
    };
  };
  readonly sharing: {
    readonly publishParameters: boolean;
    readonly parameterPrefix: string;
  };
  readonly monitoring: MonitoringConfig;
  readonly tags: Record<string, string>;
}

export function resolveConfig(scope: Construct, props: NuminiaBaselineProps): BaselineConfig {
  const project = props.project ?? defaults.SEED_PROJECT;
  const region = Stack.of(scope).region;
  const trail = props.logging?.cloudTrail ?? {};
  return {
    environment: props.environment,
    project,
    network: {
      cidr: props.network?.cidr ?? defaults.SEED_VPC_CIDR,
      availabilityZones:
        props.network?.availabilityZones ??
        (Token.isUnresolved(region) ? undefined : defaults.SEED_AZ_SUFFIXES.map((suffix) => `${region}${suffix}`)),
      publicSubnetCidrs: props.network?.publicSubnetCidrs ?? defaults.SEED_PUBLIC_SUBNET_CIDRS,
      privateSubnetCidrs: props.network?.privateSubnetCidrs ?? defaults.SEED_PRIVATE_SUBNET_CIDRS,
      databaseSubnetCidrs: props.network?.databaseSubnetCidrs ?? [],
      natGateways: props.network?.natGateways ?? NatGateways.ONE_PER_AZ,
      additionalInterfaceEndpoints: props.network?.additionalInterfaceEndpoints ?? [],
      additionalGatewayEndpoints: props.network?.additionalGatewayEndpoints ?? [],
      restrictDefaultSecurityGroup: props.network?.restrictDefaultSecurityGroup ?? true,
    },
    encryption: {
      rotationPeriod: props.encryption?.rotationPeriod ?? Duration.days(defaults.SEED_KEY_ROTATION_DAYS),
      logsKeyForAllLogGroups: props.encryption?.logsKeyForAllLogGroups ?? false,
    },
    fileSystem: {
      enabled: props.fileSystem?.enabled ?? true,
      performanceMode: props.fileSystem?.performanceMode ?? efs.PerformanceMode.GENERAL_PURPOSE,
      throughputMode: props.fileSystem?.throughputMode ?? efs.ThroughputMode.BURSTING,
      automaticBackups: props.fileSystem?.automaticBackups ?? true,
      csiDriverTrust: props.fileSystem?.csiDriverTrust ?? EfsCsiDriverTrust.podIdentity(),
      allowFromDatabaseTier: props.fileSystem?.allowFromDatabaseTier ?? false,
      allowMountsFromAccount: props.fileSystem?.allowMountsFromAccount ?? false,
      clientRootAccess: props.fileSystem?.clientRootAccess ?? false,
    },
    bastion: {
      enabled: props.bastion?.enabled ?? true,
      instanceType: props.bastion?.instanceType ?? new ec2.InstanceType(defaults.SEED_BASTION_INSTANCE_TYPE),
      machineImage:
        props.bastion?.machineImage ?? ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.X86_64 }),
      rootDeviceName: props.bastion?.rootDeviceName ?? defaults.AMAZON_LINUX_ROOT_DEVICE,
      vpcSubnets: props.bastion?.vpcSubnets ?? { subnetGroupName: defaults.PRIVATE_SUBNET_GROUP, onePerAz: true },
      eksClusterNames: props.bastion?.eksClusterNames ?? [`${project}-*`],
    },
    logging: {
      flowLogRetention: props.logging?.flowLogRetention ?? logs.RetentionDays.ONE_MONTH,
      flowLogGroupName: defaults.flowLogGroupName(project, props.environment),
      cloudTrail: {
        enabled: trail.enabled ?? true,
        trailName: defaults.trailName(project, props.environment),
        logGroupName: defaults.trailLogGroupName(project, props.environment),
        sendToCloudWatchLogs: trail.sendToCloudWatchLogs ?? true,
        cloudWatchLogsRetention: trail.cloudWatchLogsRetention ?? logs.RetentionDays.ONE_YEAR,
        transitionToGlacierAfter: trail.transitionToGlacierAfter ?? Duration.days(defaults.TRAIL_BUCKET_GLACIER_AFTER_DAYS),
        expireAfter: trail.expireAfter,
      },
    },
    sharing: {
      publishParameters: props.sharing?.publishParameters ?? true,
      parameterPrefix: props.sharing?.parameterPrefix ?? defaultParameterPrefix(project, props.environment),
    },
    monitoring: resolveMonitoringConfig(props.monitoring),
    tags: props.tags ?? {},
  };
}
