/**
 * `npx projen diagram:preview`: the production diagram and other configurations as PNG in .diagram-preview/, at their
 * own size and at README width, for a person to look at (git-ignored).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { diagramSvg } from './diagram';
import { NatGateways, NuminiaBaseline, NuminiaBaselineProps } from '../src';
import { pngOf } from './diagram/rasterize';
import { regionalMonitoringStack } from '../test/diagram/fixtures';

/** GitHub shows a README image at most about this wide. */
const README_WIDTH = 880;

const CONFIGURATIONS: Array<[string, Partial<NuminiaBaselineProps>]> = [
  ['production', {}],
  ['single-nat-database', { network: { natGateways: NatGateways.SINGLE, databaseSubnetCidrs: ['10.0.21.0/24', '10.0.22.0/24', '10.0.23.0/24'] } }],
  ['no-nat-two-zones', {
    network: {
      natGateways: NatGateways.NONE,
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24'],
      publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24'],
    },
  }],
];

async function main(): Promise<void> {
  const outdir = path.resolve(__dirname, '../.diagram-preview');
  fs.mkdirSync(outdir, { recursive: true });
  for (const [name, props] of CONFIGURATIONS) {
    const region = name.includes('two-zones') ? 'us-east-1' : 'eu-west-1';
    const app = new App({ outdir: path.join(outdir, `${name}.out`) });
    const stack = new Stack(app, `preview-${name}`, { env: { region } });
    new NuminiaBaseline(stack, 'Baseline', { environment: 'production', ...props });
    const template = app.synth().getStackByName(stack.stackName).template;
    const svg = await diagramSvg(template, `${stack.stackName} (${region})`);
    write(outdir, name, svg);
  }
  // What other areas will add (regional NAT, network ACLs, monitoring), from the tests' hand-built fixture.
  const fixture = regionalMonitoringStack();
  const template = (fixture.node.root as App).synth().getStackByName(fixture.stackName).template;
  write(outdir, 'regional-monitoring', await diagramSvg(template, `${fixture.stackName} (${fixture.region})`));
}

function write(outdir: string, name: string, svg: string): void {
  fs.writeFileSync(path.join(outdir, `${name}.svg`), svg);
  const full = pngOf(svg);
  fs.writeFileSync(path.join(outdir, `${name}.png`), full.png);
  const readme = pngOf(svg, Math.min(README_WIDTH, full.width));
  fs.writeFileSync(path.join(outdir, `${name}.readme.png`), readme.png);
  console.log(`${name}: ${Buffer.byteLength(svg)} bytes SVG, ${full.width}x${full.height} px; at README width ${readme.width}x${readme.height}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
