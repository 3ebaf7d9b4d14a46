import { RegionPrices } from './price-types';

/**
 * Europe (Ireland). "Price List" means the public AWS Price List offer file (the bulk API), read from verbatim copies
 * of its rows; "unverified" figures rest on secondary sources and say which. Checked 2026-12-01.
 */
export const EU_WEST_1: RegionPrices = {
  natGatewayHour: {
    usd: 0.048,
    source: 'AWS Price List AmazonEC2 eu-west-1, offer 20260925174521, usage type EU-NatGateway-Hours',
    asOf: '2026-09-25',
    verified: true,
  },
  natGatewayGb: {
    usd: 0.048,
    source: 'AWS Price List AmazonEC2 eu-west-1, offer 20260925174521, usage type EU-NatGateway-Bytes',
    asOf: '2026-09-25',
    verified: true,
  },
  regionalNatGatewayZoneHour: {
    usd: 0.048,
    source: 'AWS Price List AmazonEC2 eu-west-1, offer 20260925174521, usage type EU-RegionalNatGateway-Hours; '
      + 'that it is billed per zone the gateway is active in is unverified (assumed, the cautious reading)',
    asOf: '2026-09-25',
    verified: false,
  },
  publicIpv4Hour: {
    usd: 0.005,
    source: 'AWS Price List AmazonVPC eu-west-1, usage type EU-PublicIPv4:InUseAddress, SKU CNZ4XSXPRJXGA4ZF '
      + '("$0.005 per In-use public IPv4 address per hour")',
    asOf: '2026-05-01',
    verified: true,
  },
  interfaceEndpointZoneHour: {
    usd: 0.011,
    source: 'AWS Price List AmazonVPC eu-west-1, SKU H37WJ97MHYGDXG2A ("$0.011 per VPC Endpoint Hour"); '
      + 'billed per zone per aws.amazon.com/privatelink/pricing',
    asOf: '2026-05-01',
    verified: true,
  },
  interfaceEndpointGb: {
    usd: 0.01,
    source: 'AWS Price List AmazonVPC eu-west-1, SKU S8CASMMQB4XR7YWZ, first PB a month ($0.006 to 5 PB, $0.004 beyond)',
    asOf: '2026-05-01',
    verified: true,
  },
  kmsKeyMonth: {
    usd: 1.0,
    source: 'aws.amazon.com/kms/pricing: $1 per customer-managed key per month, one price for every region '
      + '(no eu-west-1 Price List row seen)',
    asOf: '2026-09-02',
    verified: false,
  },
  instanceHour: {
    't3.micro': {
      usd: 0.0114,
      source: 'AWS Price List AmazonEC2 eu-west-1, offer 20260910195514, SKU DXH6X4VVFUT4EUU5, usage type '
        + 'EU-BoxUsage:t3.micro ("$0.0114 per On Demand Linux t3.micro Instance Hour")',
      asOf: '2026-09-10',
      verified: true,
    },
    't3.small': {
      usd: 0.0228,
      source: 'secondary sources (twice t3.micro, as in us-east-1); not read from the Price List',
      asOf: '2026-12-01',
      verified: false,
    },
  },
  ebsGbMonth: {
    gp3: {
      usd: 0.088,
      source: 'AWS Price List AmazonEC2 eu-west-1, usage type EU-EBS:VolumeUsage.gp3 ("$0.088 per GB-month of General '
        + 'Purpose (gp3) provisioned storage - EU (Ireland)"), as quoted from a Price List API answer',
      asOf: '2026-12-01',
      verified: true,
    },
  },
  alarmMetricMonth: {
    usd: 0.1,
    source: 'aws.amazon.com/cloudwatch/pricing list price as quoted by secondary sources (standard resolution); '
      + 'not checked per region',
    asOf: '2026-12-01',
    verified: false,
  },
  highResolutionAlarmMetricMonth: {
    usd: 0.3,
    source: 'aws.amazon.com/cloudwatch/pricing list price as quoted by secondary sources; not checked per region',
    asOf: '2026-12-01',
    verified: false,
  },
  compositeAlarmMonth: {
    usd: 0.5,
    source: 'aws.amazon.com/cloudwatch/pricing list price as quoted by secondary sources; not checked per region',
    asOf: '2026-12-01',
    verified: false,
  },
  customMetricMonth: {
    usd: 0.3,
    source: 'aws.amazon.com/cloudwatch/pricing list price, first 10,000 metrics, as quoted by secondary sources; '
      + 'not checked per region',
    asOf: '2026-12-01',
    verified: false,
  },
  dashboardMonth: {
    usd: 3.0,
    source: 'AWS Price List AmazonCloudWatch, usage type DashboardsUsageHour (location "Any": one price for every '
      + 'region), as described by a public Price List collector; 3 dashboards a month free per account',
    asOf: '2026-12-01',
    verified: false,
  },
  logsIngestedGb: {
    usd: 0.57,
    source: 'AWS Price List AmazonCloudWatch eu-west-1, SKU KJBTQPDHW2H92B8Y ("$0.57 per GB custom log data ingested")',
    asOf: '2026-03-01',
    verified: true,
  },
  vendedLogsIngestedGb: {
    usd: 0.57,
    source: 'unverified: assumed equal to custom log ingestion for the first 10 TB (us-east-1 charges $0.50 for both)',
    asOf: '2026-12-01',
    verified: false,
  },
  logsStoredGbMonth: {
    usd: 0.03,
    source: 'unverified: public copies of the CloudWatch pricing page ($0.03 per GB archived)',
    asOf: '2026-12-01',
    verified: false,
  },
  efsStandardGbMonth: {
    usd: 0.33,
    source: 'unverified: the only Price List row seen at $0.33 was another region\'s',
    asOf: '2026-12-01',
    verified: false,
  },
};
