import { NOTHING } from './nothing';
import { Inventory } from '../../src/cost/inventory';
import { lineItems } from '../../src/cost/line-items';
import { Price, RegionPrices } from '../../src/cost/price-types';

/** A price per name, each figure distinct so that a line priced from the wrong entry shows. */
const price = (usd: number, name: string, verified = true): Price => ({ usd, source: `source of ${name}`, asOf: '2026-01-02', verified });

const PRICES: RegionPrices = {
  natGatewayHour: price(1, 'nat'),
  natGatewayGb: price(1000, 'nat data'),
  regionalNatGatewayZoneHour: price(2, 'regional nat', false),
  publicIpv4Hour: price(3, 'ipv4'),
  interfaceEndpointZoneHour: price(5, 'endpoint'),
  interfaceEndpointGb: price(1001, 'endpoint data'),
  kmsKeyMonth: price(7, 'key'),
  // Out of order: the error lists them sorted.
  instanceHour: { 't3.small': price(13, 't3.small'), 't3.micro': price(11, 't3.micro') },
  ebsGbMonth: { gp3: price(19, 'gp3'), gp2: price(17, 'gp2') },
  alarmMetricMonth: price(23, 'alarm'),
  highResolutionAlarmMetricMonth: price(29, 'fast alarm'),
  compositeAlarmMonth: price(31, 'composite'),
  customMetricMonth: price(37, 'metric'),
  dashboardMonth: price(41, 'dashboard'),
  logsIngestedGb: price(1002, 'logs'),
  vendedLogsIngestedGb: price(1003, 'vended logs'),
  logsStoredGbMonth: price(1004, 'log storage'),
  efsStandardGbMonth: price(1005, 'efs'),
};


const hourly = (description: string, quantity: number, unit: string, usd: number, name: string, verified = true) => ({
  description,
  quantity,
  unit,
  unitMonthlyPrice: usd * 730,
  priceDescription: `$${usd} per ${unit}-hour × 730 h`,
  monthly: quantity * usd * 730,
  source: `source of ${name} (2026-01-02)`,
  verified,
});
const free = (description: string, quantity: number, unit: string, source: string, verified = true) => ({
  description, quantity, unit, unitMonthlyPrice: 0, priceDescription: 'free', monthly: 0, source, verified,
});
/** No charge for EC2 instances (https://aws.amazon.com/systems-manager/pricing/), not read from the page: unverified. */
const SYSTEMS_MANAGER = 'aws.amazon.com/systems-manager/pricing: Patch Manager, State Manager and Maintenance Windows have no charge '
  + 'for EC2 instances (Run Command tasks; on-premises nodes of the advanced-instances tier are charged), as quoted by secondary '
  + 'sources (2026-12-07)';
const AWS_SERVICE_EVENTS = 'aws.amazon.com/eventbridge/pricing: events AWS services send to the default event bus are free (custom, '
  + 'partner and cross-account events are billed per event), as quoted by secondary sources (2026-12-07)';
const monthly = (description: string, quantity: number, unit: string, usd: number, name: string) => ({
  description,
  quantity,
  unit,
  unitMonthlyPrice: usd,
  priceDescription: `$${usd} per ${unit} per month`,
  monthly: quantity * usd,
  source: `source of ${name} (2026-01-02)`,
  verified: true,
});

