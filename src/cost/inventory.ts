import { CfnResource, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { IConstruct } from 'constructs';
import { freeOrUsageOnly } from './free-resource-types';

/** Alarms evaluated more often than once a minute are high-resolution (and priced higher). */
const HIGH_RESOLUTION_BELOW_SECONDS = 60;

/** EC2 detailed monitoring sends seven metrics at one-minute frequency, each billed as a custom metric. */
export const DETAILED_MONITORING_METRICS = 7;

/** One EBS volume of an instance. */
export interface VolumeInventory {
  readonly volumeType: string;
  readonly sizeGib: number;
}

/** One EC2 instance: what it runs on and what it carries. */
export interface InstanceInventory {
  readonly path: string;
  readonly instanceType: string;
  readonly detailedMonitoring: boolean;
  readonly volumes: VolumeInventory[];
}

/** One interface endpoint: its service's short name and the zones (subnets) it is in. */
export interface EndpointInventory {
  readonly service: string;
  readonly zones: number;
}

/** What in a construct tree has a fixed monthly price, counted from its L1 resources. */
export interface Inventory {
  readonly zonalNatGateways: number;
  readonly regionalNatGateways: number;
  /** Zones the regional NAT gateways are active in, summed over gateways. */
  readonly regionalNatGatewayZones: number;
  /** Elastic IPs in the tree plus the addresses regional NAT gateways provision themselves (one per zone). */
  readonly publicIpv4Addresses: number;
  readonly interfaceEndpoints: EndpointInventory[];
  readonly gatewayEndpoints: string[];
  readonly kmsKeys: number;
  readonly rotatingKmsKeys: number;
  readonly instances: InstanceInventory[];
  readonly standardAlarmMetrics: number;
  readonly highResolutionAlarmMetrics: number;
  readonly compositeAlarms: number;
  readonly metricFilterMetrics: number;
  readonly dashboards: number;
  readonly trails: number;
  /** Systems Manager patch baselines (Patch Manager). */
  readonly patchBaselines: number;
  /** Systems Manager State Manager associations. */
  readonly stateManagerAssociations: number;
  /** Systems Manager maintenance windows (their targets and tasks are parts of them). */
  readonly maintenanceWindows: number;
  /** EventBridge rules that match only AWS services' events on the default event bus (no schedule). */
  readonly awsServiceEventRules: number;
  /** Things with a price the table does not hold, each described; the estimate lists them, never prices them zero. */
  readonly unpriced: string[];
}

/** Counts what the construct tree under `scope` holds, from its L1 resources' public properties. */
export function takeInventory(scope: IConstruct): Inventory {
  const resources = scope.node.findAll().filter(CfnResource.isCfnResource);
  const byType = (type: string) => resources.filter((r) => r.cfnResourceType === type);
  const stack = Stack.of(scope);
  const resolve = (value: unknown) => stack.resolve(value);

  const nats = byType(ec2.CfnNatGateway.CFN_RESOURCE_TYPE_NAME) as ec2.CfnNatGateway[];
  const regionalNats = nats.filter((nat) => resolve(nat.availabilityMode) === 'regional');
  const subnets = byType(ec2.CfnSubnet.CFN_RESOURCE_TYPE_NAME) as ec2.CfnSubnet[];
  const regionalZones = regionalNats.map((nat) => regionalNatZones(nat, subnets, resolve));
  const autoAddresses = regionalNats
    .map((nat, i) => (resolve(nat.availabilityZoneAddresses) === undefined ? regionalZones[i] : 0))
    .reduce(sum, 0);

  const endpoints = byType(ec2.CfnVPCEndpoint.CFN_RESOURCE_TYPE_NAME) as ec2.CfnVPCEndpoint[];
  const unpriced: string[] = [];
  const interfaceEndpoints: EndpointInventory[] = [];
  const gatewayEndpoints: string[] = [];
  for (const endpoint of endpoints) {
    const type = resolve(endpoint.vpcEndpointType) ?? 'Gateway';
    const service = shortServiceName(resolve(endpoint.serviceName));
    if (type === 'Interface') {
      interfaceEndpoints.push({ service, zones: countOf(resolve(endpoint.subnetIds), `interface endpoint ${endpoint.node.path} subnets`) });
    } else if (type === 'Gateway') {
      gatewayEndpoints.push(service);
    } else {
      unpriced.push(`${type} VPC endpoint ${endpoint.node.path}`);
    }
  }

  const keys = byType(kms.CfnKey.CFN_RESOURCE_TYPE_NAME) as kms.CfnKey[];
  const alarms = (byType(cloudwatch.CfnAlarm.CFN_RESOURCE_TYPE_NAME) as cloudwatch.CfnAlarm[]).map((a) => alarmMetrics(a, resolve));
  const filters = byType(logs.CfnMetricFilter.CFN_RESOURCE_TYPE_NAME) as logs.CfnMetricFilter[];

  for (const fileSystem of byType(efs.CfnFileSystem.CFN_RESOURCE_TYPE_NAME) as efs.CfnFileSystem[]) {
    if (resolve(fileSystem.throughputMode) === 'provisioned') {
      unpriced.push(`EFS provisioned throughput of ${fileSystem.node.path} (${resolve(fileSystem.provisionedThroughputInMibps)} MiB/s)`);
    }
  }
  for (const parameter of byType(ssm.CfnParameter.CFN_RESOURCE_TYPE_NAME) as ssm.CfnParameter[]) {
    const tier = resolve(parameter.tier);
    if (tier !== undefined && tier !== 'Standard') {
      unpriced.push(`SSM parameter ${parameter.node.path} in the ${tier} tier`);
    }
  }
  const handled = new Set([
    ec2.CfnNatGateway.CFN_RESOURCE_TYPE_NAME, ec2.CfnEIP.CFN_RESOURCE_TYPE_NAME, ec2.CfnVPCEndpoint.CFN_RESOURCE_TYPE_NAME,
    ec2.CfnInstance.CFN_RESOURCE_TYPE_NAME, kms.CfnKey.CFN_RESOURCE_TYPE_NAME, cloudwatch.CfnAlarm.CFN_RESOURCE_TYPE_NAME,
    cloudwatch.CfnCompositeAlarm.CFN_RESOURCE_TYPE_NAME, cloudwatch.CfnDashboard.CFN_RESOURCE_TYPE_NAME,
    logs.CfnMetricFilter.CFN_RESOURCE_TYPE_NAME, efs.CfnFileSystem.CFN_RESOURCE_TYPE_NAME,
    cloudtrail.CfnTrail.CFN_RESOURCE_TYPE_NAME, ssm.CfnParameter.CFN_RESOURCE_TYPE_NAME,
    ssm.CfnPatchBaseline.CFN_RESOURCE_TYPE_NAME, ssm.CfnAssociation.CFN_RESOURCE_TYPE_NAME,
    ssm.CfnMaintenanceWindow.CFN_RESOURCE_TYPE_NAME,
  ]);
  const unknown = new Map<string, number>();
  for (const r of resources.filter((x) => !handled.has(x.cfnResourceType) && !freeOrUsageOnly(x.cfnResourceType))) {
    unknown.set(r.cfnResourceType, (unknown.get(r.cfnResourceType) ?? 0) + 1);
  }
  for (const [type, count] of [...unknown.entries()].sort()) {
    unpriced.push(`${count} ${type} (a resource type the table does not know)`);
  }

  return {
    zonalNatGateways: nats.length - regionalNats.length,
    regionalNatGateways: regionalNats.length,
    regionalNatGatewayZones: regionalZones.reduce(sum, 0),
    publicIpv4Addresses: byType(ec2.CfnEIP.CFN_RESOURCE_TYPE_NAME).length + autoAddresses,
    interfaceEndpoints,
    gatewayEndpoints,
    kmsKeys: keys.length,
    rotatingKmsKeys: keys.filter((k) => resolve(k.enableKeyRotation) === true).length,
    instances: (byType(ec2.CfnInstance.CFN_RESOURCE_TYPE_NAME) as ec2.CfnInstance[]).map((i) => instanceOf(i, resolve, unpriced)),
    standardAlarmMetrics: alarms.filter((a) => !a.highResolution).map((a) => a.metrics).reduce(sum, 0),
    highResolutionAlarmMetrics: alarms.filter((a) => a.highResolution).map((a) => a.metrics).reduce(sum, 0),
    compositeAlarms: byType(cloudwatch.CfnCompositeAlarm.CFN_RESOURCE_TYPE_NAME).length,
    metricFilterMetrics: filters.map((f) => countOf(resolve(f.metricTransformations), `metric filter ${f.node.path}`)).reduce(sum, 0),
    dashboards: byType(cloudwatch.CfnDashboard.CFN_RESOURCE_TYPE_NAME).length,
    trails: byType(cloudtrail.CfnTrail.CFN_RESOURCE_TYPE_NAME).length,
    patchBaselines: byType(ssm.CfnPatchBaseline.CFN_RESOURCE_TYPE_NAME).length,
    stateManagerAssociations: byType(ssm.CfnAssociation.CFN_RESOURCE_TYPE_NAME).length,
    maintenanceWindows: byType(ssm.CfnMaintenanceWindow.CFN_RESOURCE_TYPE_NAME).length,
    awsServiceEventRules: (byType(events.CfnRule.CFN_RESOURCE_TYPE_NAME) as events.CfnRule[]).filter((r) => onAwsServiceEvents(r, resolve)).length,
    unpriced,
  };
}

type Resolve = (value: unknown) => any;

function sum(a: number, b: number): number {
  return a + b;
}

/** The length of a list that must be known at synth time (a token list cannot be priced). */
function countOf(value: unknown, what: string): number {
  if (!Array.isArray(value)) {
    throw new Error(`Cannot count the ${what} for the cost estimate: the list is not known at synth time (got ${JSON.stringify(value)}).`);
  }
  return value.length;
}

/**
 * The zones a regional NAT gateway serves: those given in manual mode, else (automatic mode, where it follows the
 * workloads) every zone of its VPC's subnets.
 */
function regionalNatZones(nat: ec2.CfnNatGateway, subnets: ec2.CfnSubnet[], resolve: Resolve): number {
  const addresses = resolve(nat.availabilityZoneAddresses);
  if (addresses !== undefined) {
    return countOf(addresses, `zones of regional NAT gateway ${nat.node.path}`);
  }
  const vpc = JSON.stringify(resolve(nat.vpcId));
  const zones = subnets.filter((s) => JSON.stringify(resolve(s.vpcId)) === vpc).map((s) => JSON.stringify(resolve(s.availabilityZone)));
  return new Set(zones).size;
}

/** `com.amazonaws.eu-west-1.eks` (or its Fn::Join with the region) -> `eks`. */
export function shortServiceName(serviceName: unknown): string {
  const text = typeof serviceName === 'string'
    ? serviceName
    : JSON.stringify(serviceName).replace(/[^A-Za-z0-9.-]+/g, ' ').trim().split(' ').pop() ?? '';
  const match = /^(?:com\.amazonaws\.[a-z0-9-]+)?\.?(.+)$/.exec(text);
  return match ? match[1] : text;
}

/**
 * Whether a rule matches only events AWS services send to the default event bus (e.g. `source: ['aws.ssm']`), which
 * EventBridge does not charge for. Scheduled rules, rules on another bus, and rules on custom or partner events
 * (billed per event, by use) are not these.
 */
function onAwsServiceEvents(rule: events.CfnRule, resolve: Resolve): boolean {
  const bus = resolve(rule.eventBusName);
  const onDefaultBus = bus === undefined || bus === 'default' || (typeof bus === 'string' && bus.endsWith(':event-bus/default'));
  const sources = resolve(rule.eventPattern)?.source;
  const fromAwsServices = Array.isArray(sources) && sources.length > 0
    && sources.every((s) => typeof s === 'string' && s.startsWith('aws.') && !s.startsWith('aws.partner/'));
  return onDefaultBus && fromAwsServices && resolve(rule.scheduleExpression) === undefined;
}

function alarmMetrics(alarm: cloudwatch.CfnAlarm, resolve: Resolve): { metrics: number; highResolution: boolean } {
  const queries: any[] | undefined = resolve(alarm.metrics);
  if (queries === undefined) {
    return { metrics: 1, highResolution: (resolve(alarm.period) ?? HIGH_RESOLUTION_BELOW_SECONDS) < HIGH_RESOLUTION_BELOW_SECONDS };
  }
  // A metric-math alarm is billed per metric it reads; expressions are free. L1 properties are camelCase (as typed).
  const stats = queries.filter((q) => q.metricStat !== undefined).map((q) => q.metricStat);
  return {
    metrics: stats.length,
    highResolution: stats.some((s) => s.period < HIGH_RESOLUTION_BELOW_SECONDS),
  };
}

function instanceOf(instance: ec2.CfnInstance, resolve: Resolve, unpriced: string[]): InstanceInventory {
  const path = instance.node.path;
  const instanceType = resolve(instance.instanceType);
  if (typeof instanceType !== 'string') {
    throw new Error(`Cannot price EC2 instance ${path}: its instance type is not known at synth time (got ${JSON.stringify(instanceType)}).`);
  }
  const mappings: any[] = resolve(instance.blockDeviceMappings) ?? [];
  const volumes: VolumeInventory[] = [];
  for (const mapping of mappings) {
    const ebs = mapping.ebs;
    if (ebs === undefined) continue;
    if (typeof ebs.volumeSize !== 'number') {
      unpriced.push(`EBS volume ${mapping.deviceName} of ${path} (its size comes from the image)`);
      continue;
    }
    // CloudFormation's default volume type is gp2.
    volumes.push({ volumeType: ebs.volumeType ?? 'gp2', sizeGib: ebs.volumeSize });
  }
  // An instance without EBS mappings gets its root volume from the image; an unsized mapping is listed above.
  if (!mappings.some((mapping) => mapping.ebs !== undefined)) {
    unpriced.push(`the root volume of ${path} (its size comes from the image)`);
  }
  return { path, instanceType, detailedMonitoring: resolve(instance.monitoring) === true, volumes };
}
