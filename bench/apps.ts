import { App, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { buildHandWrittenBaseline, CDK_INIT_FLAGS } from './hand-written-baseline';
import { NuminiaBaseline } from '../src';

/**
 * `baseline` is the baseline as the hand-written L2 version has it, without monitoring (`monitoring.enabled: false`),
 * so that the comparison is like for like; `baseline-monitoring` is the default baseline, monitoring included, whose
 * difference from `baseline` is what monitoring adds.
 */
export type Kind = 'baseline' | 'baseline-monitoring' | 'hand-written';

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
      new NuminiaBaseline(stack, 'Baseline', { environment, monitoring: { enabled: false } });
    } else if (kind === 'baseline-monitoring') {
      new NuminiaBaseline(stack, 'Baseline', { environment });
    } else {
      buildHandWrittenBaseline(stack, 'Baseline', environment);
    }
  }
  return app;
}
