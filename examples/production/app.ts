import { App, Stack } from 'aws-cdk-lib';
import { NatGateways, NuminiaBaseline } from '../../src';

/**
 * The architecture document's production configuration: eu-west-1, three zones, the document's CIDRs.
 * Every value is the library default; they are spelled out here so the example reads like the document.
 * `natGateways` lets the main job price the other NAT strategies on the same baseline.
 */
export function buildProductionApp(
  outdir?: string,
  natGateways: NatGateways = NatGateways.ONE_PER_AZ,
): { app: App; stack: Stack; baseline: NuminiaBaseline } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'numinia-production-baseline', {
    // Without credentials CDK_DEFAULT_ACCOUNT is unset and the stack stays account-agnostic: synth needs no AWS access.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
    description: 'Numinia production base infrastructure (VPC, EFS, KMS, bastion, logging)',
  });
  const baseline = new NuminiaBaseline(stack, 'Baseline', {
    environment: 'production',
    project: 'numinia',
    network: {
      cidr: '10.0.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
      publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24'],
      natGateways,
    },
  });
  return { app, stack, baseline };
}

if (require.main === module) {
  buildProductionApp().app.synth();
}
