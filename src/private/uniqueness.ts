import { Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/** The baselines of each app, by what must be unique among them. */
const BASELINES_BY_APP = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Two baselines of one project and environment in one account and region would create the same key aliases, trail,
 * log groups and parameter names: CloudFormation would fail the second at deploy time. Refused at synth instead.
 * An account or region that is not known (a token) counts as the same one: deploying both there would collide.
 */
export function claimBaselineIdentity(baseline: Construct, project: string, environment: string): void {
  const stack = Stack.of(baseline);
  const key = [project, environment, stack.account, stack.region].join('\u0000');
  const root = baseline.node.root;
  const claimed = BASELINES_BY_APP.get(root) ?? new Map<string, string>();
  BASELINES_BY_APP.set(root, claimed);
  const other = claimed.get(key);
  if (other !== undefined) {
    const where = [stack.account, stack.region].map((v) => (Token.isUnresolved(v) ? 'unknown' : v)).join('/');
    throw new Error(
      `project/environment: ${project}/${environment} is already used by the baseline at ${other} in the same account and region ` +
        `(${where}); their key aliases, trail, log groups and parameter names would collide: give each baseline its own environment`,
    );
  }
  claimed.set(key, baseline.node.path);
}
