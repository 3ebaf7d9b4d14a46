import { Token } from 'aws-cdk-lib';
import { BastionProps } from './bastion-props';
import { checkDisabledArea, show } from '../private/validation-helpers';

/** The bastion's props. */
export function checkBastionProps(props: BastionProps | undefined): string[] {
  const bastion = props ?? {};
  // eksClusterNames also names the clusters whose EFS CSI driver may use the driver's roles.
  const problems = checkDisabledArea('bastion', bastion, ['eksClusterNames']);
  const names = bastion.eksClusterNames;
  if (names !== undefined && !Token.isUnresolved(names)) {
    if (names.length === 0) {
      problems.push('bastion.eksClusterNames: got []; expected at least one cluster name or pattern');
    }
    names
      .filter((name) => !Token.isUnresolved(name) && !/^[0-9A-Za-z*][A-Za-z0-9\-_*]{0,99}$/.test(name))
      .forEach((name) => problems.push(`bastion.eksClusterNames: ${show(name)} is not an EKS cluster name or pattern (letters, digits, -, _ and *; up to 100)`));
  }
  return problems;
}
