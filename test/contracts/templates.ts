import { TemplatePolicies } from './policies';
import { NuminiaBaselineProps } from '../../src';
import { synthTemplate } from '../util';

/** The policies of a baseline in eu-west-1, resolved in the contract account (aws-cdk-lib's own validation off: speed). */
export function baselinePolicies(props: Partial<NuminiaBaselineProps> = {}): TemplatePolicies {
  // Account-agnostic, as users synthesize it: the resolver puts the contract account where the template says AWS::AccountId.
  const template = synthTemplate(props, { appProps: { builtinCloudFormationValidation: false } }).toJSON();
  return new TemplatePolicies(template);
}

/** Logical-ID patterns of the resources whose policies the contracts evaluate. */
export const ID = {
  fileSystem: /^BaselineStorageFileSystem[0-9A-F]{8}$/,
  csiControllerRole: /^BaselineEfsCsiDriverRole[0-9A-F]{8}$/,
  csiNodeRole: /^BaselineEfsCsiDriverNodeRole[0-9A-F]{8}$/,
  bastionRole: /^BaselineBastionRole[0-9A-F]{8}$/,
  flowLogRole: /^BaselineNetworkFlowLogRole[0-9A-F]{8}$/,
  trailLogsRole: /^BaselineAuditTrailLogsRole[0-9A-F]{8}$/,
  logsKey: /^BaselineEncryptionLogsKey[0-9A-F]{8}$/,
  fileSystemKey: /^BaselineEncryptionFileSystemKey[0-9A-F]{8}$/,
  trailBucket: /^BaselineAuditTrailBucket[0-9A-F]{8}$/,
  accessLogsBucket: /^BaselineAuditTrailAccessLogsBucket[0-9A-F]{8}$/,
  flowLogBucket: /^BaselineAuditTrailFlowLogBucket[0-9A-F]{8}$/,
  trail: /^BaselineAuditTrail[0-9A-F]{8}$/,
  flowLogGroup: /^BaselineNetworkFlowLogGroup[0-9A-F]{8}$/,
  trailLogGroup: /^BaselineAuditTrailLogGroup[0-9A-F]{8}$/,
  alarmTopic: /^BaselineMonitoringAlarmTopic[0-9A-F]{8}$/,
  alarmTopicKey: /^BaselineMonitoringAlarmTopicKey[0-9A-F]{8}$/,
};
