import { Annotations, App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template, Annotations as AnnotationsOf } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NatGateways, NuminiaBaseline, NuminiaBaselineProps } from '../../src';
import { interfaceEndpointsOf, natGatewaysOf } from '../../src/monitoring/monitored-resources';
import { Monitoring } from '../../src/monitoring/monitoring';
import { resolveMonitoringConfig } from '../../src/monitoring/monitoring-config';
import { OperationalAlarms } from '../../src/monitoring/operational-alarms';
import { baselineStack, synthTemplate } from '../util';

type Json = any;

/** The monitoring area's resources, by type, in a template. */
function monitoringCounts(template: Template): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [id, resource] of Object.entries<Json>(template.toJSON().Resources)) {
    if (id.startsWith('BaselineMonitoring')) counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
  }
  return counts;
}

const TOPIC = { 'AWS::KMS::Key': 1, 'AWS::KMS::Alias': 1, 'AWS::SNS::Topic': 1, 'AWS::SNS::TopicPolicy': 1 };
const CIS = { 'AWS::Logs::MetricFilter': 15 };
const alarms = (n: number) => ({ 'AWS::CloudWatch::Alarm': n });
const DASHBOARD = { 'AWS::CloudWatch::Dashboard': 1 };
/** The bastion's operations: the rule on its patch compliance; with the trail and the dashboard, the tunnel count's filter. */
const PATCH_RULE = { 'AWS::Events::Rule': 1 };
const CIS_AND_TUNNELS = { 'AWS::Logs::MetricFilter': 16 };

/**
 * What monitoring adds per configuration: 15 CIS alarms; per NAT gateway 2; EFS 2 (General Purpose, Bursting);
 * the bastion 1; per interface endpoint 1; the trail's delivery 1.
 */
const CONFIGURATIONS: Array<[string, Partial<NuminiaBaselineProps>, Record<string, number>]> = [
  ['the default: 15 CIS + 3 NAT x 2 + 2 EFS + 1 bastion + 2 endpoints + 1 trail = 27 alarms', {}, { ...TOPIC, ...CIS_AND_TUNNELS, ...alarms(27), ...DASHBOARD, ...PATCH_RULE }],
  ['NAT SINGLE: 1 NAT set', { network: { natGateways: NatGateways.SINGLE } }, { ...TOPIC, ...CIS_AND_TUNNELS, ...alarms(23), ...DASHBOARD, ...PATCH_RULE }],
  ['NAT NONE: no NAT set, 3 SSM endpoints more', { network: { natGateways: NatGateways.NONE } }, { ...TOPIC, ...CIS_AND_TUNNELS, ...alarms(24), ...DASHBOARD, ...PATCH_RULE }],
  ['EFS Elastic / Max I/O is refused by EFS; Elastic alone: no burst alarm', { fileSystem: { throughputMode: efs.ThroughputMode.ELASTIC } }, { ...TOPIC, ...CIS_AND_TUNNELS, ...alarms(26), ...DASHBOARD, ...PATCH_RULE }],
  ['EFS Max I/O: no I/O-limit alarm', { fileSystem: { performanceMode: efs.PerformanceMode.MAX_IO } }, { ...TOPIC, ...CIS_AND_TUNNELS, ...alarms(26), ...DASHBOARD, ...PATCH_RULE }],
  ['no file system, no bastion', { fileSystem: { enabled: false }, bastion: { enabled: false } }, { ...TOPIC, ...CIS, ...alarms(24), ...DASHBOARD }],
  ['no trail: no CIS filter or alarm, no delivery alarm', { logging: { cloudTrail: { enabled: false } } }, { ...TOPIC, ...alarms(11), ...DASHBOARD, ...PATCH_RULE }],
  ['no dashboard: no tunnel count', { monitoring: { dashboard: false } }, { ...TOPIC, ...CIS, ...alarms(27), ...PATCH_RULE }],
  ['CIS alarms only', { monitoring: { operationalAlarms: false } }, { ...TOPIC, ...CIS_AND_TUNNELS, ...alarms(15), ...DASHBOARD, ...PATCH_RULE }],
  ['bastion not patched: no rule', { bastion: { patching: { enabled: false } } }, { ...TOPIC, ...CIS_AND_TUNNELS, ...alarms(27), ...DASHBOARD }],
  ['monitoring off', { monitoring: { enabled: false } }, {}],
];

