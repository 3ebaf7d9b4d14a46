import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildPipelineStack } from './pipeline';
import { buildStackSetStack } from './stacksets';
import { Fleet } from '../../src';

/** The fleet, in one reviewed file checked against schema/fleet.schema.json. */
export const FLEET_FILE = path.join(__dirname, 'fleet.json');

/**
 * The fleet example: a CDK Pipelines pipeline in the tooling account that rolls the baseline out to the fleet of
 * fleet.json (7 environment-regions over 3 accounts and 2 regions), and a service-managed StackSet that gives every
 * account of an OU the environment-agnostic variant. `new App()` writes where `cdk synth` says (CDK_OUTDIR).
 */
export function buildFleetApp(options: { outdir?: string; context?: Record<string, unknown> } = {}) {
  const app = new App({ outdir: options.outdir, context: options.context });
  const fleet = Fleet.fromFile(FLEET_FILE);
  const pipeline = buildPipelineStack(app, fleet);
  const stackSets = buildStackSetStack(app);
  return { app, fleet, pipeline, stackSets };
}

if (require.main === module) {
  buildFleetApp().app.synth();
}
