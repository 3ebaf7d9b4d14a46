import { Annotations, Aws, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { CloudTrailConfig } from './logging-config';
import { trailArnOf } from '../private/arns';

/** Where the account's multi-region trail is, as far as this app can tell. */
export interface AccountTrailDecision {
  /** This baseline creates the trail. */
  readonly here: boolean;
  /** The trail's ARN, when known: this baseline's, or the one of the baseline that holds it in this app. */
  readonly trailArn?: string;
}

interface AccountRecord {
  /** The home region named by a baseline of the account, and which one named it. */
  homeRegion?: { readonly region: string; readonly path: string };
  /** The baseline that creates the account's trail. */
  owner?: { readonly path: string; readonly region: string; readonly trailName: string };
}

/** Per app (construct root), per concrete account ID. */
const ACCOUNTS_BY_APP = new WeakMap<IConstruct, Map<string, AccountRecord>>();

/**
 * A multi-region trail records every region of its account: one per account is enough, and a second one bills the
 * management events twice. Among the baselines of one app, the trail goes to one baseline per account:
 *
 * - with `logging.cloudTrail.homeRegion`, a baseline in another region creates none (this works for unknown accounts
 *   too, since the regions are compared);
 * - of the baselines of one concrete account left, the first one constructed creates it, the others none;
 * - a baseline whose account is unknown (a token) cannot be compared with any other: it keeps its trail.
 *
 * The baselines of one account must agree on the home region; one that names another is refused.
 */
export function claimAccountTrail(baseline: Construct, config: CloudTrailConfig): AccountTrailDecision {
  const stack = Stack.of(baseline);
  const { account, region } = stack;
  const named = config.homeRegion;
  const elsewhere = named !== undefined && !Token.isUnresolved(region) && region !== named;

  if (Token.isUnresolved(account)) {
    if (elsewhere) {
      note(baseline, `no CloudTrail trail here: logging.cloudTrail.homeRegion is ${named}, where the account's multi-region trail is created`);
      // Stryker disable next-line ObjectLiteral: equivalent: {} leaves `here` undefined, which the one caller reads as false (`?? false`)
      return { here: false };
    }
    return { here: true, trailArn: trailArnOf(config.trailName) };
  }

  const accounts = ACCOUNTS_BY_APP.get(baseline.node.root) ?? new Map<string, AccountRecord>();
  ACCOUNTS_BY_APP.set(baseline.node.root, accounts);
  const record = accounts.get(account) ?? {};
  accounts.set(account, record);

  if (named !== undefined) {
    if (record.homeRegion !== undefined && record.homeRegion.region !== named) {
      throw new Error(
        `logging.cloudTrail.homeRegion: got ${named}, but the baseline at ${record.homeRegion.path} of the same account ${account} ` +
          `names ${record.homeRegion.region}; every baseline of one account must name the same home region (or none)`,
      );
    }
    // Once a home region is recorded, the owner is in it (it is claimed there, or by a region-agnostic baseline for it).
    if (record.owner !== undefined && record.owner.region !== named) {
      throw new Error(
        `logging.cloudTrail.homeRegion: got ${named}, but the baseline at ${record.owner.path} of the same account ${account} already ` +
          `creates the account's trail in ${record.owner.region} (it names no home region, so the first baseline of the account holds ` +
          'it); give every baseline of the account the same logging.cloudTrail.homeRegion',
      );
    }
    record.homeRegion = record.homeRegion ?? { region: named, path: baseline.node.path };
  }

  const owner = record.owner;
  const ownerArn = owner && `arn:${Aws.PARTITION}:cloudtrail:${owner.region}:${account}:trail/${owner.trailName}`;
  const home = record.homeRegion?.region;
  if (home !== undefined && !Token.isUnresolved(region) && region !== home) {
    note(baseline, owner
      ? `no CloudTrail trail here: the account's multi-region trail ${owner.trailName} is created by the baseline at ${owner.path} in ${owner.region}`
      : `no CloudTrail trail here: the account's multi-region trail is created in its home region ${home}`);
    return { here: false, trailArn: ownerArn };
  }
  if (owner !== undefined) {
    note(baseline, `no CloudTrail trail here: the account's multi-region trail ${owner.trailName} is created by the baseline at ${owner.path} in ${owner.region}`);
    return { here: false, trailArn: ownerArn };
  }
  record.owner = { path: baseline.node.path, region: Token.isUnresolved(region) ? home ?? region : region, trailName: config.trailName };
  return { here: true, trailArn: trailArnOf(config.trailName) };
}

function note(baseline: Construct, message: string): void {
  Annotations.of(baseline).addInfo(message);
}
