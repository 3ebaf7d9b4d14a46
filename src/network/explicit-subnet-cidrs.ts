import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * An `ec2.IIpAddresses` that puts each subnet at the CIDR it is given, where `ec2.IpAddresses.cidr()` would
 * allocate them one after the other from the start of the VPC block.
 */
export class ExplicitSubnetCidrs implements ec2.IIpAddresses {
  /**
   * @param vpcCidr the VPC block
   * @param cidrsByGroup per subnet group name, one CIDR per availability zone, in zone order
   */
  constructor(
    private readonly vpcCidr: string,
    private readonly cidrsByGroup: Record<string, string[]>,
  ) {}

  public allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.vpcCidr };
  }

  public allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    // The VPC asks in subnet-group order, then zone order: count per group to find each zone's index.
    const nextIndexByGroup: Record<string, number> = {};
    const allocatedSubnets = input.requestedSubnets.map((request) => {
      const group = request.configuration.name;
      const index = nextIndexByGroup[group] ?? 0;
      nextIndexByGroup[group] = index + 1;
      const cidr = this.cidrsByGroup[group]?.[index];
      if (cidr === undefined) {
        // Validation guarantees one CIDR per zone per group; reaching this is a bug in the baseline.
        throw new Error(`No CIDR configured for subnet group '${group}' in zone ${request.availabilityZone}`);
      }
      return { cidr };
    });
    return { allocatedSubnets };
  }
}
