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
  problems.push(...checkParameterPrefix('sharing.parameterPrefix', sharing.parameterPrefix));
  return problems;
}

/** A prefix SSM accepts for the baseline's parameters; also checked where an application repo imports them. */
export function checkParameterPrefix(name: string, prefix: string | undefined): string[] {
  if (prefix === undefined || Token.isUnresolved(prefix)) {
    return [];
  }
  if (!PARAMETER_PREFIX_PATTERN.test(prefix) || prefix.length > 900) {
    return [`${name}: got ${show(prefix)}; expected a path starting and ending with "/" of letters, digits and _.-/`];
  }
  // SSM reserves names that begin with `aws` or `ssm` (any case): it refuses to create parameters under them. (A prefix
  // ends with "/", checked above.)
  if (/^\/(aws|ssm)\//i.test(prefix)) {
    return [`${name}: got ${show(prefix)}; names under /aws and /ssm are reserved by Systems Manager; choose another first level, such as /<project>/`];
  }
  return [];
}
