/**
 * Distribution check, TypeScript: a fresh CDK app using `@numinia/cdk-baseline` as installed from the npm tarball that
 * jsii-pacmak has just built (scripts/distribution/consumers.ts installs it into a copy of this directory).
 *
 * Usage: node app.cjs <outdir>
 */
import { App, Stack } from 'aws-cdk-lib';
import { NuminiaBaseline } from '@numinia/cdk-baseline';

const outdir = process.argv[2];
if (!outdir) {
  throw new Error('usage: node app.cjs <outdir>');
}

const app = new App({ outdir });
const stack = new Stack(app, 'numinia-production-baseline', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
  description: 'Numinia production base infrastructure (VPC, EFS, KMS, bastion, logging)',
});
new NuminiaBaseline(stack, 'Baseline', {
  environment: 'production',
  project: 'numinia',
  network: {
    cidr: '10.0.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
    publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24'],
  },
});
app.synth();
