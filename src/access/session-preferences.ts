import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { SESSION_PREFERENCES_DOCUMENT } from './bastion-operations-config';

/** The baseline that holds an account and region's preferences, and where its sessions are logged. */
export interface SessionPreferencesHolder {
  readonly path: string;
  readonly logGroupName: string;
  /** The alias of the key that encrypts session data, when session data is encrypted (undefined for a key brought in). */
  readonly keyAlias?: string;
  readonly encryptSessionData: boolean;
}

/** Where this baseline's sessions are logged: by its own preferences (`here`), or by the holder's. */
export interface SessionPreferencesDecision {
  readonly here: boolean;
  readonly holder?: SessionPreferencesHolder;
}

/** Per app (construct root): the baseline holding each concrete account and region's Session Manager preferences. */
const HOLDERS_BY_APP = new WeakMap<IConstruct, Map<string, SessionPreferencesHolder>>();

/**
 * Session Manager reads its preferences from one document per account and region (`SSM-SessionManagerRunShell`), and
 * CloudFormation cannot create it twice: of the baselines of one account and region in an app, the first one holds it.
 *
 * - `holdPreferences: false` leaves it to someone else;
 * - `holdPreferences: true` on two baselines of one account and region is refused;
 * - a baseline whose account or region is unknown (a token) cannot be compared with any other: it holds them unless
 *   told not to.
 */
export function claimSessionPreferences(baseline: Construct, holdPreferences: boolean | undefined, mine: Omit<SessionPreferencesHolder, 'path'>): SessionPreferencesDecision {
  if (holdPreferences === false) {
    Annotations.of(baseline).addInfo(`No ${SESSION_PREFERENCES_DOCUMENT} document here (bastion.sessionLogging.holdPreferences is false): ` +
      'shell sessions are logged where the account\'s Session Manager preferences say, and the bastion\'s role may write only to ' +
      `${mine.logGroupName}: name it in those preferences`);
    return { here: false };
  }
  const { account, region } = Stack.of(baseline);
  if (Token.isUnresolved(account) || Token.isUnresolved(region)) {
    return { here: true };
  }
  const holders = HOLDERS_BY_APP.get(baseline.node.root) ?? new Map<string, SessionPreferencesHolder>();
  HOLDERS_BY_APP.set(baseline.node.root, holders);
  const where = `${account}/${region}`;
  const holder = holders.get(where);
  if (holder === undefined) {
    holders.set(where, { ...mine, path: baseline.node.path });
    return { here: true };
  }
  if (holdPreferences === true) {
    throw new Error(`bastion.sessionLogging.holdPreferences: true, but the baseline at ${holder.path} already holds the Session Manager ` +
      `preferences of ${where} (${SESSION_PREFERENCES_DOCUMENT}, one per account and region); leave it unset or set it on one baseline only`);
  }
  Annotations.of(baseline).addInfo(`No ${SESSION_PREFERENCES_DOCUMENT} document here: the baseline at ${holder.path} holds the Session Manager ` +
    `preferences of ${where}: this bastion's shell sessions are logged to ${holder.logGroupName}`);
  return { here: false, holder };
}
