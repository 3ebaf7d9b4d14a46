import { ReleaseStage } from './fleet-props';
import { NuminiaBaselineProps } from '../numinia-baseline-props';

/**
 * One baseline of the fleet: an environment in one region of its account, with the props it is built from.
 */
export interface FleetTarget {
  /** The environment's name. */
  readonly environment: string;

  /** The account ID. */
  readonly account: string;

  /** The region. */
  readonly region: string;

  /** Where it stands in the rollout. */
  readonly stage: ReleaseStage;

  /** Whether the region is the account's home region. */
  readonly homeRegion: boolean;

  /** Whether this baseline creates the account's multi-region trail (the first of the account's home region). */
  readonly holdsAccountTrail: boolean;

  /** Whether its VPC is meant to be connected to the fleet's other connected VPCs. */
  readonly connected: boolean;

  /** A construct ID for its stage, `<environment>-<region>`. */
  readonly id: string;

  /** The CloudFormation stack name, `<project>-<environment>-baseline` (unique per account and region). */
  readonly stackName: string;

  /** The props of its `NuminiaBaseline`: what a single-stack app of this environment and region would give it. */
  readonly baselineProps: NuminiaBaselineProps;
}

/**
 * Targets that deploy together (in parallel); waves deploy one after the other.
 */
export interface FleetWave {
  /** The wave's name, such as `development-home-regions`. */
  readonly name: string;

  /** Its targets. */
  readonly targets: FleetTarget[];
}
