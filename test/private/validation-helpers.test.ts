import { Duration, Lazy } from 'aws-cdk-lib';
import { checkDisabledArea, isRegionName, isZoneName, show, wholeDays } from '../../src/private/validation-helpers';

describe('validation helpers', () => {
  test('props of a disabled area: none, one or several set, with the grammar of each', () => {
    expect(checkDisabledArea('bastion', undefined)).toEqual([]);
    expect(checkDisabledArea('bastion', { enabled: false })).toEqual([]);
    expect(checkDisabledArea('bastion', { enabled: false, instanceType: undefined })).toEqual([]);
    expect(checkDisabledArea('bastion', { enabled: true, instanceType: 't3.nano' })).toEqual([]);
    expect(checkDisabledArea('bastion', { instanceType: 't3.nano' })).toEqual([]);
    expect(checkDisabledArea('bastion', { enabled: false, instanceType: 't3.nano' }))
      .toEqual(['bastion.enabled: false, yet bastion.instanceType is set; remove it or enable the bastion']);
    expect(checkDisabledArea('bastion', { enabled: false, instanceType: 't3.nano', ssmEndpoints: false }))
      .toEqual(['bastion.enabled: false, yet bastion.instanceType, bastion.ssmEndpoints are set; remove them or enable the bastion']);
  });

  test('props that keep a meaning when the area is off are not reported', () => {
    expect(checkDisabledArea('bastion', { enabled: false, eksClusterNames: ['a-*'] }, ['eksClusterNames'])).toEqual([]);
    expect(checkDisabledArea('bastion', { enabled: false, eksClusterNames: ['a-*'], ssmEndpoints: true }, ['eksClusterNames']))
      .toEqual(['bastion.enabled: false, yet bastion.ssmEndpoints is set; remove it or enable the bastion']);
  });

  test('whole days: a number, NaN when not whole, undefined for a token', () => {
    const tokenDays = Duration.days(Lazy.number({ produce: () => 3 }));
    expect([wholeDays(Duration.days(3)), wholeDays(Duration.hours(36)), wholeDays(tokenDays)]).toEqual([3, NaN, undefined]);
  });

  test('region names: two letters, one or more words, a number of one or more digits; nothing before or after', () => {
    const accepted = ['eu-west-1', 'us-gov-west-1', 'ap-southeast-10', 'il-central-1'];
    const refused = ['Xeu-west-1', 'eu-west-1x', 'e-west-1', 'eu-west-', 'eu-1', 'eu-w3st-1', 'eu-west-1a', 'EU-west-1', ''];
    expect([accepted.filter((r) => !isRegionName(r)), refused.filter(isRegionName)]).toEqual([[], []]);
  });

  test('zone names: a region name and one letter; nothing before or after', () => {
    const accepted = ['eu-west-1a', 'us-gov-west-1b', 'ap-southeast-10c'];
    const refused = ['Xeu-west-1a', 'eu-west-1ab', 'e-west-1a', 'eu-west-1', 'eu-west-a', 'eu-1a', 'eu-w3st-1a', ''];
    expect([accepted.filter((z) => !isZoneName(z)), refused.filter(isZoneName)]).toEqual([[], []]);
  });

  test('values appear in messages as JSON', () => {
    expect([show('a'), show(['a', 1]), show(5)]).toEqual(['"a"', '["a",1]', '5']);
  });
});
