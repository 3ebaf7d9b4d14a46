import { Template } from 'aws-cdk-lib/assertions';
import * as efs from 'aws-cdk-lib/aws-efs';
import { NatGateways, NuminiaBaselineProps } from '../../src';
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

/**
 * What monitoring adds per configuration: 15 CIS alarms; per NAT gateway 2; EFS 2 (General Purpose, Bursting);
 * the bastion 1; per interface endpoint 1; the trail's delivery 1.
 */
const CONFIGURATIONS: Array<[string, Partial<NuminiaBaselineProps>, Record<string, number>]> = [
  ['the default: 15 CIS + 3 NAT x 2 + 2 EFS + 1 bastion + 2 endpoints + 1 trail = 27 alarms', {}, { ...TOPIC, ...CIS, ...alarms(27), ...DASHBOARD }],
  ['NAT SINGLE: 1 NAT set', { network: { natGateways: NatGateways.SINGLE } }, { ...TOPIC, ...CIS, ...alarms(23), ...DASHBOARD }],
  ['NAT NONE: no NAT set, 3 SSM endpoints more', { network: { natGateways: NatGateways.NONE } }, { ...TOPIC, ...CIS, ...alarms(24), ...DASHBOARD }],
  ['EFS Elastic / Max I/O is refused by EFS; Elastic alone: no burst alarm', { fileSystem: { throughputMode: efs.ThroughputMode.ELASTIC } }, { ...TOPIC, ...CIS, ...alarms(26), ...DASHBOARD }],
  ['EFS Max I/O: no I/O-limit alarm', { fileSystem: { performanceMode: efs.PerformanceMode.MAX_IO } }, { ...TOPIC, ...CIS, ...alarms(26), ...DASHBOARD }],
  ['no file system, no bastion', { fileSystem: { enabled: false }, bastion: { enabled: false } }, { ...TOPIC, ...CIS, ...alarms(24), ...DASHBOARD }],
  ['no trail: no CIS filter or alarm, no delivery alarm', { logging: { cloudTrail: { enabled: false } } }, { ...TOPIC, ...alarms(11), ...DASHBOARD }],
  ['no dashboard', { monitoring: { dashboard: false } }, { ...TOPIC, ...CIS, ...alarms(27) }],
  ['CIS alarms only', { monitoring: { operationalAlarms: false } }, { ...TOPIC, ...CIS, ...alarms(15), ...DASHBOARD }],
  ['monitoring off', { monitoring: { enabled: false } }, {}],
];

describe('the monitoring area', () => {
  test.each(CONFIGURATIONS)('%s', (_name, props, expected) => {
    expect(monitoringCounts(synthTemplate(props))).toEqual(expected);
  });

  test('monitoring off: the baseline is as it was before monitoring (the bastion keeps its recovery alarm)', () => {
    const template = synthTemplate({ monitoring: { enabled: false } });
    expect(Object.keys(template.toJSON().Resources)).toHaveLength(122);
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
});
