import { Token } from 'aws-cdk-lib';
import { PARAMETER_PREFIX_PATTERN } from './parameter-names';
import { SharingProps } from './sharing-props';
import { show } from '../private/validation-helpers';

/** The published parameters' prefix. */
export function checkSharingProps(props: SharingProps | undefined): string[] {
  const sharing = props ?? {};
  const problems: string[] = [];
  if (sharing.publishParameters === false && sharing.parameterPrefix !== undefined) {
    problems.push('sharing.parameterPrefix: set while sharing.publishParameters is false; remove one of the two');
  }
  const prefix = sharing.parameterPrefix;
  if (prefix !== undefined && !Token.isUnresolved(prefix) && (!PARAMETER_PREFIX_PATTERN.test(prefix) || prefix.length > 900)) {
    problems.push(`sharing.parameterPrefix: got ${show(prefix)}; expected a path starting and ending with "/" of letters, digits and _.-/`);
  }
  return problems;
}
