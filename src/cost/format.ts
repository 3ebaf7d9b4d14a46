import { CostLineItem, UsageUnitPrices } from './estimate-data';

/** An estimate as the text table reads it (a `CostEstimate` is one). */
export interface EstimateData {
  readonly region: string;
  readonly currency: string;
  readonly priceTableDate: string;
  readonly hoursPerMonth: number;
  readonly lineItems: CostLineItem[];
  readonly fixedMonthlyTotal: number;
  readonly usagePrices: UsageUnitPrices;
  readonly unpriced: string[];
  readonly notes: string[];
}

/** Amounts in the text table: dollars with cents. */
function money(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** Unit prices: at least cents, and the tenths of a cent that small prices have ($0.088, $0.045). */
export function unitPrice(amount: number): string {
  const text = String(Number(amount.toFixed(4)));
  const [whole, fraction = ''] = text.split('.');
  return `$${whole}.${fraction.padEnd(2, '0')}`;
}

/** A fixed-width table of an estimate, line items first, then unit prices, unpriced items and notes. */
export function formatEstimate(estimate: EstimateData): string {
  const usage = estimate.usagePrices;
  const rows = estimate.lineItems.map((item) => [
    item.description,
    `${item.quantity} × ${unitPrice(item.unitMonthlyPrice)}`,
    money(item.monthly),
  ]);
  const width = Math.max(...rows.map((r) => r[0].length), 'Fixed monthly total'.length);
  const middle = Math.max(...rows.map((r) => r[1].length), 0);
  const lines = [
    `Monthly cost estimate, ${estimate.region}, ${estimate.currency} on-demand, price table of ${estimate.priceTableDate} `
      + `(${estimate.hoursPerMonth} hours a month)`,
    ...rows.map(([what, qty, amount]) => `  ${what.padEnd(width)}  ${qty.padStart(middle)}  ${amount.padStart(9)}`),
    `  ${'Fixed monthly total'.padEnd(width)}  ${''.padStart(middle)}  ${money(estimate.fixedMonthlyTotal).padStart(9)}`,
    `Usage-based: ${unitPrice(usage.natGatewayPerGb)}/GB through NAT, ${unitPrice(usage.interfaceEndpointPerGb)}/GB through `
      + `interface endpoints, ${unitPrice(usage.logsIngestedPerGb)}/GB of logs ingested (${unitPrice(usage.vendedLogsIngestedPerGb)}/GB `
      + `of flow logs), ${unitPrice(usage.logsStoredPerGbMonth)}/GB-month of logs stored, `
      + `${unitPrice(usage.efsStandardStoragePerGbMonth)}/GB-month of EFS Standard`,
  ];
  if (estimate.unpriced.length > 0) {
    lines.push('Not priced (not in the table, not in the total):', ...estimate.unpriced.map((u) => `  - ${u}`));
  }
  lines.push(...estimate.notes.map((n) => `  * ${n}`));
  return lines.join('\n');
}
