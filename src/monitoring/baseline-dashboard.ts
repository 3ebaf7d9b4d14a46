import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as efs from 'aws-cdk-lib/aws-efs';
import { Construct } from 'constructs';
import { efsMetric, endpointMetric, instanceMetric, natMetric } from './baseline-metrics';
import { MonitoredEndpoint, MonitoredFileSystem, MonitoredNatGateway } from './monitored-resources';
import { dashboardName } from './monitoring-defaults';
import { pricesOf } from '../cost/price-table';

export interface BaselineDashboardProps {
  readonly project: string;
  readonly environment: string;
  readonly alarms: cloudwatch.IAlarm[];
  readonly natGateways: MonitoredNatGateway[];
  readonly endpoints: MonitoredEndpoint[];
  readonly fileSystem?: MonitoredFileSystem;
  readonly bastionInstanceId?: string;
  /** Reports of missing patches, tunnels opened. */
  readonly bastionOperations?: cloudwatch.IMetric[];
}

const FIVE_MINUTES = Duration.minutes(5);
const FULL_WIDTH = 24;
const HALF_WIDTH = 12;

/**
 * The baseline on one page: alarm states first, then NAT bytes out per zone (what the NAT bill follows, with its
 * price per GB), NAT errors and drops, interface endpoint traffic, EFS throughput and burst credits, the bastion's
 * status checks. Sections of parts the baseline does not have are left out.
 */
export function createBaselineDashboard(scope: Construct, id: string, props: BaselineDashboardProps): cloudwatch.Dashboard {
  const dashboard = new cloudwatch.Dashboard(scope, id, {
    dashboardName: dashboardName(props.project, props.environment, Stack.of(scope).region),
    defaultInterval: Duration.days(1),
  });
  if (props.alarms.length > 0) {
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({
      title: 'Alarms',
      alarms: props.alarms,
      width: FULL_WIDTH,
      height: Math.min(10, 2 + Math.ceil(props.alarms.length / 4)),
      sortBy: cloudwatch.AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP,
    }));
  }

  const nats = props.natGateways;
  if (nats.length > 0) {
    dashboard.addWidgets(new cloudwatch.TextWidget({ markdown: natCostText(Stack.of(scope).region), width: FULL_WIDTH, height: 2 }));
    dashboard.addWidgets(
      graph('NAT bytes per gateway: out to the internet, and back (each GB is charged)', FULL_WIDTH,
        nats.flatMap((nat) => ['BytesOutToDestination', 'BytesInFromDestination'].map((name) => labelled(natMetric(nat, name, cloudwatch.Stats.SUM, FIVE_MINUTES), `${nat.label} ${name}`)))),
    );
    dashboard.addWidgets(
      graph('NAT port allocation errors', HALF_WIDTH, nats.map((nat) => labelled(natMetric(nat, 'ErrorPortAllocation', cloudwatch.Stats.SUM, FIVE_MINUTES), nat.label))),
      graph('NAT dropped packets', HALF_WIDTH, nats.map((nat) => labelled(natMetric(nat, 'PacketsDropCount', cloudwatch.Stats.SUM, FIVE_MINUTES), nat.label))),
    );
  }

  if (props.endpoints.length > 0) {
    dashboard.addWidgets(
      graph('Interface endpoints: bytes processed', HALF_WIDTH,
        props.endpoints.map((e) => labelled(endpointMetric(e, 'BytesProcessed', cloudwatch.Stats.SUM, FIVE_MINUTES), e.label))),
      graph('Interface endpoints: packets dropped', HALF_WIDTH,
        props.endpoints.map((e) => labelled(endpointMetric(e, 'PacketsDropped', cloudwatch.Stats.SUM, FIVE_MINUTES), e.label))),
    );
  }

  const fileSystem = props.fileSystem;
  if (fileSystem) {
    const throughput = graph('EFS throughput (metered bytes per 5 minutes)', HALF_WIDTH, [
      labelled(efsMetric(fileSystem, 'MeteredIOBytes', cloudwatch.Stats.SUM, FIVE_MINUTES), 'Metered I/O bytes'),
    ]);
    const second = fileSystem.throughputMode === efs.ThroughputMode.BURSTING
      ? graph('EFS burst credit balance (bytes)', HALF_WIDTH, [efsMetric(fileSystem, 'BurstCreditBalance', cloudwatch.Stats.MINIMUM, FIVE_MINUTES)])
      : graph('EFS permitted throughput (bytes/s)', HALF_WIDTH, [efsMetric(fileSystem, 'PermittedThroughput', cloudwatch.Stats.AVERAGE, FIVE_MINUTES)]);
    dashboard.addWidgets(throughput, second);
  }

  if (props.bastionInstanceId !== undefined) {
    const instanceId = props.bastionInstanceId;
    dashboard.addWidgets(graph('Bastion status checks (1 = failed)', FULL_WIDTH,
      ['StatusCheckFailed_System', 'StatusCheckFailed_Instance'].map((name) => instanceMetric(instanceId, name, cloudwatch.Stats.MAXIMUM, FIVE_MINUTES))));
  }
  if (props.bastionOperations && props.bastionOperations.length > 0) {
    dashboard.addWidgets(graph('Bastion: reports of missing patches (per day), tunnels opened (per hour)', FULL_WIDTH, props.bastionOperations));
  }
  return dashboard;
}

function labelled(metric: cloudwatch.Metric, label: string): cloudwatch.Metric {
  return metric.with({ label });
}

function graph(title: string, width: number, metrics: cloudwatch.IMetric[]): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, width, height: 6, left: metrics });
}

/** The NAT processing price of the stack's region, from the library's dated price table when it has one. */
function natCostText(region: string): string {
  const pricing = 'https://aws.amazon.com/vpc/pricing/';
  try {
    const price = pricesOf(region).natGatewayGb;
    return `**NAT gateways charge $${price.usd} per GB processed in ${region}**, in either direction, besides the hourly ` +
      `charge and data transfer out: the bytes below are the bill. (${price.source}, ${price.asOf}; [pricing](${pricing}))`;
  } catch {
    // A region the table does not price, or the region of an environment-agnostic stack (a token): point at the
    // pricing page rather than print a wrong figure.
  }
  return '**NAT gateways charge per GB processed**, in either direction, besides the hourly charge and data transfer ' +
    `out: the bytes below are the bill. ([Pricing for this region](${pricing}))`;
}
