import { IConstruct } from 'constructs';

/**
 * Set by `StackSetBaseline` on its scope before it makes the baseline: the template must carry no file asset (a
 * service-managed StackSet deploys the template alone), so nothing may need a Lambda function's code from an asset.
 * Internal, so a construct context key rather than a public prop.
 */
const WITHOUT_ASSETS = '@numinia/cdk-baseline:internal:withoutAssets';

export function markWithoutAssets(scope: IConstruct): void {
  scope.node.setContext(WITHOUT_ASSETS, true);
}

export function isWithoutAssets(scope: IConstruct): boolean {
  return scope.node.tryGetContext(WITHOUT_ASSETS) === true;
}
