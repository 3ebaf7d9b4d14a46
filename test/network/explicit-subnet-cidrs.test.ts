import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ExplicitSubnetCidrs } from '../../src/network/explicit-subnet-cidrs';

const request = (name: string, availabilityZone: string) => ({
  configuration: { name, subnetType: ec2.SubnetType.PUBLIC },
  availabilityZone,
  subnetConstructId: `${name}${availabilityZone}`,
});

describe('ExplicitSubnetCidrs', () => {
  const cidrs = new ExplicitSubnetCidrs('10.0.0.0/16', { Public: ['10.0.101.0/24', '10.0.102.0/24'], Private: ['10.0.1.0/24', '10.0.2.0/24'] });

  test('the VPC block as given, and each subnet at its group\'s CIDR for its zone, groups interleaved as aws-cdk-lib asks', () => {
    expect(cidrs.allocateVpcCidr()).toEqual({ cidrBlock: '10.0.0.0/16' });
    const requests = [request('Public', 'a'), request('Public', 'b'), request('Private', 'a'), request('Private', 'b')];
    expect(cidrs.allocateSubnetsCidr({ vpcCidr: '10.0.0.0/16', requestedSubnets: requests }).allocatedSubnets)
      .toEqual([{ cidr: '10.0.101.0/24' }, { cidr: '10.0.102.0/24' }, { cidr: '10.0.1.0/24' }, { cidr: '10.0.2.0/24' }]);
  });

  test('a zone or a group without a CIDR is the baseline\'s own bug, and says which', () => {
    expect(() => cidrs.allocateSubnetsCidr({ vpcCidr: '10.0.0.0/16', requestedSubnets: ['a', 'b', 'c'].map((zone) => request('Public', zone)) }))
      .toThrow("No CIDR configured for subnet group 'Public' in zone c");
    expect(() => cidrs.allocateSubnetsCidr({ vpcCidr: '10.0.0.0/16', requestedSubnets: [request('Database', 'a')] }))
      .toThrow("No CIDR configured for subnet group 'Database' in zone a");
  });
});
