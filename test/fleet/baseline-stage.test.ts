import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { mutated, sampleFleet } from './samples';
import { Fleet, NuminiaBaseline, NuminiaBaselineStage } from '../../src';

/** Built-in validation off: these tests compare templates, and synthesize many stacks. */
const APP_PROPS = { builtinCloudFormationValidation: false };

/** The single-stack app of one target: what a team would write for that environment alone. */
function singleStackTemplate(stage: NuminiaBaselineStage, stages: NuminiaBaselineStage[]): Template {
  const app = new App(APP_PROPS);
  // What is held once per account and region (Session Manager's preferences) goes to the first baseline there: the
  // stages before this one, of its account and region, are made first in the same app, as the fleet makes them.
  const before = stages.slice(0, stages.indexOf(stage))
    .filter((s) => s.target.account === stage.target.account && s.target.region === stage.target.region);
  for (const earlier of before) {
    const { target } = earlier;
    new NuminiaBaseline(new Stack(app, target.stackName, { env: { account: target.account, region: target.region } }), 'Baseline', target.baselineProps);
  }
  const { target } = stage;
  const stack = new Stack(app, target.stackName, {
    env: { account: target.account, region: target.region },
    stackName: target.stackName,
    description: stage.stack.templateOptions.description,
  });
  new NuminiaBaseline(stack, 'Baseline', target.baselineProps);
  return Template.fromStack(stack);
}

/** The sample fleet's stages, made inside each test (a describe body's syntheses are static to mutation testing). */
const sampleStages = () => NuminiaBaselineStage.forFleet(new App(APP_PROPS), new Fleet(sampleFleet()));

describe('NuminiaBaselineStage', () => {
  test('a stage per target, in rollout order, each in its account and region with one stack', () => {
    const stages = sampleStages();
    expect(stages.map((s) => [s.stageName, s.account, s.region, s.node.children.filter(Stack.isStack).length])).toEqual([
      ['development-eu-west-1', '111111111111', 'eu-west-1', 1],
      ['development-us-east-1', '111111111111', 'us-east-1', 1],
      ['staging-eu-west-1', '222222222222', 'eu-west-1', 1],
      ['qa-eu-west-1', '111111111111', 'eu-west-1', 1],
      ['staging-us-east-1', '222222222222', 'us-east-1', 1],
      ['production-us-east-1', '333333333333', 'us-east-1', 1],
      ['production-eu-west-1', '333333333333', 'eu-west-1', 1],
    ]);
    expect(stages[0].stack.stackName).toBe('numinia-development-baseline');
  });

  // The only difference: aws-cdk-lib's `Name` tags hold the construct path, which inside a stage starts with the stage's
  // (an in-place tag change, never a replacement: logical IDs are relative to the stack).
  test('each stage\'s stack equals the single-stack baseline of that environment and region, but for Name tags', () => {
    const stages = sampleStages();
    expect(stages).toHaveLength(7);
    const differing = stages.filter((stage) => {
      const { stack, node } = stage;
      const inStage = JSON.stringify(Template.fromStack(stack).toJSON());
      const withoutStagePath = JSON.stringify(JSON.parse(inStage.split(`"${node.path}/`).join('"')));
      return !inStage.includes(`"Value":"${node.path}/${stack.node.id}/Baseline/Network/Vpc"`)
        || withoutStagePath !== JSON.stringify(singleStackTemplate(stage, stages).toJSON());
    }).map((s) => s.stageName);
    expect(differing).toEqual([]);
  });

  test('the trail once per account, in the account\'s home region', () => {
    const stages = sampleStages();
    const trails = stages.map((s) => [s.account!, s.region!, Template.fromStack(s.stack).findResources('AWS::CloudTrail::Trail')] as const);
    const byAccount = new Map<string, string[]>();
    for (const [account, region, found] of trails) {
      byAccount.set(account, [...(byAccount.get(account) ?? []), ...Object.keys(found).map(() => region)]);
    }
    expect(Object.fromEntries(byAccount)).toEqual({ 111111111111: ['eu-west-1'], 222222222222: ['eu-west-1'], 333333333333: ['us-east-1'] });
    Template.fromStack(stages[5].stack).hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'numinia-production-audit', IsMultiRegionTrail: true });
  });

  test('the other regions know where the trail is', () => {
    const other = sampleStages().find((s) => s.stageName === 'production-eu-west-1')!;
    expect(other.stack.resolve(other.baseline.accountTrailArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:us-east-1:333333333333:trail/numinia-production-audit']],
    });
    expect(other.baseline.trail).toBeUndefined();
  });

  test('fails when given an env other than its target\'s', () => {
    const [target] = new Fleet(sampleFleet()).targets;
    expect(() => new NuminiaBaselineStage(new App(APP_PROPS), 'Elsewhere', { target, env: { account: '999999999999', region: 'eu-west-1' } }))
      .toThrow(/env: got 999999999999\/eu-west-1; the stage deploys the target development-eu-west-1 to 111111111111\/eu-west-1: leave env out/);
  });

  test('the stack\'s description: the project, environment and region, or the one given', () => {
    const [target] = new Fleet(sampleFleet()).targets;
    const described = (description?: string) => new NuminiaBaselineStage(new App(APP_PROPS), 'Stage', { target, description }).stack.templateOptions.description;
    expect(described()).toBe('numinia development base infrastructure (eu-west-1)');
    expect(described('The development baseline')).toBe('The development baseline');
  });

  test('an env equal to its target\'s is accepted; a partial one is named as such', () => {
    const [target] = new Fleet(sampleFleet()).targets;
    const stage = (env: { account?: string; region?: string }) => new NuminiaBaselineStage(new App(APP_PROPS), 'Stage', { target, env });
    expect(stage({ account: '111111111111', region: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(() => stage({ account: '111111111111' })).toThrow(/^env: got 111111111111\/no region; the stage deploys the target development-eu-west-1 to 111111111111\/eu-west-1/);
    expect(() => stage({ region: 'eu-west-1' })).toThrow(/^env: got no account\/eu-west-1;/);
  });

  test('an isolated environment reusing a block gets no overlap warning: the fleet decided', () => {
    const isolated = new App(APP_PROPS);
    const fleet = Fleet.fromJson(mutated((f) => { f.environments[1].regions[0].cidr = '10.30.0.0/16'; f.environments[1].connected = false; }));
    for (const stage of NuminiaBaselineStage.forFleet(isolated, fleet)) {
      expect(Annotations.fromStack(stage.stack).findWarning('*', Match.stringLikeRegexp('overlaps'))).toEqual([]);
    }
  });
});
