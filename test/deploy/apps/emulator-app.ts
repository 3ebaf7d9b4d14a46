import { App, Stack } from 'aws-cdk-lib';
import { PRODUCTION_BASELINE_PROPS, PRODUCTION_REGION, PRODUCTION_STACK_DESCRIPTION, PRODUCTION_STACK_NAME } from './production-props';
import { NetworkProps, NuminiaBaseline } from '../../../src';
import { EMULATOR_ACCOUNT } from '../harness/emulator-env';

export interface EmulatorAppOptions {
  /**
   * Where the cloud assembly goes.
   *
   * @default - a new temporary directory
   */
  readonly outdir?: string;
  /** Network options that replace the production example's. */
  readonly network?: NetworkProps;
  /** @default the production example's stack name */
  readonly stackName?: string;
}

/**
 * The production example as deployed into the emulator: the example's props in the emulator's account, with
 * `restrictDefaultSecurityGroup: false` unless `network` says otherwise. moto cannot run the Lambda behind that
 * option's custom resource (no container runtime here); `template-facts.test.ts` asserts the custom resource on the
 * example's own template instead, and that it is the only difference.
 */
export function buildEmulatorApp(options: EmulatorAppOptions) {
  const app = new App({
    outdir: options.outdir,
    // An account-specific stack asks for the zones of its region even when the baseline lists them: answering here
    // keeps `cdk deploy` from making a context lookup.
    context: {
      [`availability-zones:account=${EMULATOR_ACCOUNT}:region=${PRODUCTION_REGION}`]: PRODUCTION_BASELINE_PROPS.network.availabilityZones,
    },
  });
  const stack = new Stack(app, options.stackName ?? PRODUCTION_STACK_NAME, {
    env: { account: EMULATOR_ACCOUNT, region: PRODUCTION_REGION },
    description: PRODUCTION_STACK_DESCRIPTION,
  });
  const baseline = new NuminiaBaseline(stack, 'Baseline', {
    ...PRODUCTION_BASELINE_PROPS,
    network: { ...PRODUCTION_BASELINE_PROPS.network, restrictDefaultSecurityGroup: false, ...options.network },
  });
  return { app, stack, baseline };
}
