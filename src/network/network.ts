import { Aws, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ExplicitSubnetCidrs } from './explicit-subnet-cidrs';
import { NatGateways } from './network-props';
import { acceptFinding, INLINE_POLICY_REASON, inEveryPack } from '../private/compliance';
import { BaselineConfig } from '../private/config';
import { DATABASE_SUBNET_GROUP, PRIVATE_SUBNET_GROUP, PUBLIC_SUBNET_GROUP } from '../private/defaults';

export interface NetworkAreaProps {
  readonly config: BaselineConfig['network'];
  readonly availabilityZones: string[];
  readonly flowLogRetention: logs.RetentionDays;
  readonly flowLogGroupName: string;
  readonly logsKey: kms.IKey;
  /** Private subnets without NAT need the SSM endpoints for Session Manager to reach the bastion. */
  readonly ssmEndpoints: boolean;
}

/** Interface endpoints Session Manager needs when there is no NAT. */
const SSM_ENDPOINTS = [
  ec2.InterfaceVpcEndpointAwsService.SSM,
  ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
  ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
];

/**
 * The VPC with subnets at their exact CIDRs, NAT, VPC endpoints and flow logs.
 */
export class Network extends Construct {
  public readonly vpc: ec2.Vpc;
  public readonly flowLogGroup: logs.LogGroup;
  public readonly endpointSecurityGroup: ec2.SecurityGroup;

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

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new ExplicitSubnetCidrs(config.cidr, cidrsByGroup),
      availabilityZones: props.availabilityZones,
      subnetConfiguration,
      natGateways: natGatewayCount(config.natGateways, props.availabilityZones.length),
      enableDnsHostnames: true,
      enableDnsSupport: true,
      // Set explicitly: the aws-cdk-lib default depends on the consumer's feature flags.
      restrictDefaultSecurityGroup: config.restrictDefaultSecurityGroup,
    });
    tagSubnetsForEks(this.vpc);
    for (const subnet of this.vpc.publicSubnets) {
      acceptFinding(
        subnet,
        inEveryPack('VPCNoUnrestrictedRouteToIGW'),
        'Public subnets hold the NAT gateways and internet-facing load balancers: their default route to the internet ' +
          'gateway is what makes them public. Nothing in them gets a public IP automatically, private subnets route ' +
          'through NAT only, and the database tier has no internet route at all.',
      );
    }

    this.vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    for (const service of config.additionalGatewayEndpoints) {
      this.vpc.addGatewayEndpoint(endpointId(gatewayServiceName(service)), { service });
    }

    this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Interface VPC endpoints: HTTPS from inside the VPC only',
      allowAllOutbound: false,
    });
    this.endpointSecurityGroup.addIngressRule(ec2.Peer.ipv4(config.cidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
    const interfaceEndpoints = [
      ec2.InterfaceVpcEndpointAwsService.EKS,
      ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      ...config.additionalInterfaceEndpoints,
      ...(props.ssmEndpoints ? SSM_ENDPOINTS.filter((s) => !config.additionalInterfaceEndpoints.some((a) => a.shortName === s.shortName)) : []),
    ];
    for (const service of interfaceEndpoints) {
      this.vpc.addInterfaceEndpoint(endpointId(service.shortName), {
        service,
        privateDnsEnabled: true,
        subnets: { subnetGroupName: PRIVATE_SUBNET_GROUP },
        securityGroups: [this.endpointSecurityGroup],
        open: false,
      });
    }

    // The flow log's default log group keeps logs two years, unencrypted: ours keeps them as configured, encrypted.
    this.flowLogGroup = new logs.LogGroup(this, 'FlowLogGroup', {
      logGroupName: props.flowLogGroupName,
      retention: props.flowLogRetention,
      encryptionKey: props.logsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const flowLogRole = new iam.Role(this, 'FlowLogRole', {
      description: 'Delivers VPC flow logs to CloudWatch Logs',
      // Only flow logs of this account and region may assume it: the confused-deputy conditions of
      // https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html.
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:vpc-flow-log/*` },
        },
      }),
    });
    acceptFinding(flowLogRole, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);
    new ec2.FlowLog(this, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(this.vpc),
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup, flowLogRole),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }
}

function natGatewayCount(strategy: NatGateways, zones: number): number {
  switch (strategy) {
    case NatGateways.ONE_PER_AZ:
      return zones;
    case NatGateways.SINGLE:
      return 1;
    case NatGateways.NONE:
      return 0;
  }
}

/** EKS finds the subnets for its load balancers by these tags. */
function tagSubnetsForEks(vpc: ec2.Vpc): void {
  for (const subnet of vpc.publicSubnets) {
    Tags.of(subnet).add('kubernetes.io/role/elb', '1');
  }
  for (const subnet of vpc.selectSubnets({ subnetGroupName: PRIVATE_SUBNET_GROUP }).subnets) {
    Tags.of(subnet).add('kubernetes.io/role/internal-elb', '1');
  }
}

/**
 * `com.amazonaws.${Token[AWS.Region.1]}.dynamodb` -> `dynamodb`: gateway services carry the region as a token
 * (whose text holds dots) followed by the service's short name.
 */
export function gatewayServiceName(service: ec2.GatewayVpcEndpointAwsService): string {
  const afterRegion = service.name.slice(service.name.lastIndexOf('}') + 1);
  return afterRegion.split('.').filter(Boolean).join('-');
}

/** `ssmmessages` -> `SsmmessagesEndpoint`: a stable construct ID per service. */
function endpointId(shortName: string): string {
  const pascal = shortName
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  return `${pascal}Endpoint`;
}
