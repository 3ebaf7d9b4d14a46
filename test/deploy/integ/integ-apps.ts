import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { assertBaselineEncryption, assertBaselineNetwork } from './baseline-assertions';
import { assertAlarmsNotify, assertBastionOnline, assertDnfWorks, assertFileSystemMounts, assertNatEgress, assertTrailDelivers } from './behaviour-assertions';
import { NatGateways, NetworkProps, NuminiaBaseline, S3EndpointPolicy } from '../../../src';
import { PRODUCTION_BASELINE_PROPS, PRODUCTION_REGION, PRODUCTION_STACK_DESCRIPTION } from '../apps/production-props';

/** The construct context key StackSetBaseline sets (src/private/instance-scoped-names.ts). */
const INSTANCE_SCOPED_NAMES = '@numinia/cdk-baseline:internal:instanceScopedNames';

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
  // A sandbox account runs the three apps side by side, and again and again: each its own environment (trail, topic,
  // dashboard, parameters and aliases have fixed names), and log groups named after the stack's ID, as a StackSet
  // instance's are, so that a run never meets the log groups an earlier one retained.
  stack.node.setContext(INSTANCE_SCOPED_NAMES, true);
  const baseline = new NuminiaBaseline(stack, 'Baseline', {
    ...PRODUCTION_BASELINE_PROPS,
    environment: `integ-${name}`,
    network: { ...PRODUCTION_BASELINE_PROPS.network, ...network },
  });
  // The assertions read the baseline's outputs: their stack must be in the same environment.
  const assertionStack = new Stack(app, `numinia-integ-${name}-assertions`, { env });
  const integ = new IntegTest(app, testName, { testCases: [stack], regions: [PRODUCTION_REGION], assertionStack });
  assertBaselineNetwork(integ, baseline, natGateways);
  return { integ, stack, assertionStack, baseline };
}

/**
 * The production example's baseline: every default, a NAT gateway per zone. What it does: the trail delivers to its
 * log group, an alarm reaches the alarm topic's subscriber, a private function mounts the file system over TLS and
 * writes, the bastion is online in Systems Manager, a private subnet reaches the internet through NAT.
 */
export function buildDefaultIntegApp(app: App): IntegApp {
  const test = integApp(app, 'default', 'NuminiaBaselineDefault', {}, 3);
  assertBaselineEncryption(test.integ, test.baseline);
  assertTrailDelivers(test.integ, test.baseline);
  assertAlarmsNotify(test.integ, test.baseline, test.assertionStack);
  assertFileSystemMounts(test.integ, test.baseline);
  assertBastionOnline(test.integ, test.baseline);
  assertNatEgress(test.integ, test.baseline);
  return test;
}

/** A non-default configuration: one NAT gateway (NatGateways.SINGLE) for all private subnets, which all reach it. */
export function buildSingleNatIntegApp(app: App): IntegApp {
  const test = integApp(app, 'single-nat', 'NuminiaBaselineSingleNat', { natGateways: NatGateways.SINGLE }, 1);
  assertNatEgress(test.integ, test.baseline);
  return test;
}

/**
 * No NAT and a restricted S3 gateway endpoint (AWS-owned buckets only): the bastion reaches Systems Manager through the
 * SSM endpoints and S3 through the gateway endpoint, and dnf still installs from the Amazon Linux repositories.
 */
export function buildRestrictedEndpointIntegApp(app: App): IntegApp {
  const network = { natGateways: NatGateways.NONE, s3EndpointPolicy: S3EndpointPolicy.restrictTo({}) };
  const test = integApp(app, 'restricted-endpoint', 'NuminiaBaselineRestrictedEndpoint', network, 0);
  assertDnfWorks(test.integ, test.baseline);
  return test;
}
