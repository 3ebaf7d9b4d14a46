import * as fs from 'fs';
import * as path from 'path';
import {
  CreateStackCommand, DeleteStackCommand, DescribeStacksCommand, ListStacksCommand, StackStatus,
} from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { App } from 'aws-cdk-lib';
import { Emulator } from './emulator';
import { EMULATOR_REGION } from './emulator-env';
import { patchAssemblyForMoto, patchTemplateForMoto, SESSION_PREFERENCES_TYPE, Template } from './moto-quirks';
import { createTemplateNetworkAcls, NETWORK_ACL_TYPES } from './network-acls';
import { stackResources } from './read-back';

export interface SynthesizedStack {
  readonly stackName: string;
  /** The cloud assembly as the app wrote it. */
  readonly assemblyDir: string;
  /** The stack's template as synthesized (never patched): what the template-side assertions read. */
  readonly template: Template;
}

/** Synthesizes `app` (whose outdir is set) in-process: no ts-node, no CLI, no AWS. */
export function synthesize(app: App, stackName: string): SynthesizedStack {
  const assembly = app.synth();
  const artifact = assembly.getStackByName(stackName);
  return { stackName, assemblyDir: assembly.directory, template: artifact.template };
}

/**
 * `cdk deploy` of a synthesized stack with the real CLI, from a moto-patched copy of its cloud assembly
 * (`cdk deploy --app <dir>` deploys a ready assembly without synthesizing again).
 */
export async function deployWithCdk(emulator: Emulator, stack: SynthesizedStack): Promise<void> {
  const patchedDir = `${stack.assemblyDir}.moto`;
  fs.rmSync(patchedDir, { recursive: true, force: true });
  patchAssemblyForMoto(stack.assemblyDir, patchedDir);
  await emulator.cdkOrThrow(['deploy', stack.stackName, '--app', patchedDir, '--require-approval', 'never', '--progress', 'events']);
  // QUIRK (moto 5.2): when moto crashes while executing the change set, the CLI still reports success (the stack
  // exists, CREATE_COMPLETE, but holds nothing). Success is the stack holding every resource of its template.
  await expectAllResourcesCreated(emulator, stack);
  await createNetworkAcls(emulator, stack);
}

/**
 * The CloudFormation API path, without the CDK CLI: the template goes to an S3 bucket of the emulator (it is
 * larger than the 51,200 bytes CreateStack accepts inline) and CreateStack gets its TemplateURL.
 */
export async function createStackWithSdk(emulator: Emulator, stack: SynthesizedStack): Promise<void> {
  const { s3, cloudFormation } = emulator.clients;
  const bucket = 'numinia-deploy-test-templates';
  const key = `${stack.stackName}.template.json`;
  // This path runs on an un-bootstrapped emulator: see patchTemplateForMoto.
  const body = JSON.stringify(patchTemplateForMoto(stack.template, { dropBootstrapVersionCheck: true }));
  await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: EMULATOR_REGION } }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }));
  try {
    await cloudFormation.send(new CreateStackCommand({
      StackName: stack.stackName,
      // Path-style on `localhost`: the only TemplateURL form moto resolves (see emulatorEndpoint).
      TemplateURL: `${emulator.endpoint}/${bucket}/${key}`,
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      OnFailure: 'DO_NOTHING',
    }));
  } catch (error) {
    throw new Error(`CreateStack failed: ${String(error)}\nmoto log:\n${emulator.logTail()}`);
  }
  // moto creates the stack synchronously; real CloudFormation would need a waiter here.
  await expectAllResourcesCreated(emulator, stack);
  await createNetworkAcls(emulator, stack);
}

/** See `createTemplateNetworkAcls`: moto's CloudFormation skips network ACLs. */
async function createNetworkAcls(emulator: Emulator, stack: SynthesizedStack): Promise<void> {
  await createTemplateNetworkAcls(emulator.clients, stack.template, await stackResources(emulator.clients, stack.stackName));
}

/**
 * `cdk destroy` with the real CLI.
 *
 * QUIRK (moto 5.2): moto cannot delete the VPC (it does not remove NAT gateways, Elastic IPs, endpoints and routes
 * first), so DeleteStack fails with DependencyViolation, and the CLI with it, yet the stack is gone and every other
 * deletable resource deleted. That exact failure is accepted; `expectStackGone` then proves the stack is gone.
 */
