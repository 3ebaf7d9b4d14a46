import { Duration, Lazy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LoggingProps } from '../../src';
import { checkLoggingProps } from '../../src/logging/logging-validation';

const days = (n: number) => Duration.days(n);
const trail = (cloudTrail: NonNullable<LoggingProps['cloudTrail']>) => checkLoggingProps({ cloudTrail });

/** The logging checks, called directly: each limit from both sides, each combination that is refused and its neighbours. */
describe('logging validation', () => {
  test('a flow-log format of at least one field, and no format at all, are accepted', () => {
    expect(checkLoggingProps({ flowLogFormat: [ec2.LogFormat.SRC_ADDR] })).toEqual([]);
    expect(checkLoggingProps(undefined)).toEqual([]);
  });

  test('the trail\'s CloudWatch Logs retention is refused only when the trail does not deliver there', () => {
    expect(trail({ sendToCloudWatchLogs: false, cloudWatchLogsRetention: logs.RetentionDays.ONE_YEAR }))
      .toEqual(['logging.cloudTrail.cloudWatchLogsRetention: set while sendToCloudWatchLogs is false; remove one of the two']);
    expect(trail({ sendToCloudWatchLogs: true, cloudWatchLogsRetention: logs.RetentionDays.ONE_YEAR })).toEqual([]);
    expect(trail({ cloudWatchLogsRetention: logs.RetentionDays.ONE_YEAR })).toEqual([]);
    expect(trail({ sendToCloudWatchLogs: false })).toEqual([]);
  });

  test.each([
    ['eu-west-1', true],
    ['us-gov-west-1', true],
    ['ap-southeast-5', true],
    ['eu-west-10', true],
    ['eu-west-1a', false], // a zone, not a region
    ['e-west-1', false],
    ['1eu-west-1', false],
    ['eu-west', false],
    ['EU-WEST-1', false],
  ])('the trail\'s home region %s is a region name: %s', (homeRegion, accepted) => {
    expect(trail({ homeRegion })).toEqual(accepted ? [] : [`logging.cloudTrail.homeRegion: got "${homeRegion}"; expected a region name such as eu-west-1`]);
  });

  test('a token home region is left to deploy time', () => {
    expect(trail({ homeRegion: Lazy.string({ produce: () => 'nowhere' }) })).toEqual([]);
  });

  test('archive after at least a day, and expire after the archive', () => {
    expect(trail({ transitionToGlacierAfter: days(1), expireAfter: days(2) })).toEqual([]);
    expect(trail({ transitionToGlacierAfter: days(0) })).toEqual(['logging.cloudTrail.transitionToGlacierAfter: got 0 days; expected a whole number of days, at least 1']);
    expect(trail({ transitionToGlacierAfter: Duration.hours(36) })).toEqual(['logging.cloudTrail.transitionToGlacierAfter: got 1 day 12 hours; expected a whole number of days, at least 1']);
    expect(trail({ expireAfter: days(0) })).toEqual(['logging.cloudTrail.expireAfter: got 0 days; expected a whole number of days, at least 1']);
    expect(trail({ transitionToGlacierAfter: days(1), expireAfter: days(1) }))
      .toEqual(['logging.cloudTrail.expireAfter: got 1 days, not later than transitionToGlacierAfter (1 days); expected a longer period, or no expiry']);
    // The default archive is after 90 days: an expiry must come later.
    expect(trail({ expireAfter: days(90) })).toEqual(['logging.cloudTrail.expireAfter: got 90 days, not later than transitionToGlacierAfter (90 days); expected a longer period, or no expiry']);
    expect(trail({ expireAfter: days(91) })).toEqual([]);
    // An archive period that is a token is left to deploy time, and no expiry is compared with it.
    const tokenDays = Duration.days(Lazy.number({ produce: () => 30 }));
    expect(trail({ transitionToGlacierAfter: tokenDays })).toEqual([]);
    expect(trail({ transitionToGlacierAfter: tokenDays, expireAfter: days(1) })).toEqual([]);
    // An archive period that is not whole days is one problem, not also an expiry problem.
    expect(trail({ transitionToGlacierAfter: Duration.hours(36), expireAfter: days(1) })).toHaveLength(1);
  });
});
