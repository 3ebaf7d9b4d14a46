/*
 * What an estimate holds: data, which `CostEstimate` computes and `format.ts` reads (neither imports the other).
 */

/**
 * One fixed monthly charge: what, how many, at what price, from which source.
 */
export interface CostLineItem {
  /** What is charged, e.g. "NAT gateways (zonal)". */
  readonly description: string;
  /** How many units (gateways, addresses, endpoint-zones, keys, instances, GB, metrics...). */
  readonly quantity: number;
  /** The unit `quantity` counts, e.g. "gateway", "endpoint-zone", "GB". */
  readonly unit: string;
  /** The price of one unit for one month, in `currency`. */
  readonly unitMonthlyPrice: number;
  /** How the unit price is made, e.g. "$0.048 per gateway-hour × 730 h". */
  readonly priceDescription: string;
  /** `quantity` × `unitMonthlyPrice`, unrounded. */
  readonly monthly: number;
  /** Where the unit price comes from, with its date. */
  readonly source: string;
  /** True when the unit price was read from the AWS Price List or an AWS pricing page; false for secondary sources. */
  readonly verified: boolean;
}

/**
 * Unit prices of the usage-based parts of a baseline, which no template can count: they depend on traffic and data.
 */
export interface UsageUnitPrices {
  /** Per GB processed by a NAT gateway (either direction), on top of data transfer. */
  readonly natGatewayPerGb: number;
  /** Per GB processed by interface endpoints (the first PB a month). */
  readonly interfaceEndpointPerGb: number;
  /** Per GB of log data ingested into CloudWatch Logs (the trail's copy, applications' logs). */
  readonly logsIngestedPerGb: number;
  /** Per GB of vended logs (VPC flow logs) delivered to CloudWatch Logs. */
  readonly vendedLogsIngestedPerGb: number;
  /** Per GB-month of CloudWatch Logs storage. */
  readonly logsStoredPerGbMonth: number;
  /** Per GB-month of EFS Standard storage. */
  readonly efsStandardStoragePerGbMonth: number;
}
