import * as fs from 'fs';
import * as path from 'path';
import { baselineStack } from '../util';
import { complianceMatrix } from './matrix';

/**
 * Synthesizes every configuration of the matrix as the CDK CLI would (version reporting and path metadata on,
 * so `AWS::CDK::Metadata` is there and linters treat the template as CDK output) and returns the template paths.
 */
export function synthMatrixTemplates(outdir: string): Array<{ name: string; file: string }> {
  return complianceMatrix().map(([name, props], i) => {
    const dir = path.join(outdir, `config-${i}`);
    const { app, stack } = baselineStack(props, {
      appProps: { outdir: dir, analyticsReporting: true, context: { 'aws:cdk:enable-path-metadata': true } },
    });
    app.synth();
    const file = path.join(dir, stack.templateFile);
    if (!fs.existsSync(file)) {
      throw new Error(`no template for ${name} at ${file}`);
    }
    return { name, file };
  });
}

/**
 * The default baseline as an app with version reporting off synthesizes it (no `AWS::CDK::Metadata`): cfn-lint then
 * applies the rules it skips for CDK templates, such as W3010 (hard-coded zones).
 */
export function synthWithoutCdkMetadata(outdir: string): { name: string; file: string } {
  const dir = path.join(outdir, 'without-cdk-metadata');
  const { app, stack } = baselineStack({}, { appProps: { outdir: dir, analyticsReporting: false } });
  app.synth();
  return { name: 'the default baseline without CDK metadata', file: path.join(dir, stack.templateFile) };
}

/** The repository's Python tools, installed by `npx projen install:python` from requirements-dev.txt. */
export function pythonTool(name: string): string {
  // The repository's .venv, also from a copy of the repository inside it (mutation testing's sandboxes).
  const roots = [path.join(__dirname, '..', '..'), ...[3, 4, 5].map((up) => path.join(__dirname, ...Array(up).fill('..')))];
  const tool = roots.map((root) => path.join(root, '.venv', 'bin', name)).find((candidate) => fs.existsSync(candidate))
    ?? path.join(__dirname, '..', '..', '.venv', 'bin', name);
  if (!fs.existsSync(tool)) {
    throw new Error(`${tool} is missing: run \`npx projen install:python\` (installs requirements-dev.txt into .venv/)`);
  }
  return tool;
}
