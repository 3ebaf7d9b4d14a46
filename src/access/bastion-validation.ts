import { Token } from 'aws-cdk-lib';
import { checkPatchingProps } from './bastion-operations-validation';
import { BastionTier, PUBLIC_PLACEMENT_PROBLEM, tierOfSelection } from './bastion-placement';
import { BastionProps } from './bastion-props';
import { NatGateways } from '../network/network-props';
import { checkDisabledArea, show, ValidationWarning } from '../private/validation-helpers';

/** The bastion's props. */
export function checkBastionProps(props: BastionProps | undefined, natGateways: NatGateways, ssmEndpoints: boolean): string[] {
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
  problems.push(...checkPatchingProps(bastion.patching));
  const tier = tierOfSelection(bastion.vpcSubnets ?? {});
  if (tier === BastionTier.PUBLIC) {
    problems.push(PUBLIC_PLACEMENT_PROBLEM);
  }
  if (bastion.ssmEndpoints === false && !ssmEndpoints) {
    const isolated = natGateways === NatGateways.NONE ? 'without NAT' : tier === BastionTier.ISOLATED ? 'in the database tier' : undefined;
    if (isolated !== undefined) {
      problems.push(`bastion.ssmEndpoints: false, but ${isolated} the bastion can reach Systems Manager only through the SSM endpoints; remove it`);
    }
  }
  return problems;
}

/** A pattern of `*` alone lets the bastion describe, and the EFS CSI driver roles serve, every cluster of the account. */
export function clusterNameWarnings(names: string[]): ValidationWarning[] {
  return Token.isUnresolved(names) ? [] : names
    .filter((name) => !Token.isUnresolved(name) && name.replace(/\*/g, '') === '')
    .map((name) => ({
      id: 'clusterNamesMatchAll',
      message: `bastion.eksClusterNames: ${show(name)} matches every EKS cluster of the account and region: the bastion may describe them all ` +
        'and any of them may use the EFS CSI driver roles; name the project\'s clusters instead (the default is <project>-<environment> and <project>-<environment>-*)',
    }));
}
