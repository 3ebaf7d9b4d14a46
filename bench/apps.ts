import { App, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { buildHandWrittenBaseline, CDK_INIT_FLAGS } from './hand-written-baseline';
import { NuminiaBaseline } from '../src';

/**
 * `baseline` is the default baseline, monitoring included, and `hand-written` the same resources written with
 * aws-cdk-lib L2s: the like-for-like comparison. `baseline-without-monitoring` (`monitoring.enabled: false`) is only
 * there to measure what monitoring adds.
 */
export type Kind = 'baseline' | 'baseline-without-monitoring' | 'hand-written';

export interface StackSpec {
  readonly environment: string;
  readonly region: string;
}

/** The single-stack comparison: the architecture document's production environment. */
export const PRODUCTION: StackSpec[] = [{ environment: 'production', region: 'eu-west-1' }];

const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2'];

/** What `cdk synth` and `cdk deploy` put in the context by default: each resource's construct path, and version reporting. */
const CLI_CONTEXT = {
  [cxapi.PATH_METADATA_ENABLE_CONTEXT]: true,
  [cxapi.ASSET_RESOURCE_METADATA_ENABLED_CONTEXT]: true,
  [cxapi.ANALYTICS_REPORTING_ENABLED_CONTEXT]: true,
};

/** `count` environments env0..env{count-1}, one stack each, spread over four regions. */
export function environments(count: number): StackSpec[] {
  return Array.from({ length: count }, (_, i) => ({ environment: `env${i}`, region: REGIONS[i % REGIONS.length] }));
}

/**
 * One app with a stack per spec, each holding a baseline (or the hand-written equivalent) with construct id `Baseline`.
 * `validation` is aws-cdk-lib's built-in CloudFormation template validation, on by default in `cdk synth`.
 */
export function buildApp(kind: Kind, outdir: string, specs: StackSpec[], validation = true): App {
  // Same context on both sides, so only the construct code differs; the CLI's, so the templates are the deployed ones.
  const app = new App({ outdir, context: { ...CLI_CONTEXT, ...CDK_INIT_FLAGS }, builtinCloudFormationValidation: validation });
  for (const { environment, region } of specs) {
    const stack = new Stack(app, `numinia-${environment}-baseline`, { env: { region } });
    if (kind === 'baseline') {
      new NuminiaBaseline(stack, 'Baseline', { environment });
    } else if (kind === 'baseline-without-monitoring') {
      new NuminiaBaseline(stack, 'Baseline', { environment, monitoring: { enabled: false } });
    } else {
      buildHandWrittenBaseline(stack, 'Baseline', environment);
    }
  }
  return app;
}

/** CloudFormation resource type -> how many of it a template holds: what "like for like" compares. */
export function resourceTypeCounts(template: { Resources?: Record<string, { Type: string }> }): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { Type } of Object.values(template.Resources ?? {})) {
    counts[Type] = (counts[Type] ?? 0) + 1;
  }
  return counts;
}

/** The resource types whose count differs between the two sides, one line each: none when they are like for like. */
export function typeCountDifferences(baseline: Record<string, number>, handWritten: Record<string, number>): string[] {
  return [...new Set([...Object.keys(baseline), ...Object.keys(handWritten)])].sort()
    .filter((t) => (baseline[t] ?? 0) !== (handWritten[t] ?? 0))
    .map((t) => `${t}: baseline ${baseline[t] ?? 0}, hand-written ${handWritten[t] ?? 0}`);
}
