import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';

/** A NAT gateway to watch. */
export interface MonitoredNatGateway {
  /** The gateway's ID (a token). */
  readonly natGatewayId: string;
  /** Its zone (zonal gateways), or `regional`: in construct IDs, alarm names and dashboard labels. */
  readonly label: string;
}

/** An interface endpoint to watch, with the dimensions of its `AWS/PrivateLinkEndpoints` metrics. */
export interface MonitoredEndpoint {
  /** The service's short name in kebab case (`eks`, `ecr-api`): construct IDs, alarm names, labels. */
  readonly label: string;
  readonly vpcEndpointId: string;
  readonly serviceName: string;
  readonly vpcId: string;
}

/** The file system to watch and the modes that decide which metrics it has. */
export interface MonitoredFileSystem {
  readonly fileSystemId: string;
  readonly performanceMode: efs.PerformanceMode;
  readonly throughputMode: efs.ThroughputMode;
}

/**
 * The NAT gateways the VPC actually has, whatever made them: zonal ones in its public subnets (`ec2.Vpc` with
 * `natGateways`), a regional one (`AvailabilityMode: regional`, no subnet, e.g. `ec2.NatProvider.regionalGateway()`),
 * or L1 `CfnNatGateway`s elsewhere in the stack that reference its subnets or the VPC itself. Zonal ones come first,
 * in the VPC's zone order; a zone's label is its name, a regional gateway's `regional`.
 */
export function natGatewaysOf(vpc: ec2.IVpc): MonitoredNatGateway[] {
  const stack = Stack.of(vpc);
  const same = (a: unknown, b: unknown) => JSON.stringify(stack.resolve(a)) === JSON.stringify(stack.resolve(b));
  const nats = stack.node.findAll().filter((c): c is ec2.CfnNatGateway => c instanceof ec2.CfnNatGateway);
  const zonal: MonitoredNatGateway[] = [];
  vpc.publicSubnets.forEach((subnet, index) => {
    for (const nat of nats.filter((n) => same(n.subnetId, subnet.subnetId))) {
      const zone = subnet.availabilityZone;
      zonal.push({ natGatewayId: nat.ref, label: Token.isUnresolved(zone) ? `public-subnet-${index + 1}` : zone });
    }
  });
  const regional = nats
    .filter((n) => n.subnetId === undefined && same(n.vpcId, vpc.vpcId))
    .map((nat, i) => ({ natGatewayId: nat.ref, label: i === 0 ? 'regional' : `regional-${i + 1}` }));
  return [...zonal, ...regional];
}

/** The VPC's interface endpoints (gateway endpoints publish no metrics). */
export function interfaceEndpointsOf(vpc: ec2.IVpc): MonitoredEndpoint[] {
  const endpoints: MonitoredEndpoint[] = [];
  for (const endpoint of vpc.node.children.filter((c): c is ec2.InterfaceVpcEndpoint => c instanceof ec2.InterfaceVpcEndpoint)) {
    const serviceName = (endpoint.node.defaultChild as ec2.CfnVPCEndpoint).serviceName;
    if (serviceName !== undefined) {
      // Stryker disable next-line Regex: equivalent: the IDs read here are endpointId()'s, which end in "Endpoint" and hold it once
      endpoints.push({ label: kebab(endpoint.node.id.replace(/Endpoint$/, '')), vpcEndpointId: endpoint.vpcEndpointId, serviceName, vpcId: vpc.vpcId });
    }
  }
  return endpoints;
}

/** `SsmMessages` -> `ssm-messages`, `EcrApi` -> `ecr-api` (the endpoints' IDs hold letters and digits only). */
function kebab(pascal: string): string {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
