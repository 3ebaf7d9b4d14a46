import { NuminiaBaselineProps } from '../../../src';

/**
 * The production example's stack and baseline (examples/production/app.ts), restated so that the emulator apps and
 * the integ tests can vary one option at a time. `template-facts.test.ts` checks that these still synthesize the
 * example's template, so the two cannot drift apart unnoticed.
 */
export const PRODUCTION_STACK_NAME = 'numinia-production-baseline';
export const PRODUCTION_REGION = 'eu-west-1';
export const PRODUCTION_STACK_DESCRIPTION = 'Numinia production base infrastructure (VPC, EFS, KMS, bastion, logging)';

export const PRODUCTION_BASELINE_PROPS = {
  environment: 'production',
  project: 'numinia',
  network: {
    cidr: '10.0.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
    publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24'],
  },
} satisfies NuminiaBaselineProps;