describe('the monitoring area', () => {
  test.each(CONFIGURATIONS)('%s', (_name, props, expected) => {
    expect(monitoringCounts(synthTemplate(props))).toEqual(expected);
  });

  test('monitoring off: the baseline is as it was before monitoring (the bastion keeps its recovery alarm)', () => {
    const template = synthTemplate({ monitoring: { enabled: false } });
    expect(Object.keys(template.toJSON().Resources)).toHaveLength(133);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'StatusCheckFailed_System' });
  });

  test('every alarm but the recovery alarm notifies the one topic, with actions enabled', () => {
    const template = synthTemplate();
    const topic = { Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] };
    const all = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const notifying = all.filter((a) => JSON.stringify(a.Properties.AlarmActions) === JSON.stringify([topic]));
    expect(notifying.every((a) => a.Properties.ActionsEnabled === true)).toBe(true);
    expect(all.length - notifying.length).toBe(1);
  });

  test('alarm names are unique and carry the project and environment', () => {
    const template = synthTemplate({ project: 'acme', environment: 'staging' });
    const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName).filter(Boolean);
    expect(names).toHaveLength(27);
    expect(new Set(names).size).toBe(27);
    expect(names.every((n) => n.startsWith('acme-staging-'))).toBe(true);
  });

  test('exposes the topic, its key, the alarms and the dashboard', () => {
    const { baseline } = baselineStack();
    expect(baseline.alarmTopic?.topicArn).toBeDefined();
    expect(baseline.keys.alarms?.keyArn).toBeDefined();
    expect(baseline.alarms).toHaveLength(27);
    expect(baseline.dashboard?.dashboardName).toBeDefined();
    const off = baselineStack({ monitoring: { enabled: false } }).baseline;
    expect([off.alarmTopic, off.keys.alarms, off.dashboard, off.alarms]).toEqual([undefined, undefined, undefined, []]);
  });

  test('the two warnings, in full, each with the ID that acknowledges it', () => {
    const { stack } = baselineStack({ logging: { cloudTrail: { enabled: false } } });
    const warnings = AnnotationsOf.fromStack(stack).findWarning('/TestStack/Baseline/Monitoring', Match.anyValue()).map((w) => w.entry.data);
    expect(warnings.sort()).toEqual([
      'The CIS AWS Foundations metric filters and alarms (Security Hub CloudWatch.1-14, CIS 4.15) are not created: they read the ' +
        'trail\'s CloudWatch Logs group, and the trail or its delivery is off (logging.cloudTrail.enabled, sendToCloudWatchLogs). ' +
        'Create them where the trail that covers this account delivers (e.g. the organisation trail\'s account), or set ' +
        'monitoring.cisAlarms to false. [ack: @numinia/cdk-baseline:cisAlarmsWithoutTrailLogGroup]',
      'The alarm topic TestStack/Baseline/Monitoring/AlarmTopic has no subscriber, so its alarms reach nobody (and Security Hub\'s ' +
        'CloudWatch.1-14 want one): give monitoring.alarmEmails, bring a topic (monitoring.alarmTopic), or subscribe to ' +
        'baseline.alarmTopic yourself (AWS Chatbot, an HTTPS endpoint) and acknowledge this warning. ' +
        '[ack: @numinia/cdk-baseline:alarmTopicWithoutSubscriber]',
    ]);
  });

  test('acknowledging those IDs silences them', () => {
    const app = new App();
    const stack = new Stack(app, 'Acknowledged', { env: { region: 'eu-west-1' } });
    Annotations.of(stack).acknowledgeWarning('@numinia/cdk-baseline:cisAlarmsWithoutTrailLogGroup');
    Annotations.of(stack).acknowledgeWarning('@numinia/cdk-baseline:alarmTopicWithoutSubscriber');
    new NuminiaBaseline(stack, 'Baseline', { environment: 'production', logging: { cloudTrail: { enabled: false } } });
    expect(AnnotationsOf.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('a baseline whose account trail is held by another region\'s baseline makes no CIS alarm and warns of nothing: it says where they are', () => {
    const { stack } = baselineStack({ logging: { cloudTrail: { homeRegion: 'eu-west-1' } }, monitoring: { alarmEmails: ['ops@numinia.io'] } }, { region: 'us-east-1' });
    Template.fromStack(stack).resourceCountIs('AWS::Logs::MetricFilter', 0);
    const annotations = AnnotationsOf.fromStack(stack);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findInfo('/TestStack/Baseline/Monitoring', Match.anyValue()).map((i) => i.entry.data)).toEqual([
      'The CIS metric filters and alarms are made by the baseline that holds the account\'s trail (its home region), where the ' +
        'trail delivers to CloudWatch Logs.',
    ]);
  });

  test('where the trail exists in some stack instances only (a StackSet), the dashboard leaves out the alarms that read it', () => {
    const stack = new Stack(new App(), 'Conditional', { env: { region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a'], natGateways: 1 });
    const monitoring = (id: string, trailConditional: boolean) => new Monitoring(stack, id, {
      config: resolveMonitoringConfig({ alarmEmails: ['ops@example.com'] }),
      project: 'numinia',
      environment: id.toLowerCase(),
      rotationPeriod: Duration.days(365),
      natGateways: natGatewaysOf(vpc),
      endpoints: interfaceEndpointsOf(vpc),
      trailLogGroup: new logs.LogGroup(stack, `${id}Trail`),
      trailConditional,
    });
    const everywhere = monitoring('Everywhere', false);
    const conditional = monitoring('Conditional', true);
    const resources = Template.fromStack(stack).toJSON().Resources;
    // The alarms the dashboard's alarm widget shows, by name without the project and environment.
    const alarmsOnDashboard = (m: Monitoring) => [...JSON.stringify(stack.resolve((m.dashboard!.node.defaultChild as any).dashboardBody))
      .matchAll(/"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/g)]
      .map(([, id]) => resources[id].Properties.AlarmName.replace(/^numinia-[a-z]+-/, '')).sort();
    expect(everywhere.alarms).toHaveLength(15 + 2 + 1);
    expect(alarmsOnDashboard(everywhere)).toHaveLength(18);
    expect(alarmsOnDashboard(conditional)).toEqual(['nat-eu-west-1a-packet-drops', 'nat-eu-west-1a-port-allocation-errors']);
  });

  test('the operational alarms that read the trail: the delivery alarm where the trail delivers, none where it does not', () => {
    const stack = new Stack(new App(), 'Operational', { env: { region: 'eu-west-1' } });
    const operational = (id: string, trailLogGroup?: logs.ILogGroup) => new Monitoring(stack, id, {
      config: resolveMonitoringConfig({ alarmEmails: ['ops@example.com'], cisAlarms: false }),
      project: 'numinia',
      environment: id.toLowerCase(),
      rotationPeriod: Duration.days(365),
      natGateways: [],
      endpoints: [],
      trailLogGroup,
    }).node.findChild('Operational') as OperationalAlarms;
    const withTrail = operational('Delivering', new logs.LogGroup(stack, 'Trail'));
    expect(withTrail.trailAlarms).toEqual([withTrail.node.findChild('TrailDelivery')]);
    expect(operational('Silent').trailAlarms).toEqual([]);
  });

  test('the topic\'s key says what it is for', () => {
    synthTemplate().hasResourceProperties('AWS::KMS::Key', { Description: 'numinia production: alarm topic (SNS) encryption' });
  });
});

