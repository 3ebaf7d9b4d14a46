import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { assertBaselineEncryption, assertBaselineNetwork } from './baseline-assertions';
import { NatGateways, NetworkProps, NuminiaBaseline } from '../../../src';
import { PRODUCTION_BASELINE_PROPS, PRODUCTION_REGION, PRODUCTION_STACK_DESCRIPTION } from '../apps/production-props';

export interface IntegApp {
  readonly integ: IntegTest;
  readonly stack: Stack;
  readonly assertionStack: Stack;
}

/**
 * The integ tests' apps (test/integ.*.ts only call these), kept here so that a jest test can synthesize them too.
 * `name` gives the stack names: numinia-integ-<name> and numinia-integ-<name>-assertions.
 */
function integApp(app: App, name: string, testName: string, network: NetworkProps, natGateways: number): IntegApp & { baseline: NuminiaBaseline } {
  // Region only: the snapshot must not depend on the account of whoever synthesizes it, and needs no lookup.
  const env = { region: PRODUCTION_REGION };
  const stack = new Stack(app, `numinia-integ-${name}`, { env, description: PRODUCTION_STACK_DESCRIPTION });
  const baseline = new NuminiaBaseline(stack, 'Baseline', { ...PRODUCTION_BASELINE_PROPS, network: { ...PRODUCTION_BASELINE_PROPS.network, ...network } });
  // The assertions read the baseline's outputs: their stack must be in the same environment.
  const assertionStack = new Stack(app, `numinia-integ-${name}-assertions`, { env });
  const integ = new IntegTest(app, testName, { testCases: [stack], regions: [PRODUCTION_REGION], assertionStack });
  assertBaselineNetwork(integ, baseline, natGateways);
  return { integ, stack, assertionStack, baseline };
}

/** The production example's baseline: every default, a NAT gateway per zone. */
export function buildDefaultIntegApp(app: App): IntegApp {
  const test = integApp(app, 'default', 'NuminiaBaselineDefault', {}, 3);
  assertBaselineEncryption(test.integ, test.baseline);
  return test;
}

/** A non-default configuration: one NAT gateway (NatGateways.SINGLE) for all private subnets. */
export function buildSingleNatIntegApp(app: App): IntegApp {
  return integApp(app, 'single-nat', 'NuminiaBaselineSingleNat', { natGateways: NatGateways.SINGLE }, 1);
}
