import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { createEndpoints } from './endpoints';
import { ExplicitSubnetCidrs } from './explicit-subnet-cidrs';
import { createFlowLogs } from './flow-logs';
import { NetworkAcls } from './network-acls';
import { NetworkConfig } from './network-config';
import { NatGateways } from './network-props';
import { RegionalNatProvider } from './regional-nat';
import { FlowLogsConfig } from '../logging/logging-config';
import { acceptFinding, inEveryPack } from '../private/compliance';
import { DATABASE_SUBNET_GROUP, PRIVATE_SUBNET_GROUP, PUBLIC_SUBNET_GROUP } from '../private/defaults';

export interface NetworkAreaProps {
  readonly config: NetworkConfig;
  readonly availabilityZones: string[];
  readonly flowLogs: FlowLogsConfig;
  readonly logsKey: kms.IKey;
  /** The S3 destination of the flow logs, when they go there. */
  readonly flowLogBucket?: s3.IBucket;
  /** Session Manager's endpoints, for a bastion that reaches Systems Manager through them. */
  readonly ssmEndpoints: boolean;
}

/**
 * The VPC with subnets at their exact CIDRs, NAT, network ACLs, VPC endpoints and flow logs.
 */
export class Network extends Construct {
  public readonly vpc: ec2.Vpc;
  public readonly flowLogGroup?: logs.LogGroup;
  public readonly endpointSecurityGroup: ec2.SecurityGroup;
  /** The NAT gateways' public addresses (Elastic IPs), one per gateway, or per zone of the regional one. */
  public readonly natGatewayPublicIps: string[];

  constructor(scope: Construct, id: string, props: NetworkAreaProps) {
    super(scope, id);
    const config = props.config;
    const hasNat = config.natGateways !== NatGateways.NONE;
    const cidrsByGroup: Record<string, string[]> = {
      [PUBLIC_SUBNET_GROUP]: config.publicSubnetCidrs,
      [PRIVATE_SUBNET_GROUP]: config.privateSubnetCidrs,
    };
    const subnetConfiguration: ec2.SubnetConfiguration[] = [
      // Nothing in the public subnets needs an automatic public IP: NAT gateways get Elastic IPs.
      { name: PUBLIC_SUBNET_GROUP, subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
      {
        name: PRIVATE_SUBNET_GROUP,
        subnetType: hasNat ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED,
      },
    ];
    if (config.databaseSubnetCidrs.length > 0) {
      cidrsByGroup[DATABASE_SUBNET_GROUP] = config.databaseSubnetCidrs;
      subnetConfiguration.push({ name: DATABASE_SUBNET_GROUP, subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    }

    const regionalNat = config.natGateways === NatGateways.REGIONAL ? new RegionalNatProvider() : undefined;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new ExplicitSubnetCidrs(config.cidr, cidrsByGroup),
      availabilityZones: props.availabilityZones,
      subnetConfiguration,
      natGateways: natGatewayCount(config.natGateways, props.availabilityZones.length),
      natGatewayProvider: regionalNat,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      // Set explicitly: the aws-cdk-lib default depends on the consumer's feature flags.
      restrictDefaultSecurityGroup: config.restrictDefaultSecurityGroup,
    });
    this.natGatewayPublicIps = regionalNat?.publicIps ?? this.vpc.publicSubnets
      .map((subnet) => subnet.node.tryFindChild('EIP') as ec2.CfnEIP | undefined)
      .filter((eip): eip is ec2.CfnEIP => eip !== undefined)
      .map((eip) => eip.ref);
    tagSubnets(this.vpc, config);
    for (const subnet of this.vpc.publicSubnets) {
      acceptFinding(
        subnet,
        inEveryPack('VPCNoUnrestrictedRouteToIGW'),
        'Public subnets hold the NAT gateways and internet-facing load balancers: their default route to the internet ' +
          'gateway is what makes them public. Nothing in them gets a public IP automatically, private subnets route ' +
          'through NAT only, and the database tier has no internet route at all.',
      );
    }
    if (config.networkAcls) {
      new NetworkAcls(this, 'Acls', {
        vpc: this.vpc,
        vpcCidr: config.cidr,
        privateSubnetCidrs: config.privateSubnetCidrs,
        databaseSubnetCidrs: config.databaseSubnetCidrs,
        privateTierInboundPorts: config.privateTierInboundPorts,
      });
    }

    this.endpointSecurityGroup = createEndpoints(this, {
      vpc: this.vpc,
      vpcCidr: config.cidr,
      additionalInterfaceEndpoints: config.additionalInterfaceEndpoints,
      additionalGatewayEndpoints: config.additionalGatewayEndpoints,
      presets: config.interfaceEndpointPresets,
      s3EndpointPolicy: config.s3EndpointPolicy,
      ssmEndpoints: props.ssmEndpoints,
    });

    this.flowLogGroup = createFlowLogs(this, {
      vpc: this.vpc,
      logGroupName: props.flowLogs.toCloudWatchLogs ? props.flowLogs.logGroupName : undefined,
      retention: props.flowLogs.retention,
      logsKey: props.logsKey,
      bucket: props.flowLogBucket,
      logFormat: props.flowLogs.logFormat,
      maxAggregationInterval: props.flowLogs.maxAggregationInterval,
    });
  }
}

function natGatewayCount(strategy: NatGateways, zones: number): number {
  switch (strategy) {
    case NatGateways.ONE_PER_AZ:
      return zones;
    case NatGateways.SINGLE:
    case NatGateways.REGIONAL:
      return 1;
    // Stryker disable next-line ConditionalExpression: equivalent: without this case the count is undefined, and aws-cdk-lib makes no NAT gateway for a VPC without PRIVATE_WITH_EGRESS subnets (NONE makes the private tier isolated)
    case NatGateways.NONE:
      return 0;
  }
}

/** EKS finds the subnets for its load balancers by these tags; the user's tags per tier come on top. */
function tagSubnets(vpc: ec2.Vpc, config: NetworkConfig): void {
  const tiers: Array<[string, Record<string, string>]> = [
    [PUBLIC_SUBNET_GROUP, { 'kubernetes.io/role/elb': '1', ...config.publicSubnetTags }],
    [PRIVATE_SUBNET_GROUP, { 'kubernetes.io/role/internal-elb': '1', ...config.privateSubnetTags }],
    [DATABASE_SUBNET_GROUP, config.databaseSubnetTags],
  ];
  for (const [group, tags] of tiers) {
    if (group === DATABASE_SUBNET_GROUP && config.databaseSubnetCidrs.length === 0) {
      continue;
    }
    for (const subnet of vpc.selectSubnets({ subnetGroupName: group }).subnets) {
      for (const [key, value] of Object.entries(tags)) {
        Tags.of(subnet).add(key, value);
      }
    }
  }
}
