import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Fleet } from '../fleet/fleet';
import { newAccountZones } from '../private/region-zones';

/**
 * `numinia-baseline context`: the entries of cdk.context.json that aws-cdk-lib's availability-zone lookup would ask AWS
 * for, written from the library's zone table, so that an account-bound app or a fleet synthesizes with no credentials.
 *
 * The baseline lists its zones itself, but aws-cdk-lib's Vpc still reads `stack.availabilityZones` of an account-bound
 * stack to check them (a lookup the CLI answers with credentials, or cdk.context.json). The table holds the zones a new
 * account gets; a real lookup may give an older account more, and entries already in the file are never overwritten.
 */

/** A context lookup an app needs, as the cloud assembly's manifest lists it. */
export interface MissingContext {
  readonly key: string;
  readonly provider: string;
  readonly props: { readonly account?: string; readonly region?: string };
}

/** What the zone table answers, and what only AWS can. */
export interface ContextAnswer {
  /** The entries to write: context key to zone names. */
  readonly entries: Record<string, string[]>;
  /** The lookups left to AWS (credentials and `cdk synth`, or entries written by hand), each with why. */
  readonly unanswered: string[];
}

/** The key aws-cdk-lib looks the zones of an account and region up under. */
export function zonesKey(account: string, region: string): string {
  return `availability-zones:account=${account}:region=${region}`;
}

/** Answers the availability-zone lookups the table can, and says why for the others. */
export function answerLookups(missing: MissingContext[]): ContextAnswer {
  const entries: Record<string, string[]> = {};
  const unanswered: string[] = [];
  for (const lookup of missing) {
    const region = lookup.props.region ?? '';
    const zones = newAccountZones(region);
    if (lookup.provider !== 'availability-zones') {
      unanswered.push(`${lookup.key}: a ${lookup.provider} lookup, which only AWS can answer`);
    } else if (zones === undefined) {
      unanswered.push(`${lookup.key}: the zones of ${region} depend on the account or are not in the library's table`);
    } else {
      entries[lookup.key] = zones;
    }
  }
  return { entries, unanswered };
}

/** The availability-zone lookups of every target of a fleet file: one per account and region. */
export function fleetLookups(fleetFile: string): MissingContext[] {
  const seen = new Set<string>();
  const lookups: MissingContext[] = [];
  for (const { account, region } of Fleet.fromFile(fleetFile).targets) {
    const key = zonesKey(account, region);
    if (!seen.has(key)) {
      seen.add(key);
      lookups.push({ key, provider: 'availability-zones', props: { account, region } });
    }
  }
  return lookups;
}

function readJson(file: string): Record<string, unknown> {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

/** The app command and context of a CDK app directory, as the CLI reads them (cdk.json, then cdk.context.json). */
export function appSettings(dir: string): { app?: string; context: Record<string, unknown> } {
  const cdkJson = readJson(path.join(dir, 'cdk.json'));
  const context = { ...(cdkJson.context as Record<string, unknown> | undefined), ...readJson(path.join(dir, 'cdk.context.json')) };
  return { app: cdkJson.app as string | undefined, context };
}

/**
 * Runs the app as the CLI would (its command, CDK_OUTDIR, the context in CDK_CONTEXT_JSON) and returns the lookups its
 * cloud assembly says are missing. With the context missing, aws-cdk-lib synthesizes with placeholder zones.
 */
export function appLookups(app: string, dir: string, context: Record<string, unknown>): MissingContext[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-context-'));
  try {
    const run = spawnSync(app, {
      shell: true,
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
    });
    const manifest = path.join(outdir, 'manifest.json');
    if (run.status !== 0 || !fs.existsSync(manifest)) {
      throw new Error(`the app "${app}" failed (exit code ${run.status}) before it wrote a cloud assembly; fix what it printed above, then run this again`);
    }
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')).missing ?? []) as MissingContext[];
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** What `writeContext` did. */
export interface ContextReport {
  /** The keys added to the file. */
  readonly added: string[];
  /** The lookups left to AWS. */
  readonly unanswered: string[];
}

/**
 * Adds the answers to a context file (created when absent), keeping every entry already there: a value from a real
 * lookup wins over the table's.
 */
export function writeContext(file: string, answer: ContextAnswer): ContextReport {
  const existing = readJson(file);
  const added = Object.keys(answer.entries).filter((key) => !(key in existing)).sort();
  if (added.length > 0) {
    const merged: Record<string, unknown> = { ...existing };
    for (const key of added) {
      merged[key] = answer.entries[key];
    }
    fs.writeFileSync(file, `${JSON.stringify(merged, undefined, 2)}\n`);
  }
  return { added, unanswered: answer.unanswered };
}

/**
 * The app's lookups, answered until none the table can answer is left (an answer can let a stack go further and ask
 * for more; three rounds are plenty for any app of baselines).
 */
export function contextForApp(dir: string, app?: string): ContextReport {
  const contextFile = path.join(dir, 'cdk.context.json');
  const added: string[] = [];
  let unanswered: string[] = [];
  for (let round = 0; round < 3; round++) {
    const settings = appSettings(dir);
    const command = app ?? settings.app;
    if (command === undefined) {
      throw new Error(`no app to run: ${path.join(dir, 'cdk.json')} has no "app", and no --app was given`);
    }
    const report = writeContext(contextFile, answerLookups(appLookups(command, dir, settings.context)));
    added.push(...report.added);
    unanswered = report.unanswered;
    if (report.added.length === 0) {
      break;
    }
  }
  return { added, unanswered };
}
