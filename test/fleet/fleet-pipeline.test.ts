import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { sampleFleet } from './samples';
import { Fleet, FleetPipeline } from '../../src';

const CONNECTION_ARN = 'arn:aws:codeconnections:eu-west-1:999999999999:connection/00000000-0000-0000-0000-000000000000';

interface PipelineStage {
  readonly Name: string;
  readonly Actions: Array<{ Name: string; RunOrder: number; ActionTypeId: { Provider: string }; Configuration?: any }>;
}

function pipelineWithFleet(options: { approveBeforeProduction?: boolean } = {}) {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Tooling', { env: { account: '999999999999', region: 'eu-west-1' } });
  const pipeline = new pipelines.CodePipeline(stack, 'Pipeline', {
    crossAccountKeys: true,
    pipelineType: codepipeline.PipelineType.V2,
    synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.connection('numengames/numinia-cdk-baseline', 'main', { connectionArn: CONNECTION_ARN }),
      commands: ['npm ci', 'npx cdk synth'],
    }),
  });
  const rollout = FleetPipeline.addFleet(pipeline, stack, new Fleet(sampleFleet()), options);
  app.synth();
  const [resource] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline'));
  const stages: PipelineStage[] = resource.Properties.Stages;
  return { rollout, stages };
}

/** The pipeline's stages after the ones CDK Pipelines adds itself (source, build, self-mutation, assets). */
const rolloutStages = <T extends { Name: string }>(stages: T[]) => stages.filter((s) => !['Source', 'Build', 'UpdatePipeline', 'Assets'].includes(s.Name));

describe('FleetPipeline', () => {
  // Made inside each test, not in the describe body: mutation testing then knows which test covers what.
  const approved = () => pipelineWithFleet({ approveBeforeProduction: true });

  // CDK Pipelines names a pipeline stage after its wave, or after the wave's only stage.
  test('the pipeline\'s stages are the fleet\'s waves, in order: development, staging, production, home regions first', () => {
    const { stages } = approved();
    expect(rolloutStages(stages).map((s) => s.Name)).toEqual([
      'development-eu-west-1', 'development-us-east-1', 'staging-home-regions', 'staging-us-east-1',
      'production-us-east-1', 'production-eu-west-1',
    ]);
    const fleetWaves = new Fleet(sampleFleet()).waves;
    expect(rolloutStages(stages).map((s) => s.Name)).toEqual(fleetWaves.map((w) => (w.targets.length === 1 ? w.targets[0].id : w.name)));
    expect(stages.slice(0, 3).map((s) => s.Name)).toEqual(['Source', 'Build', 'UpdatePipeline']);
  });

  test('each wave deploys its stages\' stacks in parallel: prepare then execute of each change set', () => {
    const { stages } = approved();
    const staging = rolloutStages(stages).find((s) => s.Name === 'staging-home-regions')!;
    const byRunOrder = (n: number) => staging.Actions.filter((a) => a.RunOrder === n).map((a) => a.Name).sort();
    expect(byRunOrder(1)).toEqual(['qa-eu-west-1.numinia-qa-baseline.Prepare', 'staging-eu-west-1.numinia-staging-baseline.Prepare']);
    expect(byRunOrder(2)).toEqual(['qa-eu-west-1.numinia-qa-baseline.Deploy', 'staging-eu-west-1.numinia-staging-baseline.Deploy']);
    expect(staging.Actions.every((a) => a.ActionTypeId.Provider === 'CloudFormation')).toBe(true);
  });

  test('each action deploys the target\'s stack into its account and region', () => {
    const { stages } = approved();
    const action = rolloutStages(stages).flatMap((s) => s.Actions).find((a) => a.Name === 'numinia-production-baseline.Deploy' && JSON.stringify(a).includes('us-east-1'))!;
    expect(action.Configuration.StackName).toBe('numinia-production-baseline');
    expect(JSON.stringify(action)).toContain('333333333333');
    expect((action as any).Region).toBe('us-east-1');
  });

  test('a manual approval before the first production wave, and none elsewhere', () => {
    const { stages } = approved();
    const approvals = rolloutStages(stages).flatMap((s) => s.Actions.filter((a) => a.ActionTypeId.Provider === 'Manual').map(() => s.Name));
    expect(approvals).toEqual(['production-us-east-1']);
    const production = rolloutStages(stages).find((s) => s.Name === 'production-us-east-1')!;
    const manual = production.Actions.find((a) => a.ActionTypeId.Provider === 'Manual')!;
    expect([manual.Name, manual.RunOrder, manual.Configuration]).toEqual(['ApproveProduction', 1, { CustomData: 'Roll the baseline out to production' }]);
  });

  test('returns the waves and the stages in rollout order', () => {
    const { rollout } = approved();
    expect(rollout.waves.map((w) => w.id)).toEqual(new Fleet(sampleFleet()).waves.map((w) => w.name));
    expect(rollout.stages.map((s) => s.stageName)).toEqual(new Fleet(sampleFleet()).targets.map((t) => t.id));
  });

  test('a wave ID prefix, for a pipeline of more than one fleet', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Tooling', { env: { account: '999999999999', region: 'eu-west-1' } });
    const pipeline = new pipelines.CodePipeline(stack, 'Pipeline', {
      synth: new pipelines.ShellStep('Synth', { input: pipelines.CodePipelineSource.connection('o/r', 'main', { connectionArn: CONNECTION_ARN }), commands: [] }),
    });
    const { waves } = FleetPipeline.addFleet(pipeline, stack, new Fleet(sampleFleet()), { waveIdPrefix: 'eu-' });
    expect(waves.map((w) => w.id)).toEqual(new Fleet(sampleFleet()).waves.map((w) => `eu-${w.name}`));
    expect(waves.every((w) => w.pre.length === 0)).toBe(true);
  });

  test('without the option, no approval', () => {
    const { stages: plain } = pipelineWithFleet();
    expect(JSON.stringify(plain)).not.toContain('"Provider":"Manual"');
  });
});
