import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * One regional NAT gateway (`AvailabilityMode: regional`) for every private subnet, in manual mode: one Elastic IP per
 * zone that has a private subnet, so the addresses are stable, known at deploy time and published (partners allowlist
 * them). In automatic mode AWS would add and remove addresses as the gateway scales across zones.
 *
 * Written on the L1, not on aws-cdk-lib's `NatProvider.regionalGateway()`: that needs aws-cdk-lib 2.272.0 or later,
 * and the registries here serve no version that both npm (2.273+) and Maven Central (up to 2.272.0) have, so raising
 * the peer floor would leave Java consumers without any aws-cdk-lib to resolve (see README, "aws-cdk-lib floor").
 * `CfnNatGateway`'s regional properties exist since 2.269.0, the floor.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateways-regional.html
 */
export class RegionalNatProvider extends ec2.NatProvider {
  private gateway?: ec2.CfnNatGateway;
  private readonly elasticIps: ec2.CfnEIP[] = [];

  public configureNat(options: ec2.ConfigureNatOptions): void {
    const zones = [...new Set(options.privateSubnets.map((subnet) => subnet.availabilityZone))];
    const addresses = zones.map((zone, i) => {
      const eip = new ec2.CfnEIP(options.vpc, `RegionalNatGatewayEip${i + 1}`, { domain: 'vpc' });
      this.elasticIps.push(eip);
      return { availabilityZone: zone, allocationIds: [eip.attrAllocationId] };
    });
    this.gateway = new ec2.CfnNatGateway(options.vpc, 'RegionalNatGateway', {
      vpcId: options.vpc.vpcId,
      availabilityMode: 'regional',
      connectivityType: 'public',
      availabilityZoneAddresses: addresses,
    });
    // Public connectivity needs the internet gateway attached to the VPC, not only created: the VPC's own
    // `internetConnectivityEstablished` holds the gateway alone, so the attachment (aws-cdk-lib's `VPCGW`) is added.
    this.gateway.node.addDependency(options.vpc.internetConnectivityEstablished);
    const attachment = options.vpc.node.tryFindChild('VPCGW');
    if (attachment === undefined) {
      throw new Error('RegionalNatProvider: the VPC has no internet gateway attachment (VPCGW) to wait for');
    }
    this.gateway.node.addDependency(attachment);
    for (const subnet of options.privateSubnets) {
      this.configureSubnet(subnet);
    }
  }

  public configureSubnet(subnet: ec2.PrivateSubnet): void {
    subnet.addRoute('DefaultRoute', {
      routerType: ec2.RouterType.NAT_GATEWAY,
      routerId: this.gateway!.attrNatGatewayId,
      enablesInternetConnectivity: true,
    });
  }

  public get configuredGateways(): ec2.GatewayConfig[] {
    return this.gateway ? [{ az: 'regional', gatewayId: this.gateway.attrNatGatewayId }] : [];
  }

  /** The gateway's public addresses (an EIP's `Ref` is its address), one per zone. */
  public get publicIps(): string[] {
    return this.elasticIps.map((eip) => eip.ref);
  }
}
