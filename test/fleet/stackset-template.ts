import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { StackSetStack } from 'cdk-stacksets';
import { StackSetBaseline, StackSetBaselineProps } from '../../src';

/**
 * A StackSetBaseline in a cdk-stacksets StackSetStack of a management stack, synthesized as the CLI would (version
 * reporting and path metadata, so linters see a CDK template), and its template as written: the file a StackSet deploys.
 */
export function synthStackSetTemplate(outdir: string, props: Partial<StackSetBaselineProps> = {}) {
  const app = new App({ outdir, analyticsReporting: true, context: { 'aws:cdk:enable-path-metadata': true } });
  const management = new Stack(app, 'Management', { env: { account: '000000000000', region: 'eu-west-1' } });
  const stackSetStack = new StackSetStack(management, 'Workload');
  const construct = new StackSetBaseline(stackSetStack, 'Baseline', {
    environment: 'workload',
    homeRegion: 'eu-west-1',
    options: { alarmEmails: ['platform-alerts@numinia.io'] },
    ...props,
  });
  const assembly = app.synth();
  const file = path.join(assembly.directory, stackSetStack.templateFile);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { app, management, stackSetStack, construct, file, json, template: Template.fromJSON(json) };
}
