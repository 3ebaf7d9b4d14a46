import { CostEstimate } from '../../src';
import { formatEstimate, unitPrice } from '../../src/cost/format';

describe('formatEstimate', () => {
  test('descriptions shorter than the total\'s label are padded to it, so that the amounts stay in one column', () => {
    const estimate = {
      region: 'eu-west-1',
      currency: 'USD',
      priceTableDate: '2026-12-01',
      hoursPerMonth: 730,
      lineItems: [{ description: 'EBS gp3 volumes', quantity: 8, unitMonthlyPrice: 0.088, monthly: 0.704 }],
      fixedMonthlyTotal: 0.704,
      usagePrices: {
        natGatewayPerGb: 0.048,
        interfaceEndpointPerGb: 0.01,
        logsIngestedPerGb: 0.57,
        vendedLogsIngestedPerGb: 0.57,
        logsStoredPerGbMonth: 0.03,
        efsStandardStoragePerGbMonth: 0.33,
      },
      unpriced: [],
      notes: [],
    } as unknown as CostEstimate;
    expect(formatEstimate(estimate).split('\n').slice(1, 3)).toEqual([
      '  EBS gp3 volumes      8 × $0.088      $0.70',
      '  Fixed monthly total                  $0.70',
    ]);
  });

  test.each([
    [0.048, '$0.048'], [1, '$1.00'], [0.3, '$0.30'], [35.04, '$35.04'], [0.00012345, '$0.0001'], [8.322, '$8.322'],
  ])('a unit price of %d reads %s', (amount, text) => {
    expect(unitPrice(amount)).toBe(text);
  });
});