describe('lineItems', () => {
  test('an empty inventory has no line, not lines of zero', () => {
    expect(lineItems('eu-west-1', NOTHING, PRICES)).toEqual([]);
  });

  test('every charge is its quantity times its own price, hourly ones over 730 hours, in the order network first', () => {
    const inventory: Inventory = {
      ...NOTHING,
      zonalNatGateways: 2,
      regionalNatGateways: 1,
      regionalNatGatewayZones: 3,
      publicIpv4Addresses: 5,
      interfaceEndpoints: [{ service: 'eks', zones: 3 }, { service: 'logs', zones: 2 }],
      gatewayEndpoints: ['s3', 'dynamodb'],
      kmsKeys: 4,
      rotatingKmsKeys: 4,
      instances: [
        { path: 'a', instanceType: 't3.small', detailedMonitoring: true, volumes: [{ volumeType: 'gp3', sizeGib: 8 }] },
        { path: 'b', instanceType: 't3.micro', detailedMonitoring: false, volumes: [{ volumeType: 'gp3', sizeGib: 10 }, { volumeType: 'gp2', sizeGib: 20 }] },
        { path: 'c', instanceType: 't3.small', detailedMonitoring: true, volumes: [] },
      ],
      standardAlarmMetrics: 6,
      highResolutionAlarmMetrics: 2,
      compositeAlarms: 1,
      metricFilterMetrics: 15,
      dashboards: 1,
      trails: 1,
      patchBaselines: 2,
      stateManagerAssociations: 3,
      maintenanceWindows: 1,
      awsServiceEventRules: 4,
    };
    expect(lineItems('eu-west-1', inventory, PRICES)).toEqual([
      hourly('NAT gateways (zonal)', 2, 'gateway', 1, 'nat'),
      hourly('Regional NAT gateway, zones active', 3, 'zone', 2, 'regional nat', false),
      hourly('Public IPv4 addresses of the NAT gateways', 5, 'address', 3, 'ipv4'),
      hourly('Interface endpoints (eks, logs), one per zone', 5, 'endpoint-zone', 5, 'endpoint'),
      free('Gateway endpoints (s3, dynamodb)', 2, 'endpoint', 'aws.amazon.com/vpc/pricing: gateway endpoints (S3, DynamoDB) have no charge'),
      monthly('KMS customer-managed keys', 4, 'key', 7, 'key'),
      hourly('EC2 instances t3.micro (Linux, on demand)', 1, 'instance', 11, 't3.micro'),
      hourly('EC2 instances t3.small (Linux, on demand)', 2, 'instance', 13, 't3.small'),
      monthly('EBS gp2 volumes', 20, 'GB', 17, 'gp2'),
      monthly('EBS gp3 volumes', 18, 'GB', 19, 'gp3'),
      // Seven metrics per instance with detailed monitoring (EC2 documentation), at the custom-metric price.
      monthly('EC2 detailed monitoring (7 metrics an instance)', 14, 'metric', 37, 'metric'),
      free('Patch Manager patch baselines (EC2)', 2, 'patch baseline', SYSTEMS_MANAGER, false),
      free('State Manager associations (EC2)', 3, 'association', SYSTEMS_MANAGER, false),
      free('Maintenance windows (EC2)', 1, 'window', SYSTEMS_MANAGER, false),
      monthly('CloudWatch alarms, standard resolution', 6, 'alarm metric', 23, 'alarm'),
      monthly('CloudWatch alarms, high resolution', 2, 'alarm metric', 29, 'fast alarm'),
      monthly('CloudWatch composite alarms', 1, 'alarm', 31, 'composite'),
      monthly('Custom metrics from log metric filters', 15, 'metric', 37, 'metric'),
      monthly('CloudWatch dashboards', 1, 'dashboard', 41, 'dashboard'),
      free('EventBridge rules on AWS service events', 4, 'rule', AWS_SERVICE_EVENTS, false),
      free('CloudTrail trails, management events (first copy)', 1, 'trail',
        'aws.amazon.com/cloudtrail/pricing: the first copy of management events in each region is free'),
    ]);
  });

  test('an instance type or volume type without a price fails, naming the region and the priced types', () => {
    const withInstance = (instanceType: string, volumeType: string): Inventory => ({
      ...NOTHING,
      instances: [{ path: 'a', instanceType, detailedMonitoring: false, volumes: [{ volumeType, sizeGib: 8 }] }],
    });
    expect(() => lineItems('eu-west-1', withInstance('m5.large', 'gp3'), PRICES))
      .toThrow('No price for instance type m5.large in eu-west-1 in the cost table (src/cost/): priced instance types are t3.micro, t3.small.');
    expect(() => lineItems('us-east-1', withInstance('t3.micro', 'io2'), PRICES))
      .toThrow('No price for EBS volume type io2 in us-east-1 in the cost table (src/cost/): priced EBS volume types are gp2, gp3.');
  });
});
