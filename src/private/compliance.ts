import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Compliance-pack rules a finding can come from: the same control checked by several packs
 * (cdk-nag's AwsSolutions, NIST 800-53 R5, HIPAA Security, PCI DSS 3.2.1).
 */
export const RULE_PACKS = ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'];

/**
 * Records, on the construct, that a compliance finding is accepted and why. It is construct metadata only
 * (aws-cdk-lib's `Validations`): the library needs no compliance tool at run time, and the reason is what a
 * security reviewer reads in the validation report.
 */
export function acceptFinding(scope: IConstruct, ruleIds: string[], reason: string): void {
  Validations.of(scope).acknowledge(...ruleIds.map((id) => ({ id, reason })));
}

/** The same rule in every pack that has it, e.g. `IAMNoInlinePolicy` -> `NIST.800.53.R5-IAMNoInlinePolicy`, ... */
export function inEveryPack(rule: string, packs: string[] = RULE_PACKS): string[] {
  return packs.map((pack) => `${pack}-${rule}`);
}

export const INLINE_POLICY_REASON =
  'The inline policy belongs to this single-purpose role only, is created and deleted with it, and is scoped to ' +
  'named resources; a customer-managed policy would add a second resource to keep in step without reducing access.';
