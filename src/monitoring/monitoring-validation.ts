import { Token } from 'aws-cdk-lib';
import * as efs from 'aws-cdk-lib/aws-efs';
import { CisVariant, MonitoringProps } from './monitoring-props';
import { checkDisabledArea, show } from '../private/validation-helpers';

/** What the other areas make, which decides which monitoring props mean anything. */
export interface MonitoringContext {
  /** The trail exists and delivers to CloudWatch Logs: the CIS filters and the delivery alarm need its log group. */
  readonly trailDelivers: boolean;
  readonly hasNatGateways: boolean;
  /** The file system's modes, when there is one. */
  readonly fileSystem?: { readonly performanceMode: efs.PerformanceMode; readonly throughputMode: efs.ThroughputMode };
}

/** Loose on purpose: SNS itself validates the address, this catches what is clearly not one (a name, a list). */
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

const OPERATIONAL_THRESHOLDS = [
  'natPortAllocationErrorsThreshold', 'natPacketDropPercentThreshold', 'efsBurstCreditBalanceThreshold',
  'efsPercentIoLimitThreshold', 'endpointPacketsDroppedThreshold', 'trailMinimumIncomingEventsPerHour',
] as const;

/** The monitoring props: subscriptions, the CIS options, thresholds, and props that the other areas make meaningless. */
export function checkMonitoringProps(props: MonitoringProps | undefined, context: MonitoringContext): string[] {
  const m = props ?? {};
  const problems = checkDisabledArea('monitoring', m);
  problems.push(...checkSubscriptions(m));

  if (m.cisVariant !== undefined && !Object.values(CisVariant).includes(m.cisVariant)) {
    problems.push(`monitoring.cisVariant: got ${show(m.cisVariant)}; expected one of ${Object.values(CisVariant).join(', ')}`);
  }
  if (m.cisAlarms === false) {
    const given = (['cisVariant', 'unauthorizedApiCallsThreshold'] as const).filter((k) => m[k] !== undefined);
    if (given.length > 0) {
      problems.push(`monitoring.cisAlarms: false, yet ${given.map((k) => `monitoring.${k}`).join(', ')} set; remove it or enable the CIS alarms`);
    }
  } else if (m.cisAlarms === true && !context.trailDelivers && m.enabled !== false) {
    problems.push('monitoring.cisAlarms: true, but the trail does not deliver to CloudWatch Logs (logging.cloudTrail.enabled or ' +
      'sendToCloudWatchLogs is false), and the CIS metric filters read that log group; enable the delivery or remove cisAlarms');
  }

  const counts: Array<[string, number | undefined]> = [
    ['unauthorizedApiCallsThreshold', m.unauthorizedApiCallsThreshold],
    ['natPortAllocationErrorsThreshold', m.natPortAllocationErrorsThreshold],
    ['endpointPacketsDroppedThreshold', m.endpointPacketsDroppedThreshold],
    ['trailMinimumIncomingEventsPerHour', m.trailMinimumIncomingEventsPerHour],
  ];
  for (const [name, value] of counts) {
    if (value !== undefined && !Token.isUnresolved(value) && !(Number.isInteger(value) && value >= 1)) {
      problems.push(`monitoring.${name}: got ${show(value)}; expected a whole number, at least 1`);
    }
  }
  const percents: Array<[string, number | undefined]> = [
    ['natPacketDropPercentThreshold', m.natPacketDropPercentThreshold],
    ['efsPercentIoLimitThreshold', m.efsPercentIoLimitThreshold],
  ];
  for (const [name, value] of percents) {
    if (value !== undefined && !Token.isUnresolved(value) && !(Number.isFinite(value) && value > 0 && value <= 100)) {
      problems.push(`monitoring.${name}: got ${show(value)}; expected a percentage above 0 and at most 100`);
    }
  }

  const givenThresholds = OPERATIONAL_THRESHOLDS.filter((k) => m[k] !== undefined);
  if (m.operationalAlarms === false && givenThresholds.length > 0) {
    problems.push(`monitoring.operationalAlarms: false, yet ${givenThresholds.map((k) => `monitoring.${k}`).join(', ')} set; ` +
      'remove them or enable the operational alarms');
  } else if (m.enabled !== false) {
    problems.push(...checkThresholdsHaveSomethingToWatch(m, context));
  }
  return problems;
}

function checkSubscriptions(m: MonitoringProps): string[] {
  const problems: string[] = [];
  const emails = m.alarmEmails ?? [];
  if (m.alarmTopic !== undefined && emails.length > 0) {
    problems.push('monitoring.alarmEmails: given together with alarmTopic; subscribe the addresses to your own topic, or ' +
      'remove alarmTopic to let the baseline create one for them');
  }
  const seen = new Set<string>();
  for (const email of emails) {
    if (Token.isUnresolved(email)) continue;
    if (typeof email !== 'string' || !EMAIL.test(email)) {
      problems.push(`monitoring.alarmEmails: ${show(email)} is not an e-mail address (one address per entry)`);
    } else if (seen.has(email.toLowerCase())) {
      problems.push(`monitoring.alarmEmails: ${show(email)} is listed twice`);
    }
    seen.add(String(email).toLowerCase());
  }
  return problems;
}

/** A threshold for an alarm that cannot exist in this configuration is a mistake worth saying. */
function checkThresholdsHaveSomethingToWatch(m: MonitoringProps, context: MonitoringContext): string[] {
  const problems: string[] = [];
  const fs = context.fileSystem;
  const nat = ['natPortAllocationErrorsThreshold', 'natPacketDropPercentThreshold'] as const;
  for (const name of nat.filter((k) => m[k] !== undefined && !context.hasNatGateways)) {
    problems.push(`monitoring.${name}: set, but network.natGateways is NONE, so there is no NAT gateway to watch; remove it`);
  }
  if (m.efsBurstCreditBalanceThreshold !== undefined && fs?.throughputMode !== efs.ThroughputMode.BURSTING) {
    problems.push('monitoring.efsBurstCreditBalanceThreshold: set, but ' +
      (fs ? `the file system's throughput mode is ${fs.throughputMode}; only BURSTING has burst credits` : 'there is no file system') +
      '; remove it');
  }
  if (m.efsPercentIoLimitThreshold !== undefined && fs?.performanceMode !== efs.PerformanceMode.GENERAL_PURPOSE) {
    problems.push('monitoring.efsPercentIoLimitThreshold: set, but ' +
      (fs ? `the file system's performance mode is ${fs.performanceMode}; only GENERAL_PURPOSE publishes PercentIOLimit` : 'there is no file system') +
      '; remove it');
  }
  if (m.trailMinimumIncomingEventsPerHour !== undefined && !context.trailDelivers) {
    problems.push('monitoring.trailMinimumIncomingEventsPerHour: set, but the trail does not deliver to CloudWatch Logs ' +
      '(logging.cloudTrail.enabled or sendToCloudWatchLogs is false); remove it');
  }
  return problems;
}
