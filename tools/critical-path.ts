/**
 * The critical path of a deployment of the default baseline under each NAT strategy: the longest chain of resources
 * each of which CloudFormation can only start once the one before is complete (an edge per Ref, Fn::GetAtt,
 * Fn::Sub reference and DependsOn). CloudFormation creates everything else in parallel, so this chain bounds how fast
 * a stack can be created. `npx projen critical-path`.
 */
import { App, Stack } from 'aws-cdk-lib';
import { NatGateways, NuminiaBaseline } from '../src';

type Resources = Record<string, { Type: string; DependsOn?: string | string[]; [key: string]: unknown }>;

function dependencies(resources: Resources, logicalId: string): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Ref' && typeof value === 'string') found.add(value);
        if (key === 'Fn::GetAtt') found.add(Array.isArray(value) ? value[0] : String(value).split('.')[0]);
        if (key === 'Fn::Sub') {
          const text = Array.isArray(value) ? value[0] : value;
          for (const match of String(text).matchAll(/\$\{([^}.!]+)[^}]*\}/g)) found.add(match[1]);
        }
        walk(value);
      }
    }
  };
  const { DependsOn, ...rest } = resources[logicalId];
  walk(rest);
  [DependsOn ?? []].flat().forEach((id) => found.add(id));
  return new Set([...found].filter((id) => id in resources && id !== logicalId));
}

/** The longest chain ending in `end` (any resource when unset), first resource created first. */
export function criticalPath(resources: Resources, end?: (logicalId: string) => boolean): string[] {
  const longest = new Map<string, string[]>();
  const chainTo = (id: string): string[] => {
    const known = longest.get(id);
    if (known) return known;
    let best: string[] = [];
    for (const dependency of dependencies(resources, id)) {
      const chain = chainTo(dependency);
      if (chain.length > best.length) best = chain;
    }
    const chain = [...best, id];
    longest.set(id, chain);
    return chain;
  };
  return Object.keys(resources).filter((id) => end?.(id) ?? true).map(chainTo).reduce((a, b) => (b.length > a.length ? b : a), []);
}

function synthesize(natGateways: NatGateways): Resources {
  const app = new App();
  const stack = new Stack(app, 'Baseline', { env: { region: 'eu-west-1' } });
  new NuminiaBaseline(stack, 'Baseline', { environment: 'production', network: { natGateways } });
  return app.synth().getStackByName('Baseline').template.Resources;
}

if (require.main === module) {
  for (const strategy of Object.values(NatGateways)) {
    const name = strategy;
    const resources = synthesize(strategy);
    const show = (chain: string[]) => `  ${chain.map((id) => `${id} (${resources[id].Type.replace('AWS::', '')})`).join('\n  -> ')}`;
    const nats = Object.values(resources).filter((r) => r.Type === 'AWS::EC2::NatGateway').length;
    const chain = criticalPath(resources);
    console.log(`${name}: ${Object.keys(resources).length} resources, ${nats} NAT gateway(s), critical path ${chain.length} resources:`);
    console.log(show(chain));
    // Egress is ready once a private route table's route through NAT exists.
    const egress = criticalPath(resources, (id) => resources[id].Type === 'AWS::EC2::Route' && JSON.stringify(resources[id]).includes('NatGatewayId'));
    if (egress.length > 0) {
      console.log(`  egress through NAT ready after a chain of ${egress.length}:`);
      console.log(show(egress));
    }
  }
}
