import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { NuminiaBaselineStage } from './baseline-stage';
import { Fleet } from './fleet';
import { ReleaseStage } from './fleet-props';

/**
 * How a fleet is added to a pipeline.
 */
export interface FleetPipelineOptions {
  /**
   * A manual approval before the first production wave.
   *
   * @default false
   */
  readonly approveBeforeProduction?: boolean;

  /**
   * A prefix for the waves' IDs, for a pipeline that holds more than one fleet.
   *
   * @default - none: the waves are named after the fleet's waves (`development-home-regions`, ...)
   */
  readonly waveIdPrefix?: string;
}

/**
 * What `FleetPipeline.addFleet` added.
 */
export interface FleetRollout {
  /** The pipeline's waves, in order. */
  readonly waves: pipelines.Wave[];

  /** The stages, in rollout order. */
  readonly stages: NuminiaBaselineStage[];
}

/**
 * Rolls a fleet out with CDK Pipelines: a wave per fleet wave, in order (development, staging, production; within
 * each, the accounts' home regions first, so that a trail exists before the regions that rely on it), and a
 * `NuminiaBaselineStage` per target. Waves deploy one after the other; the stages of a wave in parallel.
 *
 * @example
 * const pipeline = new pipelines.CodePipeline(stack, 'Pipeline', { synth, crossAccountKeys: true });
 * FleetPipeline.addFleet(pipeline, stack, Fleet.fromFile('fleet.json'));
 */
export class FleetPipeline {
  /**
   * Adds the fleet's waves and stages to a pipeline.
   *
   * @param pipeline the pipeline (a `CodePipeline`, or any CDK Pipelines engine)
   * @param scope where the stages go: the pipeline's stack, as CDK Pipelines expects
   * @param fleet the fleet
   */
  public static addFleet(pipeline: pipelines.PipelineBase, scope: Construct, fleet: Fleet, options: FleetPipelineOptions = {}): FleetRollout {
    const waves: pipelines.Wave[] = [];
    const stages: NuminiaBaselineStage[] = [];
    let approved = false;
    for (const fleetWave of fleet.waves) {
      const needsApproval: boolean = options.approveBeforeProduction === true && !approved && fleetWave.targets[0].stage === ReleaseStage.PRODUCTION;
      approved = approved || needsApproval;
      const wave = pipeline.addWave(`${options.waveIdPrefix ?? ''}${fleetWave.name}`, {
        pre: needsApproval ? [new pipelines.ManualApprovalStep('ApproveProduction', { comment: 'Roll the baseline out to production' })] : undefined,
      });
      for (const target of fleetWave.targets) {
        const stage = new NuminiaBaselineStage(scope, target.id, { target });
        wave.addStage(stage);
        stages.push(stage);
      }
      waves.push(wave);
    }
    return { waves, stages };
  }

  private constructor() {}
}
