import { CostLineItem } from './estimate-data';
import { DETAILED_MONITORING_METRICS, Inventory } from './inventory';
import { priceOfType } from './price-table';
import { HOURS_PER_MONTH, Price, RegionPrices } from './price-types';

/** Gateway endpoints and the first copy of management events cost nothing: shown so that a reader sees they count. */
const FREE_SOURCE_GATEWAY_ENDPOINTS = 'aws.amazon.com/vpc/pricing: gateway endpoints (S3, DynamoDB) have no charge';
const FREE_SOURCE_TRAIL = 'aws.amazon.com/cloudtrail/pricing: the first copy of management events in each region is free';
/**
 * Patching an EC2 instance costs nothing in Systems Manager: the patch baseline, the State Manager association that scans
 * and the maintenance window that installs (its Run Command task) have no charge of their own; only on-premises nodes
 * of the advanced-instances tier are charged, per node. Not read from the page here: marked unverified.
 */
const FREE_SOURCE_SYSTEMS_MANAGER = 'aws.amazon.com/systems-manager/pricing: Patch Manager, State Manager and Maintenance Windows '
  + 'have no charge for EC2 instances (Run Command tasks; on-premises nodes of the advanced-instances tier are charged), as '
  + 'quoted by secondary sources (2026-12-07)';
/** A rule on AWS services' own events (e.g. Patch Manager's compliance changes) is free; custom events are billed per event. */
const FREE_SOURCE_AWS_SERVICE_EVENTS = 'aws.amazon.com/eventbridge/pricing: events AWS services send to the default event bus '
  + 'are free (custom, partner and cross-account events are billed per event), as quoted by secondary sources (2026-12-07)';

/** The fixed monthly charges of an inventory at a region's prices, in a stable order (network first). */
export function lineItems(region: string, inventory: Inventory, prices: RegionPrices): CostLineItem[] {
  const items: CostLineItem[] = [];
  const add = (description: string, quantity: number, unit: string, price: Price, perMonth: boolean) => {
    if (quantity === 0) return;
    const unitMonthlyPrice = perMonth ? price.usd : price.usd * HOURS_PER_MONTH;
    items.push({
      description,
      quantity,
      unit,
      unitMonthlyPrice,
      priceDescription: perMonth ? `$${price.usd} per ${unit} per month` : `$${price.usd} per ${unit}-hour × ${HOURS_PER_MONTH} h`,
      monthly: quantity * unitMonthlyPrice,
      source: `${price.source} (${price.asOf})`,
      verified: price.verified,
    });
  };
  const free = (description: string, quantity: number, unit: string, source: string, verified = true) => {
    if (quantity === 0) return;
    items.push({ description, quantity, unit, unitMonthlyPrice: 0, priceDescription: 'free', monthly: 0, source, verified });
  };

  add('NAT gateways (zonal)', inventory.zonalNatGateways, 'gateway', prices.natGatewayHour, false);
  add('Regional NAT gateway, zones active', inventory.regionalNatGatewayZones, 'zone', prices.regionalNatGatewayZoneHour, false);
  add('Public IPv4 addresses of the NAT gateways', inventory.publicIpv4Addresses, 'address', prices.publicIpv4Hour, false);
  const endpointZones = inventory.interfaceEndpoints.map((e) => e.zones).reduce((a, b) => a + b, 0);
  const services = inventory.interfaceEndpoints.map((e) => e.service).join(', ');
  add(`Interface endpoints (${services}), one per zone`, endpointZones, 'endpoint-zone', prices.interfaceEndpointZoneHour, false);
  free(`Gateway endpoints (${inventory.gatewayEndpoints.join(', ')})`, inventory.gatewayEndpoints.length, 'endpoint', FREE_SOURCE_GATEWAY_ENDPOINTS);
  add('KMS customer-managed keys', inventory.kmsKeys, 'key', prices.kmsKeyMonth, true);

  const types = [...new Set(inventory.instances.map((i) => i.instanceType))].sort();
  for (const type of types) {
    const count = inventory.instances.filter((i) => i.instanceType === type).length;
    add(`EC2 instances ${type} (Linux, on demand)`, count, 'instance', priceOfType(region, 'instance type', prices.instanceHour, type), false);
  }
  const volumes = inventory.instances.flatMap((i) => i.volumes);
  for (const volumeType of [...new Set(volumes.map((v) => v.volumeType))].sort()) {
    const gib = volumes.filter((v) => v.volumeType === volumeType).map((v) => v.sizeGib).reduce((a, b) => a + b, 0);
    add(`EBS ${volumeType} volumes`, gib, 'GB', priceOfType(region, 'EBS volume type', prices.ebsGbMonth, volumeType), true);
  }
  const monitored = inventory.instances.filter((i) => i.detailedMonitoring).length;
  add('EC2 detailed monitoring (7 metrics an instance)', monitored * DETAILED_MONITORING_METRICS, 'metric', prices.customMetricMonth, true);
  free('Patch Manager patch baselines (EC2)', inventory.patchBaselines, 'patch baseline', FREE_SOURCE_SYSTEMS_MANAGER, false);
  free('State Manager associations (EC2)', inventory.stateManagerAssociations, 'association', FREE_SOURCE_SYSTEMS_MANAGER, false);
  free('Maintenance windows (EC2)', inventory.maintenanceWindows, 'window', FREE_SOURCE_SYSTEMS_MANAGER, false);

  add('CloudWatch alarms, standard resolution', inventory.standardAlarmMetrics, 'alarm metric', prices.alarmMetricMonth, true);
  add('CloudWatch alarms, high resolution', inventory.highResolutionAlarmMetrics, 'alarm metric', prices.highResolutionAlarmMetricMonth, true);
  add('CloudWatch composite alarms', inventory.compositeAlarms, 'alarm', prices.compositeAlarmMonth, true);
  add('Custom metrics from log metric filters', inventory.metricFilterMetrics, 'metric', prices.customMetricMonth, true);
  add('CloudWatch dashboards', inventory.dashboards, 'dashboard', prices.dashboardMonth, true);
  free('EventBridge rules on AWS service events', inventory.awsServiceEventRules, 'rule', FREE_SOURCE_AWS_SERVICE_EVENTS, false);
  free('CloudTrail trails, management events (first copy)', inventory.trails, 'trail', FREE_SOURCE_TRAIL);
  return items;
}
