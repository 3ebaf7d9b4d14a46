/**
 * The production baseline's monthly fixed cost under each NAT strategy, in each priced region: the main job prints
 * it and `npx projen diagram` writes it into docs/cost.md. Every strategy of the enum is priced, so a new one (e.g. a
 * regional NAT gateway) appears here without a change.
 */
import * as os from 'os';
import * as path from 'path';
import { buildProductionApp } from './app';
import { CostEstimate, NatGateways } from '../../src';

/** Every NAT strategy, in the enum's order (the default first). */
export const STRATEGIES: NatGateways[] = Object.values(NatGateways);

/** The regions compared side by side (the price table's). */
export const REGIONS: string[] = CostEstimate.pricedRegions();

export interface StrategyCost {
  readonly strategy: NatGateways;
  /** One estimate per region, in `REGIONS` order. */
  readonly estimates: CostEstimate[];
}

/** The production baseline built with each strategy (not synthesized), priced in every region. */
export function costsByStrategy(): StrategyCost[] {
  return STRATEGIES.map((strategy) => {
    const { baseline } = buildProductionApp(path.join(os.tmpdir(), 'numinia-cost-estimate'), strategy);
    return { strategy, estimates: REGIONS.map((region) => CostEstimate.of(baseline, { region })) };
  });
}

function quantity(estimate: CostEstimate, description: RegExp): number {
  return estimate.lineItems.filter((i) => description.test(i.description)).map((i) => i.quantity).reduce((a, b) => a + b, 0);
}

/** What a strategy puts in the network: NAT gateways (or zones of a regional one), addresses, endpoint-zones. */
function shape(estimate: CostEstimate): [number, number, number] {
  return [quantity(estimate, /^(NAT gateways|Regional NAT gateway)/), quantity(estimate, /^Public IPv4/), quantity(estimate, /^Interface endpoints/)];
}

/** A plain-text table for a terminal. */
export function strategyText(costs: StrategyCost[]): string {
  const head = ['NAT strategy', 'NAT', 'IPs', 'endpoint-zones', ...REGIONS];
  const rows = costs.map(({ strategy, estimates }) => [
    strategy,
    ...shape(estimates[0]).map(String),
    ...estimates.map((e) => `$${e.fixedMonthlyTotal.toFixed(2)}`),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  return [line(head), ...rows.map(line)].join('\n');
}

/** A Markdown table for docs/cost.md. */
export function strategyMarkdown(costs: StrategyCost[]): string {
  const head = ['NAT strategy', 'NAT gateways (or zones)', 'public IPv4', 'interface endpoint-zones', ...REGIONS.map((r) => `${r} per month`)];
  const rows = costs.map(({ strategy, estimates }) => [
    `\`NatGateways.${strategy}\``,
    ...shape(estimates[0]).map(String),
    ...estimates.map((e) => `$${e.fixedMonthlyTotal.toFixed(2)}`),
  ]);
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The default baseline's line items in every region, as a Markdown table. */
export function lineItemsMarkdown(costs: StrategyCost[]): string {
  const estimates = costs[0].estimates;
  const head = ['fixed charge', 'quantity', ...REGIONS.map((r) => `${r} per month`)];
  const rows = estimates[0].lineItems.map((item, i) => [
    item.description,
    `${item.quantity} ${plural(item.unit, item.quantity)}`,
    ...estimates.map((e) => `$${e.lineItems[i].monthly.toFixed(2)}${e.lineItems[i].verified ? '' : ' *'}`),
  ]);
  rows.push(['**total**', '', ...estimates.map((e) => `**$${e.fixedMonthlyTotal.toFixed(2)}**`)]);
  return [
    `| ${head.join(' | ')} |`,
    `|---|---:|${REGIONS.map(() => '---:').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** "3 gateways", "3 addresses", "8 GB". */
function plural(unit: string, count: number): string {
  if (count === 1 || unit === 'GB') return unit;
  return unit.endsWith('s') ? `${unit}es` : `${unit}s`;
}
