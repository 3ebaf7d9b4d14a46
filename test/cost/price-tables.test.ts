import { freeOrUsageOnly } from '../../src/cost/free-resource-types';
import { Price, PRICE_TABLE_DATE, RegionPrices } from '../../src/cost/price-types';
import { EU_WEST_1 } from '../../src/cost/prices-eu-west-1';
import { US_EAST_1 } from '../../src/cost/prices-us-east-1';

/** The entries of a region's table that are priced per type (instance type, volume type); every other one is a price. */
const PER_TYPE = ['instanceHour', 'ebsGbMonth'];

/** Every price of a region's table, named by its path (`instanceHour.t3.micro`). */
function pricesIn(table: RegionPrices): Array<[string, Price]> {
  return Object.entries(table).flatMap(([name, entry]) => (PER_TYPE.includes(name)
    ? Object.entries(entry as Record<string, Price>).map(([type, price]) => [`${name}.${type}`, price] as [string, Price])
    : [[name, entry as Price] as [string, Price]]));
}

/** The figures not read from the Price List of their region: each says in its source where it comes from instead. */
const UNVERIFIED = [
  'regionalNatGatewayZoneHour', 'instanceHour.t3.small', 'alarmMetricMonth', 'highResolutionAlarmMetricMonth', 'compositeAlarmMonth',
  'customMetricMonth', 'dashboardMonth', 'vendedLogsIngestedGb', 'logsStoredGbMonth', 'efsStandardGbMonth',
];

describe.each([
  ['eu-west-1', EU_WEST_1, [...UNVERIFIED, 'kmsKeyMonth']],
  ['us-east-1', US_EAST_1, UNVERIFIED],
] as const)('the price table of %s', (_region, table, unverified) => {
  test('every price is positive, sourced and dated on or before the table\'s date', () => {
    const problems = pricesIn(table).flatMap(([name, price]) => [
      ...(typeof price.usd === 'number' && price.usd > 0 ? [] : [`${name}: usd ${price.usd}`]),
      // The Price List (with the service and the row), an AWS pricing page, or a secondary source named as such.
      ...(/^(AWS Price List \S+|aws\.amazon\.com\/[a-z]+\/pricing|unverified: |secondary sources)/.test(price.source) ? [] : [`${name}: source "${price.source}"`]),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(price.asOf) && price.asOf <= PRICE_TABLE_DATE ? [] : [`${name}: asOf "${price.asOf}"`]),
    ]);
    expect(problems).toEqual([]);
  });

  test('prices the bastion\'s default instance type (the document\'s t3.micro) and its gp3 root volume', () => {
    expect(Object.keys(table.instanceHour)).toContain('t3.micro');
    expect(Object.keys(table.ebsGbMonth)).toContain('gp3');
  });

  test('the figures not read from the Price List are marked unverified, and only those', () => {
    expect(pricesIn(table).filter(([, price]) => !price.verified).map(([name]) => name).sort()).toEqual([...unverified].sort());
  });
});

describe('resource types without a fixed monthly charge', () => {
  // No hourly or monthly charge of their own (https://aws.amazon.com/vpc/pricing/, https://aws.amazon.com/iam/,
  // https://aws.amazon.com/sns/pricing/: billed per request or message, https://aws.amazon.com/efs/pricing/: storage,
  // https://aws.amazon.com/systems-manager/pricing/: maintenance windows have no charge for EC2 instances).
  test.each([
    'AWS::CDK::Metadata', 'AWS::CloudFormation::CustomResource', 'Custom::VpcRestrictDefaultSG',
    'AWS::EC2::DHCPOptions', 'AWS::EC2::EgressOnlyInternetGateway', 'AWS::EC2::FlowLog', 'AWS::EC2::InternetGateway',
    'AWS::EC2::LaunchTemplate', 'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::Route', 'AWS::EC2::RouteTable',
    'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupEgress', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::Subnet',
    'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::VPC', 'AWS::EC2::VPCCidrBlock',
    'AWS::EC2::VPCGatewayAttachment', 'AWS::EFS::AccessPoint', 'AWS::EFS::MountTarget',
    'AWS::EKS::AccessEntry', 'AWS::EKS::Addon', 'AWS::EKS::PodIdentityAssociation', 'AWS::Events::Rule',
    'AWS::IAM::ManagedPolicy', 'AWS::IAM::OIDCProvider', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::InstanceProfile',
    'AWS::Lambda::Permission', 'AWS::Logs::ResourcePolicy', 'AWS::S3::BucketPolicy',
    'AWS::SNS::Subscription', 'AWS::SNS::Topic', 'AWS::SNS::TopicInlinePolicy', 'AWS::SNS::TopicPolicy',
    'AWS::SSM::MaintenanceWindowTarget', 'AWS::SSM::MaintenanceWindowTask', 'Custom::SessionManagerPreferences',
    'AWS::Lambda::Function', 'AWS::Logs::LogGroup',
  ])('%s', (type) => {
    expect(freeOrUsageOnly(type)).toBe(true);
  });

  // Billed by the hour or the month: priced by the table, never taken for free.
  test.each([
    'AWS::EC2::NatGateway', 'AWS::EC2::EIP', 'AWS::EC2::Instance', 'AWS::EC2::VPCEndpoint', 'AWS::KMS::Key',
    'AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard', 'AWS::Logs::MetricFilter', 'AWS::CloudTrail::Trail',
    'AWS::ElasticLoadBalancingV2::LoadBalancer', '',
    // No charge for EC2 instances, but shown as lines of their own (counted by the inventory), not taken as free here.
    'AWS::SSM::PatchBaseline', 'AWS::SSM::Association', 'AWS::SSM::MaintenanceWindow',
  ])('not %s', (type) => {
    expect(freeOrUsageOnly(type)).toBe(false);
  });
});
