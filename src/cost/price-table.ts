import { Price, RegionPrices } from './price-types';
import { EU_WEST_1 } from './prices-eu-west-1';
import { US_EAST_1 } from './prices-us-east-1';

/** The regions the table prices. */
const PRICE_TABLE: { readonly [region: string]: RegionPrices } = {
  'eu-west-1': EU_WEST_1,
  'us-east-1': US_EAST_1,
};

/** The regions with prices, sorted. */
export function pricedRegions(): string[] {
  return Object.keys(PRICE_TABLE).sort();
}

/** The prices of a region; an Error naming the region and the priced ones when it has none (never a zero). */
export function pricesOf(region: string): RegionPrices {
  const prices = PRICE_TABLE[region];
  if (!prices) {
    throw new Error(`No prices for region ${region} in the cost table (src/cost/): priced regions are ${pricedRegions().join(', ')}. `
      + 'Add the region\'s prices, with their sources and dates, to estimate it.');
  }
  return prices;
}

/** One entry of a per-type price map; an Error naming the kind, the type and the priced ones when it is missing. */
export function priceOfType(region: string, kind: string, prices: { readonly [type: string]: Price }, type: string): Price {
  const price = prices[type];
  if (!price) {
    throw new Error(`No price for ${kind} ${type} in ${region} in the cost table (src/cost/): priced ${kind}s are `
      + `${Object.keys(prices).sort().join(', ')}.`);
  }
  return price;
}
