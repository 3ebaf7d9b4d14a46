import { Inventory } from '../../src/cost/inventory';

/** An inventory that holds nothing: each test adds what it judges. */
export const NOTHING: Inventory = {
  zonalNatGateways: 0,
  regionalNatGateways: 0,
  regionalNatGatewayZones: 0,
  publicIpv4Addresses: 0,
  interfaceEndpoints: [],
  gatewayEndpoints: [],
  kmsKeys: 0,
  rotatingKmsKeys: 0,
  instances: [],
  standardAlarmMetrics: 0,
  highResolutionAlarmMetrics: 0,
  compositeAlarms: 0,
  metricFilterMetrics: 0,
  dashboards: 0,
  trails: 0,
  patchBaselines: 0,
  stateManagerAssociations: 0,
  maintenanceWindows: 0,
  awsServiceEventRules: 0,
  unpriced: [],
};
