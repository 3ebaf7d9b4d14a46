import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as defaults from './defaults';
import { instanceScopedName } from './instance-scoped-names';
import { BastionTier, tierOfSelection } from '../access/bastion-placement';
import { EfsCsiDriverTrust } from '../eks/efs-csi-driver-trust';
import { FlowLogDestinations } from '../logging/logging-props';
import { MonitoringConfig, resolveMonitoringConfig } from '../monitoring/monitoring-config';
import { InterfaceEndpointPreset } from '../network/endpoint-presets';
import { NatGateways } from '../network/network-props';
import { S3EndpointPolicy } from '../network/s3-endpoint-policy';
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
    readonly interfaceEndpointPresets: InterfaceEndpointPreset[];
    readonly s3EndpointPolicy: S3EndpointPolicy;
    readonly restrictDefaultSecurityGroup: boolean;
    readonly networkAcls: boolean;
    readonly privateTierInboundPorts: ec2.Port[];
    readonly publicSubnetTags: Record<string, string>;
    readonly privateSubnetTags: Record<string, string>;
    readonly databaseSubnetTags: Record<string, string>;
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
    /** Reach Systems Manager through the SSM interface endpoints (which the network then adds). */
    readonly ssmEndpoints: boolean;
    /** Also the clusters whose EFS CSI driver may use the driver's roles, so resolved with the bastion off too. */
    readonly eksClusterNames: string[];
  };
  readonly logging: {
    readonly flowLogs: {
      readonly retention: logs.RetentionDays;
      readonly logGroupName: string;
      readonly toCloudWatchLogs: boolean;
      readonly toS3: boolean;
      readonly logFormat?: ec2.LogFormat[];
      readonly maxAggregationInterval?: ec2.FlowLogMaxAggregationInterval;
    };
    readonly cloudTrail: {
      readonly enabled: boolean;
      readonly trailName: string;
      readonly logGroupName: string;
      readonly sendToCloudWatchLogs: boolean;
      readonly cloudWatchLogsRetention: logs.RetentionDays;
      readonly transitionToGlacierAfter: Duration;
      readonly expireAfter?: Duration;
      readonly homeRegion?: string;
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
  const natGateways = props.network?.natGateways ?? NatGateways.ONE_PER_AZ;
  const flowLogDestinations = props.logging?.flowLogDestinations ?? FlowLogDestinations.CLOUDWATCH_LOGS;
  const instanceType = props.bastion?.instanceType ?? new ec2.InstanceType(defaults.SEED_BASTION_INSTANCE_TYPE);
  const bastionSubnets = props.bastion?.vpcSubnets ?? { subnetGroupName: defaults.PRIVATE_SUBNET_GROUP, onePerAz: true };
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
      natGateways,
      additionalInterfaceEndpoints: props.network?.additionalInterfaceEndpoints ?? [],
      additionalGatewayEndpoints: props.network?.additionalGatewayEndpoints ?? [],
      interfaceEndpointPresets: props.network?.interfaceEndpointPresets ?? [],
      s3EndpointPolicy: props.network?.s3EndpointPolicy ?? S3EndpointPolicy.allowAll(),
      restrictDefaultSecurityGroup: props.network?.restrictDefaultSecurityGroup ?? true,
      networkAcls: props.network?.networkAcls ?? true,
      privateTierInboundPorts: props.network?.privateTierInboundPorts ?? [],
      publicSubnetTags: props.network?.publicSubnetTags ?? {},
      privateSubnetTags: props.network?.privateSubnetTags ?? {},
      databaseSubnetTags: props.network?.databaseSubnetTags ?? {},
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
      instanceType,
      machineImage: props.bastion?.machineImage ?? ec2.MachineImage.latestAmazonLinux2023({ cpuType: cpuTypeOf(instanceType) }),
      rootDeviceName: props.bastion?.rootDeviceName ?? defaults.AMAZON_LINUX_ROOT_DEVICE,
      vpcSubnets: bastionSubnets,
      ssmEndpoints: props.bastion?.ssmEndpoints ?? (natGateways === NatGateways.NONE || tierOfSelection(bastionSubnets) === BastionTier.ISOLATED),
      eksClusterNames: props.bastion?.eksClusterNames ?? defaults.defaultClusterNames(project, props.environment),
    },
    logging: {
      flowLogs: {
        retention: props.logging?.flowLogRetention ?? logs.RetentionDays.ONE_MONTH,
        logGroupName: instanceScopedName(scope, defaults.flowLogGroupName(project, props.environment)),
        toCloudWatchLogs: flowLogDestinations !== FlowLogDestinations.S3,
        toS3: flowLogDestinations !== FlowLogDestinations.CLOUDWATCH_LOGS,
        logFormat: props.logging?.flowLogFormat,
        maxAggregationInterval: props.logging?.flowLogAggregationInterval,
      },
      cloudTrail: {
        enabled: trail.enabled ?? true,
        trailName: defaults.trailName(project, props.environment),
        logGroupName: instanceScopedName(scope, defaults.trailLogGroupName(project, props.environment)),
        sendToCloudWatchLogs: trail.sendToCloudWatchLogs ?? true,
        cloudWatchLogsRetention: trail.cloudWatchLogsRetention ?? logs.RetentionDays.ONE_YEAR,
        transitionToGlacierAfter: trail.transitionToGlacierAfter ?? Duration.days(defaults.TRAIL_BUCKET_GLACIER_AFTER_DAYS),
        expireAfter: trail.expireAfter,
        homeRegion: trail.homeRegion,
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

/** The Amazon Linux CPU type of an instance type (Graviton families such as t4g and m7g are arm64). */
function cpuTypeOf(instanceType: ec2.InstanceType): ec2.AmazonLinuxCpuType {
  if (Token.isUnresolved(instanceType.toString())) {
    return ec2.AmazonLinuxCpuType.X86_64;
  }
  return instanceType.architecture === ec2.InstanceArchitecture.ARM_64 ? ec2.AmazonLinuxCpuType.ARM_64 : ec2.AmazonLinuxCpuType.X86_64;
}
