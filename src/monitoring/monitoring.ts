import { Annotations, Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { createAlarmTopic } from './alarm-topic';
import { createBaselineDashboard } from './baseline-dashboard';
import { patchComplianceMetric, patchComplianceRule, tunnelSessionsMetric } from './bastion-operations';
import { CisAlarms } from './cis-alarms';
import { MonitoredEndpoint, MonitoredFileSystem, MonitoredNatGateway } from './monitored-resources';
import { MonitoringConfig } from './monitoring-config';
import { alarmName, WARNING_CIS_WITHOUT_TRAIL, WARNING_TOPIC_WITHOUT_SUBSCRIBER } from './monitoring-defaults';
import { OperationalAlarms } from './operational-alarms';

export interface MonitoringAreaProps {
  readonly config: MonitoringConfig;
  readonly project: string;
  readonly environment: string;
  /** For the topic's key, like the baseline's other keys. */
  readonly rotationPeriod: Duration;
  readonly natGateways: MonitoredNatGateway[];
  readonly endpoints: MonitoredEndpoint[];
  readonly fileSystem?: MonitoredFileSystem;
  readonly bastionInstanceId?: string;
  /** Patch Manager patches the bastion: its reports of missing patches notify the topic. */
  readonly bastionPatched?: boolean;
  /** The trail's CloudWatch Logs copy, when the trail delivers there. */
  readonly trailLogGroup?: logs.ILogGroup;
  /**
   * Another baseline of the account in this app holds the account's trail (a fleet): the CIS alarms are made there,
   * and their absence here is by design, not a gap to warn about.
   */
  readonly trailHeldElsewhere?: boolean;
  /**
   * The trail exists in some stack instances only (a StackSet template's `IsHomeRegion` condition): the alarms that
   * read it are left off the dashboard, which every instance has.
   */
  readonly trailConditional?: boolean;
}

/**
 * The monitoring area: the alarm topic (made here, or brought in), the CIS filters and alarms on the trail's log
 * group, the operational alarms, and the dashboard. It gets what to watch as plain facts from the recipe.
 */
export class Monitoring extends Construct {
  public readonly topic: sns.ITopic;
  /** The topic's key, when the topic is made here. */
  public readonly topicKey?: kms.IKey;
  public readonly alarms: cloudwatch.IAlarm[];
  public readonly dashboard?: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringAreaProps) {
    super(scope, id);
    const { config, project, environment } = props;
    if (config.alarmTopic) {
      this.topic = config.alarmTopic;
    } else {
      const made = createAlarmTopic(this, 'AlarmTopic', { project, environment, rotationPeriod: props.rotationPeriod, emails: config.alarmEmails });
      this.topic = made.topic;
      this.topicKey = made.key;
      if (config.alarmEmails.length === 0) {
        Annotations.of(this).addWarningV2(WARNING_TOPIC_WITHOUT_SUBSCRIBER,
          `The alarm topic ${made.topic.node.path} has no subscriber, so its alarms reach nobody (and Security Hub's ` +
          'CloudWatch.1-14 want one): give monitoring.alarmEmails, bring a topic (monitoring.alarmTopic), or subscribe to ' +
          'baseline.alarmTopic yourself (AWS Chatbot, an HTTPS endpoint) and acknowledge this warning.');
      }
    }

    const alarms: cloudwatch.IAlarm[] = [];
    const trailAlarms: cloudwatch.IAlarm[] = [];
    if (config.cisAlarms) {
      if (props.trailLogGroup) {
        trailAlarms.push(...new CisAlarms(this, 'Cis', {
          project,
          environment,
          logGroup: props.trailLogGroup,
          topic: this.topic,
          variant: config.cisVariant,
          unauthorizedApiCallsThreshold: config.unauthorizedApiCallsThreshold,
        }).alarms);
        alarms.push(...trailAlarms);
      } else if (props.trailHeldElsewhere) {
        Annotations.of(this).addInfo('The CIS metric filters and alarms are made by the baseline that holds the account\'s trail ' +
          '(its home region), where the trail delivers to CloudWatch Logs.');
      } else {
        Annotations.of(this).addWarningV2(WARNING_CIS_WITHOUT_TRAIL,
          'The CIS AWS Foundations metric filters and alarms (Security Hub CloudWatch.1-14, CIS 4.15) are not created: they ' +
          'read the trail\'s CloudWatch Logs group, and the trail or its delivery is off (logging.cloudTrail.enabled, ' +
          'sendToCloudWatchLogs). Create them where the trail that covers this account delivers (e.g. the organisation ' +
          'trail\'s account), or set monitoring.cisAlarms to false.');
      }
    }
    if (config.operationalAlarms) {
      const operational = new OperationalAlarms(this, 'Operational', {
        project,
        environment,
        config,
        topic: this.topic,
        natGateways: props.natGateways,
        endpoints: props.endpoints,
        fileSystem: props.fileSystem,
        bastionInstanceId: props.bastionInstanceId,
        trailLogGroup: props.trailLogGroup,
      });
      alarms.push(...operational.alarms);
      trailAlarms.push(...operational.trailAlarms);
    }
    this.alarms = alarms;

    // The bastion's operations: reports of missing patches to the topic; tunnels opened, counted from the trail.
    const operations: cloudwatch.IMetric[] = [];
    if (props.bastionPatched && props.bastionInstanceId !== undefined) {
      const rule = patchComplianceRule(this, { ruleName: alarmName(project, environment, 'bastion-missing-patches'), instanceId: props.bastionInstanceId, topic: this.topic, topicKey: this.topicKey });
      operations.push(patchComplianceMetric(rule));
    }
    if (config.dashboard && props.trailLogGroup && props.bastionInstanceId !== undefined && !props.trailConditional) {
      operations.push(tunnelSessionsMetric(this, props.trailLogGroup));
    }

    if (config.dashboard) {
      this.dashboard = createBaselineDashboard(this, 'Dashboard', {
        project,
        environment,
        alarms: props.trailConditional ? alarms.filter((alarm) => !trailAlarms.includes(alarm)) : alarms,
        natGateways: props.natGateways,
        endpoints: props.endpoints,
        fileSystem: props.fileSystem,
        bastionInstanceId: props.bastionInstanceId,
        bastionOperations: operations,
      });
    }
  }
}
