import { Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { Fleet, FleetPipeline, FleetRollout } from '../../src';

/** The tooling account that runs the pipeline; every target account is bootstrapped with `--trust` of it. */
export const TOOLING = { account: '999999999999', region: 'eu-west-1' };
/** A CodeConnections connection of the tooling account to the repository (made once in the console). */
export const CONNECTION_ARN = 'arn:aws:codeconnections:eu-west-1:999999999999:connection/00000000-0000-0000-0000-000000000000';

/**
 * The pipeline stack in the tooling account: CodePipeline with cross-account keys (each target account decrypts the
 * artifacts), a synth step that runs this app, and the fleet's waves: development, staging, production, each with the
 * accounts' home regions first, and an approval before production.
 */
export function buildPipelineStack(scope: Construct, fleet: Fleet): { stack: Stack; pipeline: pipelines.CodePipeline; rollout: FleetRollout } {
  const stack = new Stack(scope, 'numinia-fleet-pipeline', { env: TOOLING, description: 'Numinia: rolls the baseline out to the fleet' });
  const pipeline = new pipelines.CodePipeline(stack, 'Pipeline', {
    pipelineName: 'numinia-fleet-baseline',
    crossAccountKeys: true,
    pipelineType: codepipeline.PipelineType.V2,
    synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.connection('numengames/numinia-cdk-baseline', 'main', { connectionArn: CONNECTION_ARN }),
      commands: ['npm ci', 'npx cdk synth --app "npx ts-node --project tsconfig.dev.json examples/fleet/app.ts"'],
    }),
  });
  const rollout = FleetPipeline.addFleet(pipeline, stack, fleet, { approveBeforeProduction: true });
  return { stack, pipeline, rollout };
}
