import { App, Size, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { NatGateways } from '../../src';
import { interfaceEndpointsOf, natGatewaysOf } from '../../src/monitoring/monitored-resources';
import { Monitoring } from '../../src/monitoring/monitoring';
import { resolveMonitoringConfig } from '../../src/monitoring/monitoring-config';
import { synthTemplate } from '../util';

type Json = any;

const alarmsNamed = (template: Template, pattern: RegExp): Json[] =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a) => pattern.test(a.Properties.AlarmName ?? ''));
const names = (template: Template, pattern: RegExp) => alarmsNamed(template, pattern).map((a) => a.Properties.AlarmName).sort();

/** The NAT gateway each NAT alarm watches, read back from its metric dimensions. */
function watchedNatGateways(template: Template): string[] {
  const ids = alarmsNamed(template, /-nat-/).flatMap((alarm) => {
    const metrics = alarm.Properties.Metrics?.filter((m: Json) => m.MetricStat).map((m: Json) => m.MetricStat.Metric) ?? [alarm.Properties];
    return metrics.map((m: Json) => m.Dimensions.find((d: Json) => d.Name === 'NatGatewayId').Value.Ref ?? JSON.stringify(m.Dimensions));
  });
  return [...new Set(ids)].sort();
}

describe('operational alarms', () => {
  describe.each([
    [NatGateways.ONE_PER_AZ, ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']],
    [NatGateways.SINGLE, ['eu-west-1a']],
    [NatGateways.NONE, []],
  ])('NAT strategy %s', (strategy, zones) => {
    // Synthesized inside each test, not in the describe body: mutation testing then knows which test covers what.
    const synth = () => synthTemplate({ network: { natGateways: strategy } });

    test(`one set (port allocation errors, packet drops) per NAT gateway: ${zones.length}`, () => {
      expect(names(synth(), /-nat-/)).toEqual(zones.flatMap((z) => [`numinia-production-nat-${z}-packet-drops`, `numinia-production-nat-${z}-port-allocation-errors`]).sort());
    });

    test('each set watches its own gateway, and every gateway is watched', () => {
      const template = synth();
      expect(watchedNatGateways(template)).toEqual(Object.keys(template.findResources('AWS::EC2::NatGateway')).sort());
    });
  });

  test('a regional NAT gateway (one AWS::EC2::NatGateway, AvailabilityMode regional, no subnet) gets one set, without a change', () => {
    const stack = new Stack(new App(), 'Regional', { env: { region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGatewayProvider: ec2.NatProvider.regionalGateway(),
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      ],
    });
    new Monitoring(stack, 'Monitoring', {
      config: resolveMonitoringConfig({ alarmEmails: ['ops@example.com'], dashboard: false }),
      project: 'numinia',
      environment: 'production',
      rotationPeriod: { toDays: () => 365 } as Json,
      natGateways: natGatewaysOf(vpc),
      endpoints: interfaceEndpointsOf(vpc),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::NatGateway', { AvailabilityMode: 'regional', SubnetId: Match.absent() });
    expect(names(template, /-nat-/)).toEqual(['numinia-production-nat-regional-packet-drops', 'numinia-production-nat-regional-port-allocation-errors']);
    expect(watchedNatGateways(template)).toEqual(Object.keys(template.findResources('AWS::EC2::NatGateway')));
  });

  test('port allocation errors: Sum each minute >= 1, alarm on any minute of five, clear after five clean minutes', () => {
    const [alarm] = alarmsNamed(synthTemplate(), /nat-eu-west-1a-port-allocation-errors$/);
    expect(alarm.Properties).toMatchObject({
      Namespace: 'AWS/NATGateway',
      MetricName: 'ErrorPortAllocation',
      Statistic: 'Sum',
      Period: 60,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 1,
    });
  });

  test('packet drops: 100 x PacketsDropCount / (PacketsInFromSource + PacketsInFromDestination) > 0.01 %, per minute', () => {
    const [alarm] = alarmsNamed(synthTemplate(), /nat-eu-west-1a-packet-drops$/);
    const metrics: Json[] = alarm.Properties.Metrics;
    const byName: Record<string, Json> = Object.fromEntries(metrics.filter((m) => m.MetricStat).map((m) => [m.MetricStat.Metric.MetricName, m]));
    expect(Object.keys(byName).sort()).toEqual(['PacketsDropCount', 'PacketsInFromDestination', 'PacketsInFromSource']);
    const expression = metrics.find((m) => m.Expression).Expression as string;
    // The same formula, whatever the metric IDs are called.
    const formula = expression
      .replace(byName.PacketsDropCount.Id, 'DROPS').replace(byName.PacketsInFromSource.Id, 'SRC').replace(byName.PacketsInFromDestination.Id, 'DST');
    expect(formula).toBe('100 * FILL(DROPS, 0) / (SRC + DST)');
    expect(Object.values(byName).map((m) => [m.MetricStat.Stat, m.MetricStat.Period])).toEqual([['Sum', 60], ['Sum', 60], ['Sum', 60]]);
    expect(alarm.Properties).toMatchObject({ Threshold: 0.01, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 5, DatapointsToAlarm: 1 });
  });

  test('NAT thresholds are tunable', () => {
    const template = synthTemplate({ monitoring: { natPortAllocationErrorsThreshold: 10, natPacketDropPercentThreshold: 0.5 } });
    expect(alarmsNamed(template, /port-allocation-errors$/).map((a) => a.Properties.Threshold)).toEqual([10, 10, 10]);
    expect(alarmsNamed(template, /packet-drops$/).map((a) => a.Properties.Threshold)).toEqual([0.5, 0.5, 0.5]);
  });

  test.each([
    ['General Purpose / Bursting (the default)', {}, ['efs-burst-credit-balance', 'efs-percent-io-limit']],
    ['General Purpose / Elastic', { throughputMode: efs.ThroughputMode.ELASTIC }, ['efs-percent-io-limit']],
    ['Max I/O / Bursting', { performanceMode: efs.PerformanceMode.MAX_IO }, ['efs-burst-credit-balance']],
    ['Max I/O / Provisioned', { performanceMode: efs.PerformanceMode.MAX_IO, throughputMode: efs.ThroughputMode.PROVISIONED, provisionedThroughputPerSecond: Size.mebibytes(10) }, []],
    ['no file system', { enabled: false }, []],
  ])('EFS %s: only the alarms whose metric the modes publish', (_name, fileSystem, expected) => {
    expect(names(synthTemplate({ fileSystem }), /-efs-/)).toEqual(expected.map((n) => `numinia-production-${n}`));
  });

  test('EFS: BurstCreditBalance <= 0 bytes and PercentIOLimit >= 100 %, Average each minute, 15 of 15 (AWS recommended alarms)', () => {
    const template = synthTemplate();
    const fileSystem = Object.keys(template.findResources('AWS::EFS::FileSystem'))[0];
    const common = { Namespace: 'AWS/EFS', Dimensions: [{ Name: 'FileSystemId', Value: { Ref: fileSystem } }], Statistic: 'Average', Period: 60, EvaluationPeriods: 15, DatapointsToAlarm: 15 };
    expect(alarmsNamed(template, /efs-burst-credit-balance$/)[0].Properties).toMatchObject({ ...common, MetricName: 'BurstCreditBalance', Threshold: 0, ComparisonOperator: 'LessThanOrEqualToThreshold' });
    expect(alarmsNamed(template, /efs-percent-io-limit$/)[0].Properties).toMatchObject({ ...common, MetricName: 'PercentIOLimit', Threshold: 100, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const tuned = synthTemplate({ monitoring: { efsBurstCreditBalanceThreshold: Size.gibibytes(192), efsPercentIoLimitThreshold: 95 } });
    expect(alarmsNamed(tuned, /efs-burst-credit-balance$/)[0].Properties.Threshold).toBe(192 * 1024 ** 3);
    expect(alarmsNamed(tuned, /efs-percent-io-limit$/)[0].Properties.Threshold).toBe(95);
  });

  test('the bastion: StatusCheckFailed Maximum >= 1 over 300 s, 2 of 2, besides the recovery alarm (which stays as it was)', () => {
    const template = synthTemplate();
    const instance = Object.keys(template.findResources('AWS::EC2::Instance'))[0];
    expect(alarmsNamed(template, /bastion-status-check-failed$/)[0].Properties).toMatchObject({
      Namespace: 'AWS/EC2',
      MetricName: 'StatusCheckFailed',
      Dimensions: [{ Name: 'InstanceId', Value: { Ref: instance } }],
      Statistic: 'Maximum',
      Period: 300,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'StatusCheckFailed_System',
      AlarmActions: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':automate:eu-west-1:ec2:recover']] }],
    });
    expect(names(synthTemplate({ bastion: { enabled: false } }), /bastion/)).toEqual([]);
  });

  test.each([
    ['the default (eks, logs)', {}, ['eks', 'logs']],
    ['NAT NONE, which adds the SSM endpoints', { network: { natGateways: NatGateways.NONE } }, ['ec2messages', 'eks', 'logs', 'ssm', 'ssmmessages']],
    ['an additional endpoint', { network: { additionalInterfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.ECR] } }, ['ecr-api', 'eks', 'logs']],
  ])('interface endpoints, %s: one PacketsDropped alarm each, none for the S3 gateway endpoint', (_name, props, labels) => {
    const template = synthTemplate(props);
    expect(names(template, /-endpoint-/)).toEqual(labels.map((l) => `numinia-production-endpoint-${l}-packets-dropped`));
    expect(alarmsNamed(template, /-endpoint-/)).toHaveLength(Object.keys(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } })).length);
  });

  test('an endpoint alarm uses the AWS/PrivateLinkEndpoints dimension names as AWS spells them, with the endpoint\'s own values', () => {
    const template = synthTemplate();
    const [endpointId, endpoint] = Object.entries(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { ServiceName: Match.stringLikeRegexp('\\.eks$') } }))[0] as [string, Json];
    expect(alarmsNamed(template, /endpoint-eks-packets-dropped$/)[0].Properties).toMatchObject({
      Namespace: 'AWS/PrivateLinkEndpoints',
      MetricName: 'PacketsDropped',
      Dimensions: [
        { Name: 'Endpoint Type', Value: 'Interface' },
        { Name: 'Service Name', Value: endpoint.Properties.ServiceName },
        { Name: 'VPC Endpoint Id', Value: { Ref: endpointId } },
        { Name: 'VPC Id', Value: endpoint.Properties.VpcId },
      ],
      Statistic: 'Sum',
      Period: 600,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  test('the trail\'s delivery: IncomingLogEvents Sum over an hour < 1, and no data counts as breaching', () => {
    const template = synthTemplate();
    const [trailGroup] = Object.keys(template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/numinia/production/cloudtrail' } }));
    expect(alarmsNamed(template, /trail-delivery-stopped$/)[0].Properties).toMatchObject({
      Namespace: 'AWS/Logs',
      MetricName: 'IncomingLogEvents',
      Dimensions: [{ Name: 'LogGroupName', Value: { Ref: trailGroup } }],
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(alarmsNamed(synthTemplate({ monitoring: { trailMinimumIncomingEventsPerHour: 20 } }), /trail-delivery-stopped$/)[0].Properties.Threshold).toBe(20);
    expect(names(synthTemplate({ logging: { cloudTrail: { sendToCloudWatchLogs: false } } }), /trail-delivery/)).toEqual([]);
  });

  test('every operational alarm notifies the topic on ALARM and on OK, with actions enabled', () => {
    const template = synthTemplate();
    const topic = { Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] };
    const operational = alarmsNamed(template, /^numinia-production-(?!cis-)/);
    expect(operational).toHaveLength(12);
    for (const alarm of operational) {
      expect([alarm.Properties.AlarmName, alarm.Properties.ActionsEnabled, alarm.Properties.AlarmActions, alarm.Properties.OKActions])
        .toEqual([alarm.Properties.AlarmName, true, [topic], [topic]]);
    }
  });

  test('operationalAlarms: false leaves only the CIS alarms (and the recovery alarm)', () => {
    const template = synthTemplate({ monitoring: { operationalAlarms: false } });
    expect(names(template, /^numinia-production-(?!cis-)/)).toEqual([]);
    expect(names(template, /^numinia-production-cis-/)).toHaveLength(15);
  });

  test('each description names what it watches and states the threshold as configured, not the default', () => {
    const template = synthTemplate({
      monitoring: {
        natPortAllocationErrorsThreshold: 7,
        natPacketDropPercentThreshold: 0.5,
        efsBurstCreditBalanceThreshold: Size.gibibytes(1),
        efsPercentIoLimitThreshold: 95,
        endpointPacketsDroppedThreshold: 11,
        trailMinimumIncomingEventsPerHour: 13,
      },
    });
    const expected: Array<[RegExp, RegExp[]]> = [
      [/nat-eu-west-1a-port-allocation-errors$/, [/^NAT gateway eu-west-1a /, /ErrorPortAllocation >= 7 in a minute/]],
      [/nat-eu-west-1b-packet-drops$/, [/^NAT gateway eu-west-1b /, /more than 0\.5% of the packets/]],
      [/efs-burst-credit-balance$/, [/at or below 1073741824 bytes/]],
      [/efs-percent-io-limit$/, [/at or above 95% of the General Purpose I\/O limit/]],
      [/endpoint-logs-packets-dropped$/, [/^The logs interface endpoint dropped at least 11 packets/]],
      [/trail-delivery-stopped$/, [/fewer than 13 events in an hour/]],
    ];
    const wrong = expected.flatMap(([alarm, parts]) => {
      const [found] = alarmsNamed(template, alarm);
      const description: string = found?.Properties.AlarmDescription ?? '(no such alarm)';
      return parts.filter((part) => !part.test(description)).map((part) => `${alarm}: ${part} not in "${description}"`);
    });
    expect(wrong).toEqual([]);
  });

  test('the share of dropped packets is labelled with its gateway, where the graph and the alarm show it', () => {
    const expressions = alarmsNamed(synthTemplate(), /packet-drops$/).map((a) => a.Properties.Metrics.find((m: Json) => m.Expression).Label);
    expect(expressions).toEqual(['Dropped packets % eu-west-1a', 'Dropped packets % eu-west-1b', 'Dropped packets % eu-west-1c']);
  });
});

