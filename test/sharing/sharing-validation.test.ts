import { Lazy } from 'aws-cdk-lib';
import { checkParameterPrefix, checkSharingProps } from '../../src/sharing/sharing-validation';

const PATH_RULE = 'expected a path starting and ending with "/" of letters, digits and _.-/';

describe('sharing validation', () => {
  test('a prefix is refused only while the parameters are published', () => {
    expect(checkSharingProps({ publishParameters: false, parameterPrefix: '/numinia/' }))
      .toEqual(['sharing.parameterPrefix: set while sharing.publishParameters is false; remove one of the two']);
    expect(checkSharingProps({ publishParameters: true, parameterPrefix: '/numinia/' })).toEqual([]);
    expect(checkSharingProps({ publishParameters: false })).toEqual([]);
    expect(checkSharingProps(undefined)).toEqual([]);
  });

  test.each([
    ['/numinia/', undefined],
    ['/a/b-c_d.e/', undefined],
    ['/awsome/', undefined],
    ['/team/aws/', undefined],
    ['/ssmx/', undefined],
    [`/${'a'.repeat(898)}/`, undefined],
    [`/${'a'.repeat(899)}/`, PATH_RULE],
    ['numinia/', PATH_RULE],
    ['/numinia', PATH_RULE],
    ['/numinia prod/', PATH_RULE],
    ['/aws/', 'names under /aws and /ssm are reserved by Systems Manager; choose another first level, such as /<project>/'],
    ['/Aws/x/', 'names under /aws and /ssm are reserved by Systems Manager; choose another first level, such as /<project>/'],
    ['/ssm/', 'names under /aws and /ssm are reserved by Systems Manager; choose another first level, such as /<project>/'],
  ])('the prefix %s (%s)', (prefix, rule) => {
    expect(checkParameterPrefix('sharing.parameterPrefix', prefix)).toEqual(rule === undefined ? [] : [`sharing.parameterPrefix: got "${prefix}"; ${rule}`]);
  });

  test('a token prefix is left to deploy time', () => {
    expect(checkParameterPrefix('sharing.parameterPrefix', Lazy.string({ produce: () => 'x' }))).toEqual([]);
  });
});
