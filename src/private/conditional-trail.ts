import { IConstruct } from 'constructs';

/**
 * Set by `StackSetBaseline` on its scope before it makes the baseline: the trail and what reads it exist only in the
 * stack instance of the home region (its `IsHomeRegion` condition). Internal, so a construct context key rather than
 * a public prop.
 */
const TRAIL_CONDITIONAL = '@numinia/cdk-baseline:internal:trailConditional';

export function markTrailConditional(scope: IConstruct): void {
  scope.node.setContext(TRAIL_CONDITIONAL, true);
}

export function isTrailConditional(scope: IConstruct): boolean {
  return scope.node.tryGetContext(TRAIL_CONDITIONAL) === true;
}
