import { Lazy, Size, Stack } from 'aws-cdk-lib';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { CisVariant, MonitoringProps } from '../../src';
import { checkMonitoringProps, MonitoringContext } from '../../src/monitoring/monitoring-validation';

/** A baseline with everything to watch: the trail delivers, NAT gateways, a General Purpose / Bursting file system. */
const EVERYTHING: MonitoringContext = {
  trailDelivers: true,
  hasNatGateways: true,
  fileSystem: { performanceMode: efs.PerformanceMode.GENERAL_PURPOSE, throughputMode: efs.ThroughputMode.BURSTING },
};
const check = (props: MonitoringProps, context: Partial<MonitoringContext> = {}) => checkMonitoringProps(props, { ...EVERYTHING, ...context });
const topic = () => sns.Topic.fromTopicArn(new Stack(), 'T', 'arn:aws:sns:eu-west-1:111111111111:central-alerts');
const token = () => Lazy.number({ produce: () => 0 });

describe('monitoring validation', () => {
  test('CIS options with the CIS alarms off are refused, each named; the switch alone is fine', () => {
    expect(check({ cisAlarms: false })).toEqual([]);
    expect(check({ cisAlarms: false, unauthorizedApiCallsThreshold: 3 }))
      .toEqual(['monitoring.cisAlarms: false, yet monitoring.unauthorizedApiCallsThreshold set; remove it or enable the CIS alarms']);
    expect(check({ cisAlarms: false, cisVariant: CisVariant.CIS_V3, unauthorizedApiCallsThreshold: 3 })).toEqual([
      'monitoring.cisAlarms: false, yet monitoring.cisVariant, monitoring.unauthorizedApiCallsThreshold set; remove it or enable the CIS alarms',
    ]);
  });

  test('CIS alarms asked for are refused only where the trail does not deliver, and not when monitoring is off (one problem then)', () => {
    expect(check({ cisAlarms: true })).toEqual([]);
    expect(check({ cisAlarms: true }, { trailDelivers: false })).toEqual([
      'monitoring.cisAlarms: true, but the trail does not deliver to CloudWatch Logs (logging.cloudTrail.enabled or sendToCloudWatchLogs ' +
        'is false), and the CIS metric filters read that log group; enable the delivery or remove cisAlarms',
    ]);
    expect(check({ enabled: false, cisAlarms: true }, { trailDelivers: false }))
      .toEqual(['monitoring.enabled: false, yet monitoring.cisAlarms is set; remove it or enable the monitoring']);
  });

  const COUNTS = ['unauthorizedApiCallsThreshold', 'natPortAllocationErrorsThreshold', 'endpointPacketsDroppedThreshold', 'trailMinimumIncomingEventsPerHour'] as const;
  test.each(COUNTS)('%s: a whole number from 1; a token is left to deploy time', (name) => {
    const refused = (value: number) => [`monitoring.${name}: got ${value}; expected a whole number, at least 1`];
    expect([1, 2, 0, 1.5, -1].map((value) => check({ [name]: value }))).toEqual([[], [], refused(0), refused(1.5), refused(-1)]);
    expect(check({ [name]: token() })).toEqual([]);
  });

  const PERCENTS = ['natPacketDropPercentThreshold', 'efsPercentIoLimitThreshold'] as const;
  test.each(PERCENTS)('%s: above 0 and at most 100; a token is left to deploy time', (name) => {
    const refused = (value: number) => [`monitoring.${name}: got ${JSON.stringify(value)}; expected a percentage above 0 and at most 100`];
    expect([0.001, 100, 0, 100.5, -1, Infinity].map((value) => check({ [name]: value })))
      .toEqual([[], [], refused(0), refused(100.5), refused(-1), refused(Infinity)]);
    expect(check({ [name]: token() })).toEqual([]);
  });

  test('thresholds with the operational alarms off are refused, all named at once; the switch alone is fine', () => {
    expect(check({ operationalAlarms: false })).toEqual([]);
    expect(check({ operationalAlarms: false, natPortAllocationErrorsThreshold: 5, trailMinimumIncomingEventsPerHour: 2 })).toEqual([
      'monitoring.operationalAlarms: false, yet monitoring.natPortAllocationErrorsThreshold, monitoring.trailMinimumIncomingEventsPerHour set; ' +
        'remove them or enable the operational alarms',
    ]);
  });

  test('a threshold with nothing to watch is refused, each with what is missing; with monitoring off only that is said', () => {
    const burst = { efsBurstCreditBalanceThreshold: Size.gibibytes(1) };
    const watchable = {
      natPortAllocationErrorsThreshold: 2, natPacketDropPercentThreshold: 1, efsPercentIoLimitThreshold: 90, trailMinimumIncomingEventsPerHour: 2,
    };
    expect(check({ ...watchable, ...burst })).toEqual([]);
    expect(check({ natPortAllocationErrorsThreshold: 2 }, { hasNatGateways: false }))
      .toEqual(['monitoring.natPortAllocationErrorsThreshold: set, but network.natGateways is NONE, so there is no NAT gateway to watch; remove it']);
    const elastic = { performanceMode: efs.PerformanceMode.GENERAL_PURPOSE, throughputMode: efs.ThroughputMode.ELASTIC };
    expect(check(burst, { fileSystem: elastic }))
      .toEqual(['monitoring.efsBurstCreditBalanceThreshold: set, but the file system\'s throughput mode is elastic; only BURSTING has burst credits; remove it']);
    expect(check(burst, { fileSystem: undefined })).toEqual(['monitoring.efsBurstCreditBalanceThreshold: set, but there is no file system; remove it']);
    const maxIo = { performanceMode: efs.PerformanceMode.MAX_IO, throughputMode: efs.ThroughputMode.BURSTING };
    expect(check({ efsPercentIoLimitThreshold: 90 }, { fileSystem: maxIo }))
      .toEqual(['monitoring.efsPercentIoLimitThreshold: set, but the file system\'s performance mode is maxIO; only GENERAL_PURPOSE publishes PercentIOLimit; remove it']);
    expect(check({ efsPercentIoLimitThreshold: 90 }, { fileSystem: undefined })).toEqual(['monitoring.efsPercentIoLimitThreshold: set, but there is no file system; remove it']);
    expect(check({ trailMinimumIncomingEventsPerHour: 2 }, { trailDelivers: false })).toEqual([
      'monitoring.trailMinimumIncomingEventsPerHour: set, but the trail does not deliver to CloudWatch Logs (logging.cloudTrail.enabled or ' +
        'sendToCloudWatchLogs is false); remove it',
    ]);
    expect(check({ enabled: false, natPortAllocationErrorsThreshold: 2 }, { hasNatGateways: false }))
      .toEqual(['monitoring.enabled: false, yet monitoring.natPortAllocationErrorsThreshold is set; remove it or enable the monitoring']);
  });

  test('subscriptions: addresses or a topic of one\'s own, not both; each address once (any case); tokens left to deploy time', () => {
    expect(check({ alarmTopic: topic(), alarmEmails: [] })).toEqual([]);
    expect(check({ alarmTopic: topic(), alarmEmails: ['ops@numinia.io'] })).toEqual([
      'monitoring.alarmEmails: given together with alarmTopic; subscribe the addresses to your own topic, or remove alarmTopic to let the ' +
        'baseline create one for them',
    ]);
    expect(check({ alarmEmails: ['ops@numinia.io', 'security@numinia.io'] })).toEqual([]);
    expect(check({ alarmEmails: [Lazy.string({ produce: () => 'ops' }), Lazy.string({ produce: () => 'ops' })] })).toEqual([]);
    expect(check({ alarmEmails: [5 as any, ['ops@numinia.io'] as any, 'ops', 'ops@numinia', 'a b@numinia.io'] })).toEqual([
      'monitoring.alarmEmails: 5 is not an e-mail address (one address per entry)',
      'monitoring.alarmEmails: ["ops@numinia.io"] is not an e-mail address (one address per entry)',
      'monitoring.alarmEmails: "ops" is not an e-mail address (one address per entry)',
      'monitoring.alarmEmails: "ops@numinia" is not an e-mail address (one address per entry)',
      'monitoring.alarmEmails: "a b@numinia.io" is not an e-mail address (one address per entry)',
    ]);
  });
});
