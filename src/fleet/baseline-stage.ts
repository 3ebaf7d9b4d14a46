import { Annotations, Stack, Stage, StageProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Fleet } from './fleet';
import { FleetTarget } from './fleet-target';
import { NuminiaBaseline } from '../numinia-baseline';
import { OVERLAPPING_VPC_CIDR_WARNING } from '../private/app-networks';

/**
 * Props of `NuminiaBaselineStage`. The stage deploys to the target's account and region: an `env` given here must be
 * that one.
 */
export interface NuminiaBaselineStageProps extends StageProps {
  /** The fleet target it deploys: its account, region, stack name and baseline props. */
  readonly target: FleetTarget;

  /**
   * The stack's description.
   *
   * @default - "<project> <environment> base infrastructure (<region>)"
   */
  readonly description?: string;
}

/**
 * One account and region of a fleet as a CDK stage (for CDK Pipelines' `addStage`, or `cdk deploy` of its stack):
 * one stack, `<project>-<environment>-baseline`, holding the target's `NuminiaBaseline`, the same template a
 * single-stack app of that environment gives.
 */
export class NuminiaBaselineStage extends Stage {
  /**
   * A stage for every target of the fleet, in rollout order (which is also the order a trail needs: the account's
   * home region first).
   *
   * @param scope where the stages go (the app, or the pipeline's stack)
   */
  public static forFleet(scope: Construct, fleet: Fleet): NuminiaBaselineStage[] {
    return fleet.targets.map((target) => new NuminiaBaselineStage(scope, target.id, { target }));
  }

  /** The fleet target. */
  public readonly target: FleetTarget;

  /** The stack. */
  public readonly stack: Stack;

  /** The baseline. */
  public readonly baseline: NuminiaBaseline;

  constructor(scope: Construct, id: string, props: NuminiaBaselineStageProps) {
    const { target, description, ...stageProps } = props;
    const env = { account: target.account, region: target.region };
    if (stageProps.env !== undefined && (stageProps.env.account !== env.account || stageProps.env.region !== env.region)) {
      throw new Error(
        `env: got ${stageProps.env.account ?? 'no account'}/${stageProps.env.region ?? 'no region'}; the stage deploys the target ` +
          `${target.id} to ${env.account}/${env.region}: leave env out`,
      );
    }
    super(scope, id, { ...stageProps, env });
    this.target = target;
    const project = target.baselineProps.project;
    this.stack = new Stack(this, target.stackName, {
      stackName: target.stackName,
      description: description ?? `${project} ${target.environment} base infrastructure (${target.region})`,
    });
    // The fleet refused overlaps between connected environments; the others are isolated by declaration.
    Annotations.of(this.stack).acknowledgeWarning(OVERLAPPING_VPC_CIDR_WARNING, 'the fleet description checks overlaps between its connected environments');
    this.baseline = new NuminiaBaseline(this.stack, 'Baseline', target.baselineProps);
  }
}
