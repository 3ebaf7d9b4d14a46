/**
 * Hours in a month as AWS's own calculator counts them (24 × 365 / 12 = 730): an hourly price × 730 is a monthly one.
 */
export const HOURS_PER_MONTH = 730;

/** Every price in the table is in US dollars, before tax, on-demand. */
export const CURRENCY = 'USD';

/** The day the table was last checked against its sources (each price also carries its source's own date). */
export const PRICE_TABLE_DATE = '2026-12-01';

/** One unit price, with where it comes from. */
export interface Price {
  /** US dollars per unit. */
  readonly usd: number;
  /** Where the figure was read: the AWS Price List row (usage type, SKU, offer version) or the page. */
  readonly source: string;
  /** The date of that source (offer publication, page copy or effective date). */
  readonly asOf: string;
  /**
   * True when read from an AWS Price List row or an AWS pricing page; false when it rests on secondary sources or on
   * an assumption, which the source says.
   */
  readonly verified: boolean;
}

/** What one region charges for the things a baseline holds. Hourly prices are per hour, the rest as named. */
export interface RegionPrices {
  /** A zonal NAT gateway, per gateway-hour. */
  readonly natGatewayHour: Price;
  /** Data processed by a NAT gateway, per GB. */
  readonly natGatewayGb: Price;
  /** A regional NAT gateway, per hour in each zone it is active in. */
  readonly regionalNatGatewayZoneHour: Price;
  /** An in-use public IPv4 address (an Elastic IP of a NAT gateway), per hour. */
  readonly publicIpv4Hour: Price;
  /** An interface VPC endpoint, per hour in each zone (each subnet) it is provisioned in. */
  readonly interfaceEndpointZoneHour: Price;
  /** Data processed by interface endpoints, per GB (the first PB a month). */
  readonly interfaceEndpointGb: Price;
  /** A customer-managed KMS key, per month (before its first rotation). */
  readonly kmsKeyMonth: Price;
  /** On-demand Linux instances, per hour, by instance type. */
  readonly instanceHour: { readonly [instanceType: string]: Price };
  /** EBS volume storage, per GB-month, by volume type (baseline IOPS and throughput included). */
  readonly ebsGbMonth: { readonly [volumeType: string]: Price };
  /** A standard-resolution alarm, per alarm metric per month. */
  readonly alarmMetricMonth: Price;
  /** A high-resolution alarm (period under 60 seconds), per alarm metric per month. */
  readonly highResolutionAlarmMetricMonth: Price;
  /** A composite alarm, per month. */
  readonly compositeAlarmMonth: Price;
  /** A custom metric (also each metric of EC2 detailed monitoring), per month, first 10,000 metrics. */
  readonly customMetricMonth: Price;
  /** A CloudWatch dashboard, per month. */
  readonly dashboardMonth: Price;
  /** Log data ingested into CloudWatch Logs (Standard class), per GB. */
  readonly logsIngestedGb: Price;
  /** Vended logs (VPC flow logs) delivered to CloudWatch Logs, per GB, first 10 TB. */
  readonly vendedLogsIngestedGb: Price;
  /** CloudWatch Logs storage, per GB-month. */
  readonly logsStoredGbMonth: Price;
  /** EFS Standard storage, per GB-month. */
  readonly efsStandardGbMonth: Price;
}
