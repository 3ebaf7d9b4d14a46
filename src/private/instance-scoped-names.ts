import { Aws, Fn } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Set by `StackSetBaseline` on its scope before it makes the baseline: the retained resources with fixed names (the
 * log groups) get the stack instance's ID in their names. A StackSet instance deleted and created again in the same
 * account and region would otherwise fail on the log groups its predecessor retained ("already exists"). Internal, so
 * a construct context key rather than a public prop.
 */
const INSTANCE_SCOPED_NAMES = '@numinia/cdk-baseline:internal:instanceScopedNames';

export function markInstanceScopedNames(scope: IConstruct): void {
  scope.node.setContext(INSTANCE_SCOPED_NAMES, true);
}

/**
 * The name, or, in a StackSet instance, the name followed by the UUID of the stack's ID (`arn:...:stack/<name>/<uuid>`):
 * unique to this stack instance, the same for as long as it lives, and known before anything is created.
 */
export function instanceScopedName(scope: IConstruct, name: string): string {
  return scope.node.tryGetContext(INSTANCE_SCOPED_NAMES) === true ? `${name}-${Fn.select(2, Fn.split('/', Aws.STACK_ID))}` : name;
}
