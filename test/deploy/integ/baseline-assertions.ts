import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { NuminiaBaseline } from '../../../src';

/**
 * The integ tests' checks of a deployed baseline, as AWS API calls run by integ-tests' assertion provider after
 * deployment (only when integ-runner really deploys: snapshot verification runs none of them).
 */
export function assertBaselineNetwork(integ: IntegTest, baseline: NuminiaBaseline, natGateways: number): void {
  const { vpc } = baseline;
  integ.assertions.awsApiCall('EC2', 'describeVpcs', { VpcIds: [vpc.vpcId] })
    .expect(ExpectedResult.objectLike({ Vpcs: [Match.objectLike({ CidrBlock: '10.0.0.0/16' })] }));

  const plan: Array<[string, string[]]> = [
    ['Private', ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']],
    ['Public', ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24']],
  ];
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  // By group name: without NAT the private tier is isolated (not in vpc.privateSubnets).
  const tier = (kind: string) => vpc.selectSubnets({ subnetGroupName: kind }).subnets;
  for (const [kind, cidrs] of plan) {
    tier(kind).forEach((subnet, index) => {
      integ.assertions.awsApiCall('EC2', 'describeSubnets', { SubnetIds: [subnet.subnetId] })
        .expect(ExpectedResult.objectLike({ Subnets: [Match.objectLike({ CidrBlock: cidrs[index], AvailabilityZone: zones[index] })] }));
    });
  }

  // An array inside objectLike matches element for element: exactly `natGateways` available NAT gateways.
  integ.assertions.awsApiCall('EC2', 'describeNatGateways', {
    Filter: [{ Name: 'vpc-id', Values: [vpc.vpcId] }, { Name: 'state', Values: ['available'] }],
  }).expect(ExpectedResult.objectLike({ NatGateways: Array.from({ length: natGateways }, () => Match.objectLike({ State: 'available' })) }));

  for (const subnet of natGateways > 0 ? tier('Private') : []) {
    integ.assertions.awsApiCall('EC2', 'describeRouteTables', { RouteTableIds: [subnet.routeTable.routeTableId] })
      .expect(ExpectedResult.objectLike({
        RouteTables: [Match.objectLike({
          Routes: Match.arrayWith([Match.objectLike({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: Match.stringLikeRegexp('^nat-') })]),
        })],
      }));
  }
}

/** The file system is encrypted with the baseline's own key, which rotates. */
export function assertBaselineEncryption(integ: IntegTest, baseline: NuminiaBaseline): void {
  const key = baseline.keys.fileSystem!;
  integ.assertions.awsApiCall('EFS', 'describeFileSystems', { FileSystemId: baseline.fileSystem!.fileSystemId })
    .expect(ExpectedResult.objectLike({ FileSystems: [Match.objectLike({ Encrypted: true, KmsKeyId: key.keyArn })] }));
  integ.assertions.awsApiCall('KMS', 'getKeyRotationStatus', { KeyId: key.keyId })
    .expect(ExpectedResult.objectLike({ KeyRotationEnabled: true }));
}
