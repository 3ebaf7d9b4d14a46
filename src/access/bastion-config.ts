import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { BastionPatchingConfig, resolvePatchingConfig, resolveSessionLoggingConfig, SessionLoggingConfig } from './bastion-operations-config';
import { BastionTier, tierOfSelection } from './bastion-placement';
import { BastionProps } from './bastion-props';
import { NatGateways } from '../network/network-props';
import * as defaults from '../private/defaults';

/** The bastion's props with every default filled in. */
export interface BastionConfig {
  readonly enabled: boolean;
  readonly instanceType: ec2.InstanceType;
  readonly machineImage: ec2.IMachineImage;
  readonly rootDeviceName: string;
  readonly vpcSubnets: ec2.SubnetSelection;
  /** Reach Systems Manager through the SSM interface endpoints (which the network then adds). */
  readonly ssmEndpoints: boolean;
  /** Also the clusters whose EFS CSI driver may use the driver's roles, so resolved with the bastion off too. */
  readonly eksClusterNames: string[];
  /** Patch Manager's patching; undefined when it is off (or the bastion is). */
  readonly patching?: BastionPatchingConfig;
  /** Session Manager's logging; undefined when it is off (or the bastion is). */
  readonly sessionLogging?: SessionLoggingConfig;
}

/** What the bastion's defaults depend on outside its own props. */
export interface BastionContext {
  /** Where the bastion is made (its stack's region names the maintenance window's time zone). */
  readonly scope: Construct;
  readonly project: string;
  readonly environment: string;
  /** Without NAT, the bastion reaches Systems Manager through endpoints. */
  readonly natGateways: NatGateways;
}

/**
 * The bastion's config: the document's t3.micro on the latest Amazon Linux 2023 of its CPU, one private
 * subnet per zone, endpoints when nothing else leads to Systems Manager, the clusters named after the baseline.
 */
export function resolveBastionConfig(props: BastionProps | undefined, context: BastionContext): BastionConfig {
  const instanceType = props?.instanceType ?? new ec2.InstanceType(defaults.SEED_BASTION_INSTANCE_TYPE);
  const vpcSubnets = props?.vpcSubnets ?? { subnetGroupName: defaults.PRIVATE_SUBNET_GROUP, onePerAz: true };
  const enabled = props?.enabled ?? true;
  const { scope, project, environment } = context;
  return {
    enabled,
    instanceType,
    machineImage: props?.machineImage ?? ec2.MachineImage.latestAmazonLinux2023({ cpuType: cpuTypeOf(instanceType) }),
    rootDeviceName: props?.rootDeviceName ?? defaults.AMAZON_LINUX_ROOT_DEVICE,
    vpcSubnets,
    ssmEndpoints: props?.ssmEndpoints ?? (context.natGateways === NatGateways.NONE || tierOfSelection(vpcSubnets) === BastionTier.ISOLATED),
    eksClusterNames: props?.eksClusterNames ?? defaults.defaultClusterNames(project, environment),
    patching: enabled ? resolvePatchingConfig(scope, props?.patching, props?.machineImage, project, environment) : undefined,
    sessionLogging: enabled ? resolveSessionLoggingConfig(scope, props?.sessionLogging, project, environment) : undefined,
  };
}

/** The Amazon Linux CPU type of an instance type (Graviton families such as t4g and m7g are arm64). */
function cpuTypeOf(instanceType: ec2.InstanceType): ec2.AmazonLinuxCpuType {
  if (Token.isUnresolved(instanceType.toString())) {
    return ec2.AmazonLinuxCpuType.X86_64;
  }
  return instanceType.architecture === ec2.InstanceArchitecture.ARM_64 ? ec2.AmazonLinuxCpuType.ARM_64 : ec2.AmazonLinuxCpuType.X86_64;
}

/** The log groups of the bastion's operations, which the logs key serves. */
export function bastionLogGroupNames(config: BastionConfig): string[] {
  return [
    ...(config.patching?.operatingSystem ? [config.patching.logGroupName] : []),
    ...(config.sessionLogging ? [config.sessionLogging.logGroupName, config.sessionLogging.preferencesLogGroupName] : []),
  ];
}
