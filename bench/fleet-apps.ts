import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Fleet, FleetEnvironmentProps, FleetPipeline, FleetProps, NuminiaBaselineStage } from '../src';

/** The regions of every environment of the benchmark fleet: the first is each account's home region. */
export const FLEET_REGIONS = ['eu-west-1', 'us-east-1', 'eu-central-1'];

/** A distinct /16 per VPC: 10.0-255, then 172.16-31, then 100.64-127 (enough for 336). */
function cidrOf(i: number): string {
  if (i < 256) return `10.${i}.0.0/16`;
  if (i < 272) return `172.${16 + i - 256}.0.0/16`;
  return `100.${64 + i - 272}.0.0/16`;
}

/**
 * A fleet of `stacks` baselines: environments env0, env1, ... each in its own account over the three regions (the last
 * one over the regions left), every VPC with its own block, all connected. A third of them development, a third
 * staging, a third production.
 */
export function benchFleet(stacks: number): FleetProps {
  const environments: FleetEnvironmentProps[] = [];
  let vpc = 0;
  for (let e = 0; vpc < stacks; e++) {
    const regions = FLEET_REGIONS.slice(0, Math.min(FLEET_REGIONS.length, stacks - vpc)).map((region) => ({ region, cidr: cidrOf(vpc++) }));
    const stage = ['development', 'staging', 'production'][e % 3] as any;
    environments.push({ name: `env${e}`, account: String(100000000000 + e), stage, regions });
  }
  return { accounts: environments.map((e) => ({ id: e.account, homeRegion: FLEET_REGIONS[0] })), environments };
}

/**
 * One app holding the fleet: a `NuminiaBaselineStage` per target, or (with `pipeline`) a CDK Pipelines pipeline in a
 * tooling account that holds them. `validation` is aws-cdk-lib's built-in template validation.
 */
export function buildFleetApp(outdir: string, stacks: number, options: { validation: boolean; pipeline: boolean }): App {
  const app = new App({ outdir, builtinCloudFormationValidation: options.validation });
  const fleet = new Fleet(benchFleet(stacks));
  if (!options.pipeline) {
    NuminiaBaselineStage.forFleet(app, fleet);
    return app;
  }
  const tooling = new Stack(app, 'Tooling', { env: { account: '999999999999', region: FLEET_REGIONS[0] } });
  const pipeline = new pipelines.CodePipeline(tooling, 'Pipeline', {
    crossAccountKeys: true,
    pipelineType: codepipeline.PipelineType.V2,
    synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.connection('numengames/numinia-cdk-baseline', 'main', {
        connectionArn: 'arn:aws:codeconnections:eu-west-1:999999999999:connection/00000000-0000-0000-0000-000000000000',
      }),
      commands: ['npx cdk synth'],
    }),
  });
  FleetPipeline.addFleet(pipeline, tooling, fleet);
  return app;
}
