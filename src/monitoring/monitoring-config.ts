import { Size } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as defaults from './monitoring-defaults';
import { CisVariant, MonitoringProps } from './monitoring-props';

/** The monitoring props with every default filled in. */
export interface MonitoringConfig {
  readonly enabled: boolean;
  readonly alarmEmails: string[];
  readonly alarmTopic?: sns.ITopic;
  /** Whether the CIS filters are wanted; they exist only where the trail delivers to CloudWatch Logs. */
  readonly cisAlarms: boolean;
  readonly cisVariant: CisVariant;
  readonly unauthorizedApiCallsThreshold: number;
  readonly operationalAlarms: boolean;
  readonly natPortAllocationErrorsThreshold: number;
  readonly natPacketDropPercentThreshold: number;
  readonly efsBurstCreditBalanceThreshold: Size;
  readonly efsPercentIoLimitThreshold: number;
  readonly endpointPacketsDroppedThreshold: number;
  readonly trailMinimumIncomingEventsPerHour: number;
  readonly dashboard: boolean;
}

export function resolveMonitoringConfig(props: MonitoringProps | undefined): MonitoringConfig {
  const m = props ?? {};
  return {
    enabled: m.enabled ?? true,
    alarmEmails: m.alarmEmails ?? [],
    alarmTopic: m.alarmTopic,
    cisAlarms: m.cisAlarms ?? true,
    cisVariant: m.cisVariant ?? CisVariant.SECURITY_HUB,
    unauthorizedApiCallsThreshold: m.unauthorizedApiCallsThreshold ?? defaults.DEFAULT_UNAUTHORIZED_API_CALLS_THRESHOLD,
    operationalAlarms: m.operationalAlarms ?? true,
    natPortAllocationErrorsThreshold: m.natPortAllocationErrorsThreshold ?? defaults.DEFAULT_NAT_PORT_ALLOCATION_ERRORS_THRESHOLD,
    natPacketDropPercentThreshold: m.natPacketDropPercentThreshold ?? defaults.DEFAULT_NAT_PACKET_DROP_PERCENT_THRESHOLD,
    efsBurstCreditBalanceThreshold: m.efsBurstCreditBalanceThreshold ?? Size.bytes(defaults.DEFAULT_EFS_BURST_CREDIT_BALANCE_BYTES),
    efsPercentIoLimitThreshold: m.efsPercentIoLimitThreshold ?? defaults.DEFAULT_EFS_PERCENT_IO_LIMIT_THRESHOLD,
    endpointPacketsDroppedThreshold: m.endpointPacketsDroppedThreshold ?? defaults.DEFAULT_ENDPOINT_PACKETS_DROPPED_THRESHOLD,
    trailMinimumIncomingEventsPerHour: m.trailMinimumIncomingEventsPerHour ?? defaults.DEFAULT_TRAIL_MINIMUM_INCOMING_EVENTS_PER_HOUR,
    dashboard: m.dashboard ?? true,
  };
}
