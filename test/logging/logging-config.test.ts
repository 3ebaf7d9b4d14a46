import { Stack } from 'aws-cdk-lib';
import { FlowLogDestinations, LoggingProps } from '../../src';
import { baselineLogGroupNames, resolveLoggingConfig } from '../../src/logging/logging-config';

const FLOW_LOGS = '/numinia/prod/vpc-flow-logs';
const TRAIL = '/numinia/prod/cloudtrail';
const names = (props: LoggingProps, trailHere: boolean) =>
  baselineLogGroupNames(resolveLoggingConfig(new Stack(), props, 'numinia', 'prod'), trailHere);

describe('the log groups the logs key serves', () => {
  test.each<[string, LoggingProps, boolean, string[]]>([
    ['the defaults, where the trail is held', {}, true, [FLOW_LOGS, TRAIL]],
    ['the defaults, where another baseline holds the trail', {}, false, [FLOW_LOGS]],
    ['flow logs to S3 only', { flowLogDestinations: FlowLogDestinations.S3 }, true, [TRAIL]],
    ['flow logs to both', { flowLogDestinations: FlowLogDestinations.CLOUDWATCH_LOGS_AND_S3 }, true, [FLOW_LOGS, TRAIL]],
    ['a trail that delivers to S3 only', { cloudTrail: { sendToCloudWatchLogs: false } }, true, [FLOW_LOGS]],
    ['neither in CloudWatch Logs', { flowLogDestinations: FlowLogDestinations.S3, cloudTrail: { sendToCloudWatchLogs: false } }, true, []],
  ])('%s', (_name, props, trailHere, expected) => {
    expect(names(props, trailHere)).toEqual(expected);
  });
});
