import { App, Aws, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as efs from 'aws-cdk-lib/aws-efs';
import { InterfaceEndpointPreset, NatGateways, NuminiaBaselineProps } from '../../src';
import { pricesOf } from '../../src/cost/price-table';
import { createBaselineDashboard } from '../../src/monitoring/baseline-dashboard';
import { synthTemplate } from '../util';

type Json = any;

/** The dashboard body, parsed, with each intrinsic written (single-quoted) into the string that holds it. */
function dashboardBody(props: Partial<NuminiaBaselineProps> = {}, region?: string | null): { name: string; body: string; widgets: Json[] } {
  const template = synthTemplate(props, region === undefined ? {} : { region });
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  const body = dashboards[0].Properties.DashboardBody;
  const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((p: Json) => (typeof p === 'string' ? p : JSON.stringify(p).replace(/"/g, "'"))).join('');
  return { name: dashboards[0].Properties.DashboardName, body: text, widgets: JSON.parse(text).widgets };
}

const titles = (widgets: Json[]) => widgets.map((w) => w.properties.title ?? (w.type === 'text' ? 'text' : w.type));
const metricNames = (widget: Json) => widget.properties.metrics.map((m: Json[]) => m[1]);

describe('the dashboard', () => {
  test('named <project>-<environment>-<region>-baseline, sections in order: alarms, NAT, endpoints, EFS, bastion', () => {
    const { name, widgets } = dashboardBody();
    expect(name).toBe('numinia-production-eu-west-1-baseline');
    expect(titles(widgets)).toEqual([
      'Alarms',
      'text',
      'NAT bytes per gateway: out to the internet, and back (each GB is charged)',
      'NAT port allocation errors',
      'NAT dropped packets',
      'Interface endpoints: bytes processed',
      'Interface endpoints: packets dropped',
      'EFS throughput (metered bytes per 5 minutes)',
      'EFS burst credit balance (bytes)',
      'Bastion status checks (1 = failed)',
      'Bastion: reports of missing patches (per day), tunnels opened (per hour)',
    ]);
  });

  test('the alarm widget shows every alarm that notifies the topic', () => {
    const { widgets } = dashboardBody();
    expect(widgets[0].properties.alarms).toHaveLength(27);
  });

  test('NAT bytes out per gateway, labelled by zone, with the eu-west-1 price per GB from the price table ($0.048)', () => {
    const { widgets } = dashboardBody();
    expect(widgets[1].properties.markdown).toMatch(/\$0\.048 per GB processed in eu-west-1/);
    const bytes = widgets[2].properties.metrics;
    expect(bytes.filter((m: Json[]) => m[1] === 'BytesOutToDestination').map((m: Json[]) => m[m.length - 1].label))
      .toEqual(['eu-west-1a BytesOutToDestination', 'eu-west-1b BytesOutToDestination', 'eu-west-1c BytesOutToDestination']);
    expect(bytes.every((m: Json[]) => m[0] === 'AWS/NATGateway' && m[2] === 'NatGatewayId')).toBe(true);
  });

  test('in us-east-1 the price is that region\'s; in an unpriced region the text points at the pricing page instead of a figure', () => {
    expect(dashboardBody({}, 'us-east-1').widgets[1].properties.markdown).toMatch(/\$0\.045 per GB processed in us-east-1/);
    const unpriced = dashboardBody({}, 'ap-southeast-2').widgets[1].properties.markdown;
    expect(unpriced).toMatch(/charge per GB processed/);
    expect(unpriced).not.toMatch(/\$\d/);
  });

  test('sections of missing parts are left out: no NAT, no file system, no bastion', () => {
    const { widgets } = dashboardBody({ network: { natGateways: NatGateways.NONE }, fileSystem: { enabled: false }, bastion: { enabled: false } });
    expect(titles(widgets)).toEqual(['Alarms', 'Interface endpoints: bytes processed', 'Interface endpoints: packets dropped']);
  });

  test('nothing to show, no widget: no alarm, no NAT gateway, no interface endpoint', () => {
    const stack = new Stack(new App(), 'Empty', { env: { region: 'eu-west-1' } });
    const dashboard = createBaselineDashboard(stack, 'Dashboard', { project: 'numinia', environment: 'production', alarms: [], natGateways: [], endpoints: [] });
    expect(JSON.parse(stack.resolve((dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody))).toEqual({ start: '-P1D', widgets: [] });
  });

  test('EFS without burst credits (Elastic) shows the permitted throughput instead of the credit balance', () => {
    const { widgets } = dashboardBody({ fileSystem: { throughputMode: efs.ThroughputMode.ELASTIC } });
    const efsWidgets = widgets.filter((w) => /^EFS/.test(w.properties.title ?? ''));
    expect(efsWidgets.map(metricNames)).toEqual([['MeteredIOBytes'], ['PermittedThroughput']]);
  });

  test('monitoring.dashboard: false makes none', () => {
    synthTemplate({ monitoring: { dashboard: false } }).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });

  test('baselines of one account in two regions get two dashboards, since dashboard names are global to the account', () => {
    expect(dashboardBody({}, 'us-east-1').name).toBe('numinia-production-us-east-1-baseline');
    // An environment-agnostic stack (a StackSet's) names it after the region it is deployed to.
    const agnostic = { network: { availabilityZones: ['a', 'b', 'c'].map((z) => `${Aws.REGION}${z}`) } };
    expect(dashboardBody(agnostic, null).name).toEqual({ 'Fn::Join': ['', ['numinia-production-', { Ref: 'AWS::Region' }, '-baseline']] });
  });

  test('each graph shows its metrics, labelled by what they measure', () => {
    const { widgets } = dashboardBody();
    const graphs = widgets.filter((w) => w.type === 'metric').map((w) => [w.properties.title, w.properties.metrics.map((m: Json[]) => {
      const options = typeof m[m.length - 1] === 'object' && !Array.isArray(m[m.length - 1]) ? m[m.length - 1] : {};
      return `${m[0]} ${m[1]}${options.label ? ` "${options.label}"` : ''}`;
    })]);
    const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
    expect(Object.fromEntries(graphs)).toEqual({
      'NAT bytes per gateway: out to the internet, and back (each GB is charged)': zones.flatMap((z) => [
        `AWS/NATGateway BytesOutToDestination "${z} BytesOutToDestination"`, `AWS/NATGateway BytesInFromDestination "${z} BytesInFromDestination"`,
      ]),
      'NAT port allocation errors': zones.map((z) => `AWS/NATGateway ErrorPortAllocation "${z}"`),
      'NAT dropped packets': zones.map((z) => `AWS/NATGateway PacketsDropCount "${z}"`),
      'Interface endpoints: bytes processed': ['AWS/PrivateLinkEndpoints BytesProcessed "eks"', 'AWS/PrivateLinkEndpoints BytesProcessed "logs"'],
      'Interface endpoints: packets dropped': ['AWS/PrivateLinkEndpoints PacketsDropped "eks"', 'AWS/PrivateLinkEndpoints PacketsDropped "logs"'],
      'EFS throughput (metered bytes per 5 minutes)': ['AWS/EFS MeteredIOBytes "Metered I/O bytes"'],
      'EFS burst credit balance (bytes)': ['AWS/EFS BurstCreditBalance'],
      'Bastion status checks (1 = failed)': ['AWS/EC2 StatusCheckFailed_System', 'AWS/EC2 StatusCheckFailed_Instance'],
      'Bastion: reports of missing patches (per day), tunnels opened (per hour)': [
        'AWS/Events TriggeredRules "Reports of missing patches"',
        'BastionOperations BastionTunnelSessions "Tunnels opened"',
      ],
    });
  });

  test('the NAT text cites where its price comes from and links the pricing page; without a price, only the link', () => {
    const price = pricesOf('eu-west-1').natGatewayGb;
    expect(dashboardBody().widgets[1].properties.markdown).toBe('**NAT gateways charge $0.048 per GB processed in eu-west-1**, in either direction, ' +
      `besides the hourly charge and data transfer out: the bytes below are the bill. (${price.source}, ${price.asOf}; [pricing](https://aws.amazon.com/vpc/pricing/))`);
    const agnostic = { network: { availabilityZones: ['a', 'b', 'c'].map((z) => `${Aws.REGION}${z}`) } };
    expect(dashboardBody(agnostic, null).widgets[1].properties.markdown).toBe('**NAT gateways charge per GB processed**, in either direction, besides ' +
      'the hourly charge and data transfer out: the bytes below are the bill. ([Pricing for this region](https://aws.amazon.com/vpc/pricing/))');
  });

  test('the alarm widget grows a row per four alarms, up to ten rows; without alarms there is none', () => {
    expect(dashboardBody().widgets[0].properties.alarms).toHaveLength(27);
    expect(dashboardBody().widgets[0].height).toBe(2 + 7);
    const many = dashboardBody({ network: { interfaceEndpointPresets: [InterfaceEndpointPreset.PRIVATE_EKS] } }).widgets[0];
    expect([many.properties.alarms.length, many.height]).toEqual([37, 10]);
    const none = dashboardBody({ monitoring: { cisAlarms: false, operationalAlarms: false } }).widgets;
    expect(titles(none)).not.toContain('Alarms');
    expect(none.filter((w) => w.type === 'alarm')).toEqual([]);
  });
});

