import { App, Stack } from 'aws-cdk-lib';
import { CostEstimate } from '../../src';
import { formatEstimate, unitPrice } from '../../src/cost/format';

describe('formatEstimate', () => {
  test('descriptions shorter than the total\'s label are padded to it, so that the amounts stay in one column', () => {
    const nothing = CostEstimate.of(new Stack(new App(), 'Empty', { env: { region: 'eu-west-1' } }));
    const lineItems = [{ description: 'EBS gp3 volumes', quantity: 8, unitMonthlyPrice: 0.088, monthly: 0.704 }];
    const estimate = { ...nothing, lineItems, fixedMonthlyTotal: 0.704, notes: [] } as unknown as CostEstimate;
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
