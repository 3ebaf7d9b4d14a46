import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { InterfaceEndpointPreset } from './endpoint-presets';
import { S3EndpointPolicy } from './s3-endpoint-policy';

/**
 * How private subnets reach the internet.
 */
export enum NatGateways {
  /**
   * One NAT gateway in each public subnet: an AZ failure leaves the other AZs online (the document's choice).
   */
  ONE_PER_AZ = 'ONE_PER_AZ',
  /**
   * One NAT gateway in the first public subnet: cheaper, but a single point of failure for egress.
   */
  SINGLE = 'SINGLE',
  /**
   * No NAT gateway: private subnets have no route to the internet and reach AWS only through VPC endpoints.
   * The baseline then adds the SSM endpoints the bastion needs.
   */
  NONE = 'NONE',
  /**
   * One regional NAT gateway for the whole VPC (`AvailabilityMode: regional`), active in every zone that has a
   * private subnet: highly available without one gateway per zone to manage. The baseline gives it one Elastic IP
   * per zone (so the addresses are stable, known and published for partners to allowlist), at the same hourly price
   * as a zonal gateway per zone it serves.
   *
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateways-regional.html
   */
  REGIONAL = 'REGIONAL',
}

/**
 * The VPC: address plan, availability zones, NAT, VPC endpoints.
 *
 * Every CIDR is placed exactly where it is given (`ec2.Vpc` alone would allocate subnets sequentially).
 */
export interface NetworkProps {
  /**
   * The VPC's IPv4 CIDR block, prefix /16 to /28.
   *
   * Changing it replaces the VPC and everything in it.
   *
   * @default 10.0.0.0/16
   */
  readonly cidr?: string;

  /**
   * The availability zones, in the order the subnet CIDR lists follow.
   *
   * An environment-agnostic stack (no region) must list them explicitly.
   *
   * @default - zones a, b and c of the stack's region (e.g. eu-west-1a, eu-west-1b, eu-west-1c)
   */
  readonly availabilityZones?: string[];

  /**
   * Public subnet CIDRs, one per availability zone, in zone order. They hold the NAT gateways and load balancers.
   *
   * @default ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24']
   */
  readonly publicSubnetCidrs?: string[];

  /**
   * Private subnet CIDRs, one per availability zone, in zone order. They hold EKS nodes, the EFS mount targets,
   * the interface endpoints and the bastion.
   *
   * @default ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']
   */
  readonly privateSubnetCidrs?: string[];

  /**
   * CIDRs of an isolated database tier (no route to the internet), one per availability zone.
   *
   * @default - no database tier
   */
  readonly databaseSubnetCidrs?: string[];

  /**
   * NAT strategy for the private subnets.
   *
   * @default NatGateways.ONE_PER_AZ
   */
  readonly natGateways?: NatGateways;

  /**
   * Known sets of interface endpoints to add, such as every endpoint a private EKS cluster needs
   * (`InterfaceEndpointPreset.PRIVATE_EKS`). Services already there (the defaults, `additionalInterfaceEndpoints`,
   * the SSM endpoints) are created once.
   *
   * @default - none
   */
  readonly interfaceEndpointPresets?: InterfaceEndpointPreset[];

  /**
   * The S3 gateway endpoint's policy.
   *
   * @default S3EndpointPolicy.allowAll(): AWS's default policy, so that nothing reaching S3 from the VPC breaks (package
   * repositories, container image layers, buckets of other accounts); restrict it with `S3EndpointPolicy.restrictTo()`
   */
  readonly s3EndpointPolicy?: S3EndpointPolicy;

  /**
   * Interface endpoints to add to the EKS and CloudWatch Logs ones the baseline always creates.
   *
   * Each endpoint lives in the private subnets, with private DNS, behind a security group that allows
   * HTTPS from the VPC CIDR only.
   *
   * @default - none
   */
  readonly additionalInterfaceEndpoints?: ec2.InterfaceVpcEndpointAwsService[];

  /**
   * Gateway endpoints to add to the S3 one the baseline always creates (DynamoDB is the only other one AWS offers).
   *
   * @default - none
   */
  readonly additionalGatewayEndpoints?: ec2.GatewayVpcEndpointAwsService[];

  /**
   * Remove every rule from the VPC's default security group, so that nothing placed in it by mistake can
   * talk to anything.
   *
   * CloudFormation cannot do this by itself: it takes a Lambda-backed custom resource (from aws-cdk-lib).
   * Turn it off only where custom resources cannot run.
   *
   * @default true
   */
  readonly restrictDefaultSecurityGroup?: boolean;

  /**
   * Give each subnet tier a network ACL that denies remote administration (TCP 22 and 3389) from the internet
   * (`0.0.0.0/0`, `::/0`) and allows the traffic the baseline needs: return traffic through NAT and the endpoints,
   * load balancers in the public tier, everything inside the VPC, and the database tier only from the private tier.
   * Security Hub EC2.21. Turn it off to keep the VPC's default network ACL (which allows everything).
   *
   * What that costs, by design: the public and private tiers accept from the internet replies on ephemeral ports
   * 1024-65535 except 3389 (EC2.21 fails on any allow rule from the internet that covers it, denies before it
   * notwithstanding). NAT gateways, Lambda functions and load balancers pick their ports from the whole range, so a
   * connection they start from port 3389 gets no reply (about 1 in 64,512, retried by TCP until it times out). Where
   * that matters more than EC2.21, turn the ACLs off (Security Hub does not judge a VPC's default ACL).
   *
   * @default true
   */
  readonly networkAcls?: boolean;

  /**
   * Ports the private tier's network ACL accepts from the internet (`0.0.0.0/0`), TCP or UDP, a port or a range.
   *
   * Without them the private tier only takes replies (ephemeral ports 1024-65535 but 3389) from the internet: an
   * internet-facing Network Load Balancer that preserves client IP addresses (the default for instance targets, and
   * for IP targets over UDP) delivers its clients' connections to targets in the private tier from their own
   * addresses, and a target listening below 1024 (80, 443) is then refused. Name its listener ports here. TCP 22 and
   * 3389 are refused at synth time (Security Hub EC2.21). Used only with `networkAcls`.
   *
   * @default - none
   */
  readonly privateTierInboundPorts?: ec2.Port[];

  /**
   * Tags for the public subnets, besides the EKS load-balancer tag (`kubernetes.io/role/elb=1`) the baseline sets.
   *
   * @default - none
   */
  readonly publicSubnetTags?: { [key: string]: string };

  /**
   * Tags for the private subnets, besides `kubernetes.io/role/internal-elb=1`; e.g. Karpenter's
   * `karpenter.sh/discovery: <cluster name>`.
   *
   * @default - none
   */
  readonly privateSubnetTags?: { [key: string]: string };

  /**
   * Tags for the database subnets.
   *
   * @default - none
   */
  readonly databaseSubnetTags?: { [key: string]: string };
}
