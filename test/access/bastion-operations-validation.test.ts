import { Lazy, Token } from 'aws-cdk-lib';
import { BastionPatchingProps } from '../../src';
import { checkPatchingProps } from '../../src/access/bastion-operations-validation';
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
