import { App, CfnResource, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { CostEstimate, NatGateways } from '../../src';
import { baselineStack } from '../util';

/** 730 hours a month, as the price table states. */
const H = 730;

/**
 * The default monitoring's alarm metrics: 15 CIS alarms; per NAT gateway one for port allocation errors and three read
 * by the drop-share alarm; 2 EFS, 1 bastion, 1 per interface endpoint, 1 for the trail's delivery.
 */
const monitoringAlarmMetrics = (nats: number, endpoints: number) => 15 + nats * (1 + 3) + 2 + 1 + endpoints + 1;
/**
 * What the default monitoring adds besides its alarms: the topic's key, 16 filter metrics (15 CIS metrics and the
 * bastion's tunnel count, custom metrics at $0.30 a month, aws.amazon.com/cloudwatch/pricing), the dashboard.
 */
const MONITORING_REST = 1.0 + 16 * 0.3 + 3.0;

function quantityOf(estimate: CostEstimate, description: RegExp): number | undefined {
  return estimate.lineItems.find((i) => description.test(i.description))?.quantity;
}

describe('CostEstimate', () => {
  test('without monitoring, the baseline costs what it did before monitoring existed', () => {
    const { baseline } = baselineStack({ monitoring: { enabled: false } });
    expect(CostEstimate.of(baseline).fixedMonthlyTotal).toBeCloseTo(178.476, 6);
    expect(CostEstimate.of(baseline, { region: 'us-east-1' }).fixedMonthlyTotal).toBeCloseTo(166.732, 6);
  });

  describe('the default baseline', () => {
    const { baseline } = baselineStack();

    test('costs the table\'s arithmetic per month in eu-west-1', () => {
      // GIVEN the table's eu-west-1 prices
      const expected =
        3 * 0.048 * H // three zonal NAT gateways
        + 3 * 0.005 * H // their three Elastic IPs
        + 2 * 3 * 0.011 * H // EKS and CloudWatch Logs interface endpoints, one per zone
        + 3 * 1.0 // three KMS keys
        + 0.0114 * H // the t3.micro bastion
        + 8 * 0.088 // its 8 GiB gp3 root volume
        + 7 * 0.3 // its detailed monitoring: seven metrics
        + 1 * 0.1 // its recovery alarm
        + monitoringAlarmMetrics(3, 2) * 0.1 // monitoring: 33 alarm metrics
        + MONITORING_REST; // the alarm topic's key, 16 filter metrics, the dashboard
      // The bastion's patching (patch baseline, scan association, install window) and the compliance rule add $0.
      // THEN
      expect(CostEstimate.of(baseline).fixedMonthlyTotal).toBeCloseTo(expected, 6);
      expect(expected).toBeCloseTo(178.476 + 12.1, 6);
    });

    test('costs the table\'s arithmetic per month in us-east-1', () => {
      const expected =
        3 * 0.045 * H
        + 3 * 0.005 * H
        + 2 * 3 * 0.01 * H
        + 3 * 1.0
        + 0.0104 * H
        + 8 * 0.08
        + 7 * 0.3
        + 1 * 0.1
        + monitoringAlarmMetrics(3, 2) * 0.1
        + MONITORING_REST;
      expect(CostEstimate.of(baseline, { region: 'us-east-1' }).fixedMonthlyTotal).toBeCloseTo(expected, 6);
      expect(expected).toBeCloseTo(166.732 + 12.1, 6);
    });

    test('states region, currency, table date and 730 hours', () => {
      const estimate = CostEstimate.of(baseline);
      expect(estimate).toMatchObject({ region: 'eu-west-1', currency: 'USD', priceTableDate: '2026-12-01', hoursPerMonth: 730 });
    });

    test('gives the usage-based unit prices of the region', () => {
      expect(CostEstimate.of(baseline).usagePrices).toEqual({
        natGatewayPerGb: 0.048,
        interfaceEndpointPerGb: 0.01,
        logsIngestedPerGb: 0.57,
        vendedLogsIngestedPerGb: 0.57,
        logsStoredPerGbMonth: 0.03,
        efsStandardStoragePerGbMonth: 0.33,
      });
    });

    test('dates and sources every line, and prices nothing it does not know', () => {
      const estimate = CostEstimate.of(baseline);
      for (const item of estimate.lineItems) {
        expect(item.source).toMatch(/\S+.*\(\d{4}-\d{2}-\d{2}\)$|pricing/);
      }
      expect(estimate.unpriced).toEqual([]);
    });

    test('shows the bastion\'s patching and its compliance rule at no charge, sourced to the pricing pages and unverified', () => {
      const estimate = CostEstimate.of(baseline);
      const line = (description: string) => estimate.lineItems.find((i) => i.description === description);
      // aws.amazon.com/systems-manager/pricing: no charge for Patch Manager, State Manager and Maintenance Windows on EC2.
      for (const [description, unit] of [
        ['Patch Manager patch baselines (EC2)', 'patch baseline'],
        ['State Manager associations (EC2)', 'association'],
        ['Maintenance windows (EC2)', 'window'],
      ]) {
        expect(line(description)).toMatchObject({ quantity: 1, unit, unitMonthlyPrice: 0, monthly: 0, verified: false });
        expect(line(description)?.source).toMatch(/^aws\.amazon\.com\/systems-manager\/pricing: .*\(\d{4}-\d{2}-\d{2}\)$/);
      }
      // aws.amazon.com/eventbridge/pricing: AWS services' events on the default bus are free.
      expect(line('EventBridge rules on AWS service events')).toMatchObject({ quantity: 1, unit: 'rule', monthly: 0, verified: false });
      expect(line('EventBridge rules on AWS service events')?.source).toMatch(/^aws\.amazon\.com\/eventbridge\/pricing: /);
    });

    test('prints every line, the total, the unit prices and the notes, aligned', () => {
      // Checked by hand against the line items: 3 x 35.04 = 105.12, 8 x 0.088 = 0.704, 16 x 0.30 = 4.80, and the total is
      // of the unrounded amounts (190.576), which is why the printed lines add up to 190.57.
      expect(CostEstimate.of(baseline).toText()).toBe([
        'Monthly cost estimate, eu-west-1, USD on-demand, price table of 2026-12-01 (730 hours a month)',
        '  NAT gateways (zonal)                               3 × $35.04    $105.12',
        '  Public IPv4 addresses of the NAT gateways           3 × $3.65     $10.95',
        '  Interface endpoints (eks, logs), one per zone       6 × $8.03     $48.18',
        '  Gateway endpoints (s3)                              1 × $0.00      $0.00',
        '  KMS customer-managed keys                           4 × $1.00      $4.00',
        '  EC2 instances t3.micro (Linux, on demand)          1 × $8.322      $8.32',
        '  EBS gp3 volumes                                    8 × $0.088      $0.70',
        '  EC2 detailed monitoring (7 metrics an instance)     7 × $0.30      $2.10',
        '  Patch Manager patch baselines (EC2)                 1 × $0.00      $0.00',
        '  State Manager associations (EC2)                    1 × $0.00      $0.00',
        '  Maintenance windows (EC2)                           1 × $0.00      $0.00',
        '  CloudWatch alarms, standard resolution             34 × $0.10      $3.40',
        '  Custom metrics from log metric filters             16 × $0.30      $4.80',
        '  CloudWatch dashboards                               1 × $3.00      $3.00',
        '  EventBridge rules on AWS service events             1 × $0.00      $0.00',
        '  CloudTrail trails, management events (first copy)   1 × $0.00      $0.00',
        '  Fixed monthly total                                              $190.58',
        'Usage-based: $0.048/GB through NAT, $0.01/GB through interface endpoints, $0.57/GB of logs ingested ($0.57/GB of flow logs), '
          + '$0.03/GB-month of logs stored, $0.33/GB-month of EFS Standard',
        '  * Before traffic: data processed, data transfer (internet, cross-zone), storage and log volumes are billed by use (unit prices '
          + 'above) and not in the total.',
        '  * The account\'s CloudWatch free tier (10 metrics, 10 alarm metrics, 3 dashboards a month) is shared with every workload in '
          + 'the account, so it is not subtracted.',
        '  * Burstable (t3) instances run in unlimited mode: CPU above the baseline for long is charged as CPU credits.',
        '  * 4 key(s) rotate automatically: each of a key\'s first two rotations adds $1 a month, so a key costs up to $3 a month from '
          + 'its second rotation on (later rotations are free).',
      ].join('\n'));
    });

    test('prints a table with the total', () => {
      const text = CostEstimate.of(baseline).toText();
      expect(text).toContain('eu-west-1');
      expect(text).toMatch(/Fixed monthly total\s+\$190\.58/);
      expect(text).toContain('$0.048/GB through NAT');
    });
  });

  test('without the bastion\'s patching, the estimate has no Systems Manager or EventBridge line and the same total', () => {
    const { baseline } = baselineStack({ bastion: { patching: { enabled: false } } });
    const estimate = CostEstimate.of(baseline);
    expect(estimate.lineItems.map((i) => i.description).filter((d) => /Patch Manager|State Manager|Maintenance windows|EventBridge/.test(d))).toEqual([]);
    expect(estimate.unpriced).toEqual([]);
    expect(estimate.fixedMonthlyTotal).toBeCloseTo(190.576, 6);
  });

  test('one NAT gateway costs one gateway and one address', () => {
    const { baseline } = baselineStack({ network: { natGateways: NatGateways.SINGLE } });
    const estimate = CostEstimate.of(baseline);
    expect(quantityOf(estimate, /^NAT gateways/)).toBe(1);
    expect(quantityOf(estimate, /^Public IPv4/)).toBe(1);
    // Two gateways, their addresses and their two alarm sets fewer.
    expect(estimate.fixedMonthlyTotal).toBeCloseTo(190.576 - 2 * 0.048 * H - 2 * 0.005 * H - 2 * 4 * 0.1, 6);
  });

  test('no NAT gateway costs no NAT but the three SSM endpoints in every zone', () => {
    const { baseline } = baselineStack({ network: { natGateways: NatGateways.NONE } });
    const estimate = CostEstimate.of(baseline);
    expect(quantityOf(estimate, /^NAT gateways/)).toBeUndefined();
    expect(quantityOf(estimate, /^Public IPv4/)).toBeUndefined();
    expect(quantityOf(estimate, /^Interface endpoints/)).toBe(5 * 3);
    // No gateway, address or NAT alarm; three SSM endpoints more, in three zones, each with its drop alarm.
    expect(estimate.fixedMonthlyTotal).toBeCloseTo(190.576 - 3 * 0.048 * H - 3 * 0.005 * H - 3 * 4 * 0.1 + 3 * 3 * 0.011 * H + 3 * 0.1, 6);
  });

  test('a regional NAT gateway costs one hour per zone it serves and an address per zone', () => {
    // GIVEN a hand-built VPC with aws-cdk-lib's regional NAT gateway (automatic mode: AWS allocates the addresses)
    const stack = new Stack(new App(), 'Regional', { env: { region: 'eu-west-1' } });
    new ec2.Vpc(stack, 'Vpc', {
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGatewayProvider: ec2.NatProvider.regionalGateway(),
    });
    // WHEN
    const estimate = CostEstimate.of(stack);
    // THEN
    expect(quantityOf(estimate, /^NAT gateways \(zonal\)/)).toBeUndefined();
    expect(quantityOf(estimate, /^Regional NAT gateway/)).toBe(3);
    expect(quantityOf(estimate, /^Public IPv4/)).toBe(3);
    expect(estimate.fixedMonthlyTotal).toBeCloseTo(3 * 0.048 * H + 3 * 0.005 * H, 6);
  });

  test('alarms, metric filters and dashboards are priced per metric and per dashboard', () => {
    // GIVEN a hand-built monitoring area: an alarm topic, two standard alarms and a high-resolution one, a metric
    // filter with one metric, a composite alarm and a dashboard
    const stack = new Stack(new App(), 'Monitoring', { env: { region: 'eu-west-1' } });
    new sns.Topic(stack, 'AlarmTopic');
    const metric = new cloudwatch.Metric({ namespace: 'Test', metricName: 'Errors', period: Duration.minutes(5) });
    const standard = metric.createAlarm(stack, 'Standard', { threshold: 1, evaluationPeriods: 1 });
    metric.createAlarm(stack, 'Standard2', { threshold: 2, evaluationPeriods: 1 });
    metric.with({ period: Duration.seconds(10) }).createAlarm(stack, 'Fast', { threshold: 1, evaluationPeriods: 1 });
    new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.fromAlarm(standard, cloudwatch.AlarmState.ALARM) });
    new logs.MetricFilter(stack, 'Filter', {
      logGroup: new logs.LogGroup(stack, 'Logs'),
      filterPattern: logs.FilterPattern.literal('ERROR'),
      metricNamespace: 'Test',
      metricName: 'ErrorLines',
    });
    new cloudwatch.Dashboard(stack, 'Dashboard');
    // WHEN
    const estimate = CostEstimate.of(stack);
    // THEN
    expect(quantityOf(estimate, /alarms, standard resolution/)).toBe(2);
    expect(quantityOf(estimate, /alarms, high resolution/)).toBe(1);
    expect(estimate.fixedMonthlyTotal).toBeCloseTo(2 * 0.1 + 0.3 + 0.5 + 0.3 + 3.0, 6);
    expect(estimate.unpriced).toEqual([]);
  });

  test('a resource type the table does not know is listed as unpriced, not counted free', () => {
    const { stack, baseline } = baselineStack();
    new CfnResource(stack, 'Balancer', { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' });
    expect(CostEstimate.of(stack).unpriced).toEqual(['1 AWS::ElasticLoadBalancingV2::LoadBalancer (a resource type the table does not know)']);
    expect(CostEstimate.of(stack).toText()).toContain('\nNot priced (not in the table, not in the total):\n'
      + '  - 1 AWS::ElasticLoadBalancingV2::LoadBalancer (a resource type the table does not know)\n  * Before traffic');
    expect(CostEstimate.of(stack).fixedMonthlyTotal).toBeCloseTo(CostEstimate.of(baseline).fixedMonthlyTotal, 6);
  });

  test('fails when the region has no prices, naming the priced regions', () => {
    const { baseline } = baselineStack({}, { region: 'ap-southeast-2' });
    expect(() => CostEstimate.of(baseline)).toThrow(new Error('No prices for region ap-southeast-2 in the cost table (src/cost/): priced '
      + 'regions are eu-west-1, us-east-1. Add the region\'s prices, with their sources and dates, to estimate it.'));
  });

  test('fails when the stack has no region and none is given', () => {
    const { baseline } = baselineStack({ network: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] } }, { region: null });
    expect(() => CostEstimate.of(baseline)).toThrow(new Error('The cost estimate needs a region: the stack is environment-agnostic, so '
      + 'pass `region` in the options (priced regions: eu-west-1, us-east-1).'));
  });

  test('fails when the instance type has no price, naming the priced types', () => {
    const { baseline } = baselineStack({ bastion: { instanceType: new ec2.InstanceType('m7g.large') } });
    expect(() => CostEstimate.of(baseline)).toThrow(/No price for instance type m7g\.large in eu-west-1 .*priced instance types are t3\.micro, t3\.small/);
  });

  test('with no key of its own to rotate, it does not mention key rotation', () => {
    const keyStack = new Stack(new App(), 'Keys', { env: { region: 'eu-west-1' } });
    const keyArn = (n: number) => `arn:aws:kms:eu-west-1:111111111111:key/${n}1111111-2222-3333-4444-555555555555`;
    const key = (n: number) => kms.Key.fromKeyArn(keyStack, `Key${n}`, keyArn(n));
    const encryption = { eksSecretsKey: key(1), fileSystemKey: key(2), logsKey: key(3) };
    const { baseline } = baselineStack({ encryption, monitoring: { enabled: false } });
    const estimate = CostEstimate.of(baseline);
    expect(quantityOf(estimate, /KMS customer-managed keys/) ?? 0).toBe(0);
    expect(estimate.notes).toHaveLength(3);
    expect(estimate.notes.join(' ')).not.toMatch(/rotate/);
  });

  test('a tree with nothing priced prints a zero total, the unit prices and the notes, and no rotation note', () => {
    const stack = new Stack(new App(), 'Empty', { env: { region: 'us-east-1' } });
    new CfnResource(stack, 'Group', { type: 'AWS::EC2::SecurityGroup' });
    const estimate = CostEstimate.of(stack);
    expect(estimate.lineItems).toEqual([]);
    expect(estimate.fixedMonthlyTotal).toBe(0);
    const [title, total, usage, ...notes] = estimate.toText().split('\n');
    expect(title).toBe('Monthly cost estimate, us-east-1, USD on-demand, price table of 2026-12-01 (730 hours a month)');
    expect(total).toBe('  Fixed monthly total        $0.00');
    expect(usage).toMatch(/^Usage-based: \$0\.045\/GB through NAT, /);
    expect(notes).toHaveLength(3);
  });

  test('lists the regions it prices', () => {
    expect(CostEstimate.pricedRegions()).toEqual(['eu-west-1', 'us-east-1']);
  });
});
