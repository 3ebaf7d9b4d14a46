import { Duration, Lazy } from 'aws-cdk-lib';
import { checkDisabledArea, show, wholeDays } from '../../src/private/validation-helpers';

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

  test('values appear in messages as JSON', () => {
    expect([show('a'), show(['a', 1]), show(5)]).toEqual(['"a"', '["a",1]', '5']);
  });
});
