import { RegionPrices } from './price-types';

/**
 * US East (N. Virginia). "Price List" means the public AWS Price List offer file (the bulk API), read from verbatim
 * copies of its rows; "unverified" figures rest on secondary sources and say which. Checked 2026-12-01.
 */
export const US_EAST_1: RegionPrices = {
  natGatewayHour: {
    usd: 0.045,
    source: 'AWS Price List AmazonEC2 us-east-1, usage type NatGateway-Hours, as copied by public Price List extracts',
    asOf: '2026-09-01',
    verified: true,
  },
  natGatewayGb: {
    usd: 0.045,
    source: 'AWS Price List AmazonEC2 us-east-1, usage type NatGateway-Bytes, as copied by public Price List extracts',
    asOf: '2026-09-01',
    verified: true,
  },
  regionalNatGatewayZoneHour: {
    usd: 0.045,
    source: 'AWS Price List AmazonEC2 us-east-1, usage type RegionalNatGateway-Hours; that it is billed per zone the '
      + 'gateway is active in is unverified (assumed, the cautious reading)',
    asOf: '2026-09-01',
    verified: false,
  },
  publicIpv4Hour: {
    usd: 0.005,
    source: 'AWS Price List AmazonVPC us-east-1, usage type USE1-PublicIPv4:InUseAddress ("$0.005 per In-use public IPv4 '
      + 'address per hour")',
    asOf: '2026-09-01',
    verified: true,
  },
  interfaceEndpointZoneHour: {
    usd: 0.01,
    source: 'AWS Price List AmazonVPC us-east-1, usage type USE1-VpcEndpoint-Hours ("$0.01 per VPC Endpoint Hour"); '
      + 'billed per zone per aws.amazon.com/privatelink/pricing',
    asOf: '2026-08-20',
    verified: true,
  },
  interfaceEndpointGb: {
    usd: 0.01,
    source: 'aws.amazon.com/privatelink/pricing: $0.01 per GB for the first PB a month ($0.006 to 5 PB, $0.004 beyond)',
    asOf: '2026-08-20',
    verified: true,
  },
  kmsKeyMonth: {
    usd: 1.0,
    source: 'AWS Price List awskms us-east-1 ("$1.00 per customer-managed KMS key version per month")',
    asOf: '2026-09-02',
    verified: true,
  },
  instanceHour: {
    't3.micro': {
      usd: 0.0104,
      source: 'AWS Price List AmazonEC2 us-east-1, offer 20260910195514, SKU CRAJUW7BTXFMT2UJ, usage type '
        + 'BoxUsage:t3.micro ("$0.0104 per On Demand Linux t3.micro Instance Hour")',
      asOf: '2026-09-10',
      verified: true,
    },
    't3.small': {
      usd: 0.0208,
      source: 'secondary sources ("t3.small $0.0208 an hour"); not read from the Price List',
      asOf: '2026-12-01',
      verified: false,
    },
  },
  ebsGbMonth: {
    gp3: {
      usd: 0.08,
      source: 'AWS Price List AmazonEC2 us-east-1, SKU JG3KUJMBRGHV3N8G ("$0.08 per GB-month of General Purpose (gp3) '
        + 'provisioned storage - US East (N. Virginia)")',
      asOf: '2026-12-01',
      verified: true,
    },
  },
  alarmMetricMonth: {
    usd: 0.1,
    source: 'aws.amazon.com/cloudwatch/pricing list price as quoted by secondary sources (standard resolution)',
    asOf: '2026-12-01',
    verified: false,
  },
  highResolutionAlarmMetricMonth: {
    usd: 0.3,
    source: 'aws.amazon.com/cloudwatch/pricing list price as quoted by secondary sources',
    asOf: '2026-12-01',
    verified: false,
  },
  compositeAlarmMonth: {
    usd: 0.5,
    source: 'aws.amazon.com/cloudwatch/pricing list price as quoted by secondary sources',
    asOf: '2026-12-01',
    verified: false,
  },
  customMetricMonth: {
    usd: 0.3,
    source: 'aws.amazon.com/cloudwatch/pricing list price, first 10,000 metrics, as quoted by secondary sources',
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
    usd: 0.5,
    source: 'AWS Price List AmazonCloudWatch us-east-1, usage type USE1-DataProcessing-Bytes ("$0.50 per GB custom log '
      + 'data ingested in Standard log class")',
    asOf: '2026-09-01',
    verified: true,
  },
  vendedLogsIngestedGb: {
    usd: 0.5,
    source: 'unverified: public copies of the CloudWatch pricing page (vended logs to CloudWatch Logs, first 10 TB)',
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
    usd: 0.3,
    source: 'unverified: secondary sources',
    asOf: '2026-12-01',
    verified: false,
  },
};
