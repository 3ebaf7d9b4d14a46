import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NuminiaBaseline } from '../../src';

/**
 * An application repo's app: a separate CDK app that imports the production baseline from its SSM parameters and
 * runs a worker in the baseline's private subnets with a directory on the shared file system.
 */
export function buildApplicationApp(outdir?: string): { app: App; stack: Stack } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'numinia-production-worker', {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
    description: 'A worker built on the Numinia production baseline',
  });
  const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });

  // An access point gives the worker its own directory, owned by its own POSIX user.
  const accessPoint = new efs.AccessPoint(stack, 'WorkerData', {
    fileSystem: baseline.fileSystem!,
    path: '/worker',
    createAcl: { ownerUid: '1001', ownerGid: '1001', permissions: '750' },
    posixUser: { uid: '1001', gid: '1001' },
  });
  const worker = new lambda.Function(stack, 'Worker', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => require("fs").readdirSync("/mnt/data");'),
    vpc: baseline.vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    filesystem: lambda.FileSystem.fromEfsAccessPoint(accessPoint, '/mnt/data'),
  });
  baseline.fileSystem!.connections.allowDefaultPortFrom(worker);
  return { app, stack };
}

if (require.main === module) {
  buildApplicationApp().app.synth();
}
