import { App, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { BastionPatchingProps, BastionSessionLoggingProps, NuminiaBaseline } from '../../src';
import { checkPatchingProps, checkSessionLoggingProps } from '../../src/access/bastion-operations-validation';
import { synthTemplate } from '../util';

describe('the bastion\'s patching props', () => {
  test.each<[string, BastionPatchingProps, string[]]>([
    ['the defaults', {}, []],
    ['0 and 360 days: AWS\'s range', { approveAfterDays: 0 }, []],
    ['360 days', { approveAfterDays: 360 }, []],
    ['361 days', { approveAfterDays: 361 }, ['bastion.patching.approveAfterDays: got 361; expected a whole number of days from 0 to 360']],
    ['-1 days', { approveAfterDays: -1 }, ['bastion.patching.approveAfterDays: got -1; expected a whole number of days from 0 to 360']],
    ['7.5 days', { approveAfterDays: 7.5 }, ['bastion.patching.approveAfterDays: got 7.5; expected a whole number of days from 0 to 360']],
    ['a cron of six fields', { installSchedule: 'cron(0 3 ? * SUN *)' }, []],
    ['a weekly rate', { installSchedule: 'rate(7 days)' }, []],
    ['a window every hour', { installSchedule: 'rate(1 hour)' }, []],
    ['a window every 30 minutes: more often than a window runs', { installSchedule: 'rate(30 minutes)' },
      ['bastion.patching.installSchedule: got "rate(30 minutes)"; expected a rate of at least 60 minutes']],
    ['a Unix cron without cron()', { installSchedule: '0 3 * * 0' },
      ['bastion.patching.installSchedule: got "0 3 * * 0"; expected a cron or rate expression of Systems Manager, such as cron(0 3 ? * SUN *) or rate(7 days)']],
    ['a cron of four fields', { installSchedule: 'cron(0 3 ? *)' },
      ['bastion.patching.installSchedule: got "cron(0 3 ? *)"; expected a cron or rate expression of Systems Manager, such as cron(0 3 ? * SUN *) or rate(7 days)']],
    ['a scan every 30 minutes: the association\'s minimum', { scanSchedule: 'rate(30 minutes)' }, []],
    ['a scan every 10 minutes', { scanSchedule: 'rate(10 minutes)' }, ['bastion.patching.scanSchedule: got "rate(10 minutes)"; expected a rate of at least 30 minutes']],
    ['a scan rate in weeks', { scanSchedule: 'rate(1 week)' },
      ['bastion.patching.scanSchedule: got "rate(1 week)"; expected a cron or rate expression of Systems Manager, such as cron(0 3 ? * SUN *) or rate(1 day)']],
    ['an IANA time zone', { scheduleTimezone: 'America/Los_Angeles' }, []],
    ['a time zone that is not one', { scheduleTimezone: 'CET+1' }, ['bastion.patching.scheduleTimezone: got "CET+1"; expected an IANA time zone such as Europe/Dublin or Etc/UTC']],
  ])('%s', (_name, props, expected) => {
    expect(checkPatchingProps(props)).toEqual(expected);
  });

  test('tokens are left to deploy time', () => {
    expect(checkPatchingProps({
      approveAfterDays: Token.asNumber(Lazy.number({ produce: () => 999 })),
      installSchedule: Lazy.string({ produce: () => 'bad' }),
      scanSchedule: Lazy.string({ produce: () => 'bad' }),
      scheduleTimezone: Lazy.string({ produce: () => 'bad' }),
    })).toEqual([]);
  });

  test('the baseline reports them with its other problems', () => {
    expect(() => synthTemplate({ bastion: { patching: { approveAfterDays: 400 } } }))
      .toThrow(/Invalid NuminiaBaseline props \(1 problem\):\n {2}- bastion.patching.approveAfterDays: got 400/);
  });
});

describe('the bastion\'s session logging props', () => {
  const others = new Map([['/numinia/staging/bastion-sessions', 'Staging/Baseline']]);
  test.each<[string, BastionSessionLoggingProps, string[]]>([
    ['the defaults', {}, []],
    ['1 and 60 minutes idle: Session Manager\'s range', { idleTimeout: Duration.minutes(1) }, []],
    ['60 minutes idle', { idleTimeout: Duration.hours(1) }, []],
    ['61 minutes idle', { idleTimeout: Duration.minutes(61) }, ['bastion.sessionLogging.idleTimeout: got 61 minutes; Session Manager accepts 1 to 60 whole minutes']],
    ['30 seconds idle', { idleTimeout: Duration.seconds(30) }, ['bastion.sessionLogging.idleTimeout: got 0.5 minutes; Session Manager accepts 1 to 60 whole minutes']],
    ['a day at most', { maxSessionDuration: Duration.days(1) }, []],
    ['25 hours at most', { maxSessionDuration: Duration.hours(25) }, ['bastion.sessionLogging.maxSessionDuration: got 1500 minutes; Session Manager accepts 1 to 1440 whole minutes']],
    ['90 seconds at most', { maxSessionDuration: Duration.seconds(90) }, ['bastion.sessionLogging.maxSessionDuration: got 1.5 minutes; Session Manager accepts 1 to 1440 whole minutes']],
    ['run as ops', { runAsUser: 'ops' }, []],
    ['run as root', { runAsUser: 'root' }, ['bastion.sessionLogging.runAsUser: got "root"; expected a Linux user name other than root (lowercase letters, digits, _ and -; up to 32)']],
    ['run as "Ops Team"', { runAsUser: 'Ops Team' }, ['bastion.sessionLogging.runAsUser: got "Ops Team"; expected a Linux user name other than root (lowercase letters, digits, _ and -; up to 32)']],
    ['a retention CloudWatch Logs does not accept', { retention: 45 as logs.RetentionDays }, [expect.stringMatching(/^bastion\.sessionLogging\.retention: got 45 days; CloudWatch Logs accepts 1, 3, 5, 7, 14, 30/) as any]],
    ['a log group of its own', { logGroupName: '/ops/sessions' }, []],
    ['a log group name CloudWatch Logs refuses', { logGroupName: 'sessions of ops' }, ['bastion.sessionLogging.logGroupName: got "sessions of ops"; expected 1-512 letters, digits and . - _ / #']],
    ['another baseline\'s log group', { logGroupName: '/numinia/staging/bastion-sessions' },
      ['bastion.sessionLogging.logGroupName: "/numinia/staging/bastion-sessions" is a log group of the baseline at Staging/Baseline in the same account and region; name one of this baseline\'s own (the default is /<project>/<environment>/bastion-sessions)']],
  ])('%s', (_name, props, expected) => {
    expect(checkSessionLoggingProps(props, others)).toEqual(expected);
  });

  test('tokens are left to deploy time', () => {
    expect(checkSessionLoggingProps({
      idleTimeout: Duration.minutes(Token.asNumber(Lazy.number({ produce: () => 999 }))),
      runAsUser: Lazy.string({ produce: () => 'root' }),
      logGroupName: Lazy.string({ produce: () => '/numinia/staging/bastion-sessions' }),
    }, others)).toEqual([]);
  });

  test('a baseline naming another baseline\'s log group of the same account and region is refused at synth', () => {
    const app = new App();
    const env = { account: '111111111111', region: 'eu-west-1' };
    new NuminiaBaseline(new Stack(app, 'Staging', { env }), 'Baseline', { environment: 'staging' });
    expect(() => new NuminiaBaseline(new Stack(app, 'Production', { env }), 'Baseline', {
      environment: 'production', bastion: { sessionLogging: { logGroupName: '/numinia/staging/vpc-flow-logs' } },
    })).toThrow(/bastion\.sessionLogging\.logGroupName: "\/numinia\/staging\/vpc-flow-logs" is a log group of the baseline at Staging\/Baseline/);
    // Another region is another place: the name is free there.
    expect(() => new NuminiaBaseline(new Stack(app, 'Elsewhere', { env: { ...env, region: 'us-east-1' } }), 'Baseline', {
      environment: 'production', bastion: { sessionLogging: { logGroupName: '/numinia/staging/vpc-flow-logs' } },
    })).not.toThrow();
  });
});
