import { App, Stack } from 'aws-cdk-lib';
import { NuminiaBaseline } from '../../src';

/**
 * The EKS wiring of an application repo that owns a cluster (here by name; an aws-cdk-lib EKS cluster's
 * `clusterName` works the same): the EFS CSI driver add-on with its role through a pod identity association, the
 * StorageClass to apply, and read-only cluster access for the bastion.
 */
export function buildEksApp(outdir?: string): { app: App; stack: Stack; storageClass: { [key: string]: any } } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'numinia-production-eks-wiring', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
  });
  const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });
  const efsCsi = baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production');
  baseline.grantBastionClusterAccess('BastionAccess', 'numinia-production');
  // With an aws-cdk-lib cluster: cluster.addManifest('EfsStorageClass', efsCsi.storageClassManifest)
  return { app, stack, storageClass: efsCsi.storageClassManifest };
}

if (require.main === module) {
  const { app, stack, storageClass } = buildEksApp();
  app.synth();
  console.log(JSON.stringify(stack.resolve(storageClass), undefined, 2));
}
