/**
 * The main job: synthesize the production baseline into cdk.out/ with no AWS credentials, draw its architecture next
 * to the template, and print a summary with the monthly cost estimate and the NAT strategies side by side.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildProductionApp } from './app';
import { costsByStrategy, strategyText } from './costs';
import { CostEstimate } from '../../src';
import { diagramSvg } from '../../tools/diagram';

const AREAS: Array<[string, RegExp]> = [
  ['network', /^BaselineNetwork|^CustomVpcRestrictDefaultSG/],
  ['encryption', /^BaselineEncryption/],
  ['storage', /^BaselineStorage/],
  ['access', /^BaselineBastion|^BaselineEfsCsiDriver/],
  ['logging', /^BaselineAuditTrail/],
  ['sharing', /^BaselineSharing/],
  ['monitoring', /^BaselineMonitoring/],
];

const outdir = path.resolve(__dirname, '../../cdk.out');
const { app, stack, baseline } = buildProductionApp(outdir);
const assembly = app.synth();
const artifact = assembly.getStackByName(stack.stackName);
const resources: Record<string, { Type: string }> = artifact.template.Resources;

const byArea: Record<string, Record<string, number>> = {};
for (const [logicalId, resource] of Object.entries(resources)) {
  const area = AREAS.find(([, pattern]) => pattern.test(logicalId))?.[0] ?? 'other';
  byArea[area] ??= {};
  byArea[area][resource.Type] = (byArea[area][resource.Type] ?? 0) + 1;
}

const lines: string[] = [];
lines.push(`Synthesized ${stack.stackName} (${stack.region}) into ${path.relative(process.cwd(), outdir) || '.'}/${artifact.templateFile}`);
lines.push(`${Object.keys(resources).length} resources, template ${Buffer.byteLength(JSON.stringify(artifact.template))} bytes (limits: 500 resources, 1 MB)`);
for (const [area, types] of Object.entries(byArea)) {
  const total = Object.values(types).reduce((a, b) => a + b, 0);
  const detail = Object.entries(types)
    .map(([type, n]) => `${n} ${type.replace(/^AWS::/, '')}`)
    .join(', ');
  lines.push(`  ${area.padEnd(10)} ${String(total).padStart(3)}  ${detail}`);
}

const messages = artifact.messages.filter((m) => m.level !== 'info');
lines.push('Worth knowing:');
lines.push(`  - ${messages.length} warning(s)/error(s) from synthesis${messages.map((m) => `\n    ${m.level}: ${m.entry.data}`).join('')}`);
const lambdas = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function').length;
lines.push(`  - ${lambdas} Lambda function(s): the aws-cdk-lib custom resource that removes the default security group's rules`);
lines.push('  - the bastion image is resolved at deploy time from the public SSM parameter for Amazon Linux 2023');
lines.push('  - KMS keys, the file system, log groups and trail buckets are retained when the stack is deleted');
lines.push('  - application repos find the baseline through SSM parameters under /numinia/production/baseline/');
lines.push(`  - ${baseline.alarms.length} alarms notify the topic numinia-production-alarms: subscribe with monitoring.alarmEmails`);
lines.push('  - deploy: npx cdk deploy --app \'npx ts-node --project tsconfig.dev.json examples/production/app.ts\' (needs credentials)');
console.log(lines.join('\n'));

async function pictureAndCost(): Promise<void> {
  const diagramFile = path.join(outdir, `${stack.stackName}.diagram.svg`);
  const svg = await diagramSvg(artifact.template, `${stack.stackName} (${stack.region})`);
  fs.writeFileSync(diagramFile, svg);
  console.log(`Architecture diagram: ${path.relative(process.cwd(), diagramFile)} (${Buffer.byteLength(svg)} bytes, drawn from the template)`);
  console.log(CostEstimate.of(baseline).toText());
  console.log('Monthly fixed cost by NAT strategy (USD, before traffic; NAT = gateways, or zones of a regional one):');
  console.log(strategyText(costsByStrategy()));
}

pictureAndCost().catch((error) => {
  console.error(error);
  process.exit(1);
});
