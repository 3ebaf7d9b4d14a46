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

/** The repository's Python tools, installed by `npx projen install:python` from requirements-dev.txt. */
export function pythonTool(name: string): string {
  const tool = path.join(__dirname, '..', '..', '.venv', 'bin', name);
  if (!fs.existsSync(tool)) {
    throw new Error(`${tool} is missing: run \`npx projen install:python\` (installs requirements-dev.txt into .venv/)`);
  }
  return tool;
}
