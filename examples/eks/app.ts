import { KubectlV35Layer } from '@aws-cdk/lambda-layer-kubectl-v35';
import { Annotations, App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { NuminiaBaseline } from '../../src';

/**
 * The cluster's name: it must match the baseline's cluster names (`<project>-<environment>` and
 * `<project>-<environment>-*`), which the driver's roles trust.
 */
export const CLUSTER_NAME = 'numinia-production';

/**
 * An application repo that runs an EKS cluster on the production baseline and gives its pods a shared volume on the
 * baseline's EFS file system. Read top to bottom:
 *
 * 1. the baseline, imported from its SSM parameters (deployed by the platform team's own app);
 * 2. the cluster, with aws-cdk-lib's `aws-eks-v2` module: a native `AWS::EKS::Cluster` (no custom resource to create
 *    it), authentication through EKS access entries only (what `grantBastionClusterAccess` needs; aws-eks, v1,
 *    defaults to the aws-auth ConfigMap), its secrets encrypted with the baseline's EKS secrets key, and a managed
 *    node group in the baseline's private subnets;
 * 3. the `eks-pod-identity-agent` and `aws-efs-csi-driver` add-ons, with the baseline's two driver roles;
 * 4. the StorageClass, a PersistentVolumeClaim and a pod that mounts it.
 *
 * How the pod gets to its volume: the claim asks the StorageClass; the driver's controller (role
 * `efsCsiDriverRole`) creates an EFS access point tagged `efs.csi.aws.com/cluster=true`; when the pod starts, the
 * driver's node pod (role `efsCsiNodeRole`) mounts the access point through the mount target of the node's zone,
 * with TLS and IAM (`mountOptions: [tls, iam]`); the file system policy lets that role mount and write; NFS is open to
 * the private subnets, where the nodes are.
 */
export function buildEksApp(outdir?: string): { app: App; stack: Stack; cluster: eks.Cluster } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'numinia-production-eks', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
    description: 'An EKS cluster with shared EFS volumes, on the Numinia production baseline',
  });
  // The import declares a parameter for every value the baseline publishes; this app uses some of them.
  Validations.of(stack).acknowledge({ id: 'CloudFormation-Validate::W2001', reason: 'unused baseline parameters of the import' });
  // aws-eks-v2 writes the secrets encryption as EncryptionConfig [{ Provider, Resources: ['secrets'] }], whose Resources
  // the resource schema marks deprecated; it is how aws-cdk-lib asks EKS to envelope the secrets (EKS.3).
  Validations.of(stack).acknowledge({ id: 'CloudFormation-Validate::W9009', reason: 'EncryptionConfig.Resources as aws-cdk-lib aws-eks-v2 writes it' });

  // 1. The baseline.
  const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });

  // 2. The cluster.
  const cluster = new eks.Cluster(stack, 'Cluster', {
    clusterName: CLUSTER_NAME,
    version: eks.KubernetesVersion.V1_34,
    vpc: baseline.vpc,
    vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    defaultCapacity: 2,
    defaultCapacityInstance: new ec2.InstanceType('t3.medium'),
    // Kubernetes secrets enveloped with the baseline's EKS secrets key (Security Hub EKS.3).
    secretsEncryptionKey: baseline.keys.eksSecrets,
    // aws-eks-v2 makes no kubectl provider unless asked: addManifest (the StorageClass below) needs one.
    kubectlProviderOptions: { kubectlLayer: new KubectlV35Layer(stack, 'Kubectl') },
  });
  // The subnets are the baseline's (imported here), which tags them for internal and internet-facing load balancers.
  Annotations.of(cluster).acknowledgeWarning('@aws-cdk/aws-eks:clusterMustManuallyTagSubnet', 'the baseline tags its subnets for EKS load balancers');

  // 3. The add-ons: the agent (the cluster's own, shared with anything else that uses Pod Identity), then the driver.
  const efsCsi = baseline.addEfsCsiDriverAddon('EfsCsiDriver', cluster.clusterName);
  baseline.grantBastionClusterAccess('BastionAccess', cluster.clusterName);

  // 4. The StorageClass, a claim, and a pod that writes to it. The driver must be there before volumes are claimed.
  const storage = cluster.addManifest('SharedStorage', efsCsi.storageClassManifest, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'shared-data', namespace: 'default' },
    spec: { accessModes: ['ReadWriteMany'], storageClassName: efsCsi.storageClassManifest.metadata.name, resources: { requests: { storage: '5Gi' } } },
  }, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'writer', namespace: 'default' },
    spec: {
      containers: [{
        name: 'writer',
        image: 'public.ecr.aws/amazonlinux/amazonlinux:2023',
        command: ['/bin/sh', '-c', 'while true; do date >> /data/out.txt; sleep 5; done'],
        volumeMounts: [{ name: 'shared', mountPath: '/data' }],
      }],
      volumes: [{ name: 'shared', persistentVolumeClaim: { claimName: 'shared-data' } }],
    },
  });
  storage.node.addDependency(efsCsi.addon);
  return { app, stack, cluster };
}

if (require.main === module) {
  buildEksApp().app.synth();
}