export async function destroyWithCdk(emulator: Emulator, stack: SynthesizedStack): Promise<void> {
  const result = await emulator.cdk(['destroy', stack.stackName, '--app', `${stack.assemblyDir}.moto`, '--force']);
  if (result.exitCode !== 0 && !/The vpc vpc-\w+ has dependencies and cannot be deleted/.test(result.output)) {
    throw new Error(`cdk destroy failed for another reason than moto's VPC DependencyViolation:\n${result.output}`);
  }
  await expectStackGone(emulator, stack.stackName);
}

/** DeleteStack through the SDK; the same moto quirk as `destroyWithCdk`, raised here as a DependencyViolation error. */
export async function deleteStackWithSdk(emulator: Emulator, stackName: string): Promise<void> {
  try {
    await emulator.clients.cloudFormation.send(new DeleteStackCommand({ StackName: stackName }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'DependencyViolation') {
      throw error;
    }
  }
  await expectStackGone(emulator, stackName);
}

/** Statuses of the stacks named `stackName` that are not deleted: empty once the stack is gone. */
export async function liveStackStatuses(emulator: Emulator, stackName: string): Promise<string[]> {
  const summaries = (await emulator.clients.cloudFormation.send(new ListStacksCommand({}))).StackSummaries ?? [];
  return summaries.filter((s) => s.StackName === stackName && s.StackStatus !== StackStatus.DELETE_COMPLETE).map((s) => s.StackStatus!);
}

async function expectStackGone(emulator: Emulator, stackName: string): Promise<void> {
  const live = await liveStackStatuses(emulator, stackName);
  if (live.length > 0) {
    throw new Error(`stack ${stackName} still exists: ${live.join(', ')}`);
  }
}

/**
 * Every resource of the template is in the stack, complete, except the types moto accepts without modelling them
 * (it lists those without a logical ID). Throws with moto's log, where moto reports its crashes.
 */
async function expectAllResourcesCreated(emulator: Emulator, stack: SynthesizedStack): Promise<void> {
  const { cloudFormation } = emulator.clients;
  const status = (await cloudFormation.send(new DescribeStacksCommand({ StackName: stack.stackName }))).Stacks?.[0]?.StackStatus;
  let created: string[] = [];
  let listError = '';
  try {
    created = Object.entries(await stackResources(emulator.clients, stack.stackName))
      .filter(([, r]) => r.status === 'CREATE_COMPLETE')
      .map(([logicalId]) => logicalId);
  } catch (error) {
    // moto answers HTTP 500 when a crash left the stack half-made.
    listError = ` (ListStackResources failed: ${String(error)})`;
  }
  const missing = Object.entries(stack.template.Resources)
    .filter(([logicalId, resource]) => !NOT_MODELLED_BY_MOTO.has(resource.Type) && !created.includes(logicalId))
    .map(([logicalId, resource]) => `${logicalId} (${resource.Type})`);
  if (status !== StackStatus.CREATE_COMPLETE || missing.length > 0) {
    throw new Error(`stack ${stack.stackName} is ${status}, missing ${missing.length} resource(s)${listError}: ${missing.join(', ')}\n`
      + `moto log:\n${emulator.logTail()}`);
  }
}

/**
 * Resource types moto 5.2's CloudFormation accepts and reports complete without creating anything ("No Moto
 * CloudFormation support for ..."): their facts are asserted on the template.
 */
export const NOT_MODELLED_BY_MOTO = new Set([
  'AWS::CloudTrail::Trail', 'AWS::S3::BucketPolicy', 'AWS::CloudWatch::Alarm',
  // The monitoring area's (moto-quirks.test.ts shows each is skipped); its topic and dashboard are modelled.
  'AWS::Logs::MetricFilter', 'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription',
  // The bastion's patching (moto-quirks.test.ts shows each is skipped; bastion-patching.test.ts asserts the template).
  'AWS::SSM::PatchBaseline', 'AWS::SSM::Association', 'AWS::SSM::MaintenanceWindow', 'AWS::SSM::MaintenanceWindowTarget',
  'AWS::SSM::MaintenanceWindowTask',
  // Left out by patchTemplateForMoto: moto would run its Lambda in a container.
  SESSION_PREFERENCES_TYPE,
  // Created through the EC2 API after the deployment instead: see createTemplateNetworkAcls.
  ...NETWORK_ACL_TYPES,
]);

/** Where an assembly should go: a fresh directory under the emulator's scratch directory. */
export function newAssemblyDir(emulator: Emulator, name: string): string {
  return path.join(emulator.tempDir(name), 'cdk.out');
}
