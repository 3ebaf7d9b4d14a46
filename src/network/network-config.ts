import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { InterfaceEndpointPreset } from './endpoint-presets';
import { NatGateways, NetworkProps } from './network-props';
import { S3EndpointPolicy } from './s3-endpoint-policy';
import * as defaults from '../private/defaults';

/** The network props with every default filled in: what the network builds from and its checks read. */
export interface NetworkConfig {
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
}

/** The network's config: the document's CIDR plan, its zones in the stack's region, NAT per zone, ACLs on. */
export function resolveNetworkConfig(props: NetworkProps | undefined, region: string): NetworkConfig {
  return {
    cidr: props?.cidr ?? defaults.SEED_VPC_CIDR,
    availabilityZones:
      props?.availabilityZones ??
      (Token.isUnresolved(region) ? undefined : defaults.SEED_AZ_SUFFIXES.map((suffix) => `${region}${suffix}`)),
    publicSubnetCidrs: props?.publicSubnetCidrs ?? defaults.SEED_PUBLIC_SUBNET_CIDRS,
    privateSubnetCidrs: props?.privateSubnetCidrs ?? defaults.SEED_PRIVATE_SUBNET_CIDRS,
    databaseSubnetCidrs: props?.databaseSubnetCidrs ?? [],
    natGateways: props?.natGateways ?? NatGateways.ONE_PER_AZ,
    additionalInterfaceEndpoints: props?.additionalInterfaceEndpoints ?? [],
    additionalGatewayEndpoints: props?.additionalGatewayEndpoints ?? [],
    interfaceEndpointPresets: props?.interfaceEndpointPresets ?? [],
    s3EndpointPolicy: props?.s3EndpointPolicy ?? S3EndpointPolicy.allowAll(),
    restrictDefaultSecurityGroup: props?.restrictDefaultSecurityGroup ?? true,
    networkAcls: props?.networkAcls ?? true,
    privateTierInboundPorts: props?.privateTierInboundPorts ?? [],
    publicSubnetTags: props?.publicSubnetTags ?? {},
    privateSubnetTags: props?.privateSubnetTags ?? {},
    databaseSubnetTags: props?.databaseSubnetTags ?? {},
  };
}
