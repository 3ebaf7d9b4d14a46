import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CostLineItem, UsageUnitPrices } from './estimate-data';
import { formatEstimate } from './format';
import { takeInventory } from './inventory';
import { lineItems } from './line-items';
import { pricedRegions, pricesOf } from './price-table';
import { CURRENCY, HOURS_PER_MONTH, PRICE_TABLE_DATE } from './price-types';

/**
 * Options of `CostEstimate.of`.
 */
export interface CostEstimateOptions {
  /**
   * The region whose prices apply.
   *
   * @default - the region of the scope's stack; an environment-agnostic stack must name one here
   */
  readonly region?: string;
}

/**
 * What a baseline costs per month before traffic: its fixed charges, priced from a dated table kept in this library,
 * and the unit prices of what it charges by use. Nothing here calls AWS.
 *
 * It counts the CloudFormation resources in the construct tree of the given scope (NAT gateways and their addresses,
 * interface endpoints per zone, KMS keys, EC2 instances and volumes, alarms, metric filters, dashboards...), so call it
 * once the baseline is built. A region or an instance type the table does not price fails with an Error naming what is
 * priced; resources with a price the table does not hold are listed in `unpriced`, never counted as free.
 *
 * @example
 * const stack = new Stack(new App(), 'Baseline', { env: { region: 'eu-west-1' } });
 * const baseline = new NuminiaBaseline(stack, 'Baseline', { environment: 'production' });
 * const estimate = CostEstimate.of(baseline);
 * console.log(estimate.toText());
 */
export class CostEstimate {
  /**
   * The monthly cost estimate of everything in the construct tree of `scope` (a `NuminiaBaseline`, or a stack).
   */
  public static of(scope: IConstruct, options: CostEstimateOptions = {}): CostEstimate {
    const region = options.region ?? Stack.of(scope).region;
    if (Token.isUnresolved(region)) {
      throw new Error('The cost estimate needs a region: the stack is environment-agnostic, so pass `region` in the '
        + `options (priced regions: ${pricedRegions().join(', ')}).`);
    }
    return new CostEstimate(region, scope);
  }

  /** The regions the price table holds. */
  public static pricedRegions(): string[] {
    return pricedRegions();
  }

  /** The region priced. */
  public readonly region: string;
  /** The currency of every amount: USD, before tax, on-demand prices. */
  public readonly currency: string;
  /** The day the price table was last checked against its sources (each line also dates its own source). */
  public readonly priceTableDate: string;
  /** Hours in a month for hourly prices: 730, as AWS's calculator counts. */
  public readonly hoursPerMonth: number;
  /** The fixed monthly charges, network first. */
  public readonly lineItems: CostLineItem[];
  /** The sum of the line items: what the baseline costs per month before any traffic or data. */
  public readonly fixedMonthlyTotal: number;
  /** The unit prices of the usage-based parts. */
  public readonly usagePrices: UsageUnitPrices;
  /** Things with a price the table does not hold: not in the total, listed so that nothing counts as free by mistake. */
  public readonly unpriced: string[];
  /** What the figures leave out or assume (free tiers, key rotations, data transfer). */
  public readonly notes: string[];

  private constructor(region: string, scope: IConstruct) {
    const prices = pricesOf(region);
    const inventory = takeInventory(scope);
    this.region = region;
    this.currency = CURRENCY;
    this.priceTableDate = PRICE_TABLE_DATE;
    this.hoursPerMonth = HOURS_PER_MONTH;
    this.lineItems = lineItems(region, inventory, prices);
    this.fixedMonthlyTotal = this.lineItems.map((i) => i.monthly).reduce((a, b) => a + b, 0);
    this.usagePrices = {
      natGatewayPerGb: prices.natGatewayGb.usd,
      interfaceEndpointPerGb: prices.interfaceEndpointGb.usd,
      logsIngestedPerGb: prices.logsIngestedGb.usd,
      vendedLogsIngestedPerGb: prices.vendedLogsIngestedGb.usd,
      logsStoredPerGbMonth: prices.logsStoredGbMonth.usd,
      efsStandardStoragePerGbMonth: prices.efsStandardGbMonth.usd,
    };
    this.unpriced = inventory.unpriced;
    this.notes = notesFor(inventory.rotatingKmsKeys);
  }

  /** The estimate as a plain-text table, for a terminal or a CI log. */
  public toText(): string {
    return formatEstimate(this);
  }
}

function notesFor(rotatingKeys: number): string[] {
  const notes = [
    'Before traffic: data processed, data transfer (internet, cross-zone), storage and log volumes are billed by use '
      + '(unit prices above) and not in the total.',
    'The account\'s CloudWatch free tier (10 metrics, 10 alarm metrics, 3 dashboards a month) is shared with every '
      + 'workload in the account, so it is not subtracted.',
    'Burstable (t3) instances run in unlimited mode: CPU above the baseline for long is charged as CPU credits.',
  ];
  if (rotatingKeys > 0) {
    notes.push(`${rotatingKeys} key(s) rotate automatically: each of a key's first two rotations adds $1 a month, so a `
      + 'key costs up to $3 a month from its second rotation on (later rotations are free).');
  }
  return notes;
}
