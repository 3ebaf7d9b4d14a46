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

/** The log groups of each app's baselines, per account and region: name → the baseline's path. */
const LOG_GROUPS_BY_APP = new WeakMap<IConstruct, Map<string, Map<string, string>>>();

/**
 * Records the log groups a baseline creates, and returns those of the app's other baselines in the same account and
 * region (an unknown account or region counts as the same one, as for the baseline's identity): a log group name a
 * user chooses must not be another baseline's, or CloudFormation would fail the second one at deploy time.
 */
export function claimLogGroupNames(baseline: Construct, names: string[]): ReadonlyMap<string, string> {
  const stack = Stack.of(baseline);
  const where = [stack.account, stack.region].join('\u0000');
  const byPlace = LOG_GROUPS_BY_APP.get(baseline.node.root) ?? new Map<string, Map<string, string>>();
  LOG_GROUPS_BY_APP.set(baseline.node.root, byPlace);
  const groups = byPlace.get(where) ?? new Map<string, string>();
  byPlace.set(where, groups);
  const others = new Map(groups);
  names.filter((name) => !Token.isUnresolved(name)).forEach((name) => groups.set(name, baseline.node.path));
  return others;
}
