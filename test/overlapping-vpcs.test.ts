import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { NuminiaBaseline } from '../src';

const WARNING = /@numinia\/cdk-baseline:overlappingVpcCidr/;

function twoBaselines(first: { cidr?: string; account: string; region: string }, second: { cidr?: string; account: string; region: string }) {
  const app = new App({ builtinCloudFormationValidation: false });
  const stacks = [first, second].map((spec, i) => {
    const stack = new Stack(app, `Stack${i}`, { env: { account: spec.account, region: spec.region } });
    const cidr = spec.cidr ?? '10.0.0.0/16';
    const [a, b] = cidr.split('.');
    new NuminiaBaseline(stack, 'Baseline', {
      environment: `env${i}`,
      network: {
        cidr,
        privateSubnetCidrs: [1, 2, 3].map((n) => `${a}.${b}.${n}.0/24`),
        publicSubnetCidrs: [101, 102, 103].map((n) => `${a}.${b}.${n}.0/24`),
      },
    });
    return stack;
  });
  return stacks;
}

const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('overlaps')).map((w) => String(w.entry.data));

describe('overlapping VPC CIDRs between the baselines of one app, without a fleet description', () => {
  test('two accounts with the default CIDR: the later baseline warns, naming both blocks and the other baseline', () => {
    const [first, second] = twoBaselines({ account: '111111111111', region: 'eu-west-1' }, { account: '222222222222', region: 'us-east-1' });
    expect(warnings(first)).toEqual([]);
    expect(warnings(second)).toEqual([expect.stringMatching(
      /^network\.cidr: 10\.0\.0\.0\/16 \(222222222222\/us-east-1\) overlaps 10\.0\.0\.0\/16 of the baseline at Stack0\/Baseline \(111111111111\/eu-west-1\); .*never be peered/,
    )]);
    expect(warnings(second)[0]).toMatch(WARNING);
  });

  test('disjoint CIDRs: no warning', () => {
    const [, second] = twoBaselines({ account: '111111111111', region: 'eu-west-1', cidr: '10.1.0.0/16' }, { account: '111111111111', region: 'us-east-1', cidr: '10.2.0.0/16' });
    expect(warnings(second)).toEqual([]);
  });
});
