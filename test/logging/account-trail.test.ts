import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { NuminiaBaseline, NuminiaBaselineProps } from '../../src';

const ACCOUNT = '111111111111';

/** One app, a stack per baseline; built-in validation off: these tests count resources, not warnings of it. */
/** `region` undefined: a region-agnostic stack of a concrete account. */
function appWith(specs: Array<{ environment: string; region?: string; account?: string | null; props?: Partial<NuminiaBaselineProps> }>) {
  const app = new App({ builtinCloudFormationValidation: false });
  const built = specs.map(({ environment, region, account, props }) => {
    const env = account === null ? { region } : { account: account ?? ACCOUNT, region };
    const stack = new Stack(app, `${environment}-${region ?? 'any-region'}`, { env });
    const baseline = new NuminiaBaseline(stack, 'Baseline', { environment, ...props });
    return { stack, baseline, template: () => Template.fromStack(stack) };
  });
  return { app, built };
}

const cloudTrailStatements = (template: Template) =>
  JSON.stringify(template.findResources('AWS::KMS::Key')).match(/cloudtrail\.amazonaws\.com/g) ?? [];

describe('one multi-region trail per account among the baselines of an app', () => {
  test('two regions of one account: the home region holds the trail, the other none, and knows where it is', () => {
    // GIVEN the home region named on both, the other region constructed first
    const { built: [us, eu] } = appWith([
      { environment: 'production', region: 'us-east-1', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
      { environment: 'production', region: 'eu-west-1', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
    ]);
    // THEN
    eu.template().resourceCountIs('AWS::CloudTrail::Trail', 1);
    us.template().resourceCountIs('AWS::CloudTrail::Trail', 0);
    expect(us.baseline.trail).toBeUndefined();
    expect(us.baseline.trailBucket).toBeUndefined();
    expect(eu.baseline.trail).toBeDefined();
    Annotations.fromStack(us.stack).hasInfo('*', Match.stringLikeRegexp('no CloudTrail trail here: .* home region eu-west-1'));
  });

  test('the other region has no trail buckets, no trail log group, and its logs key grants CloudTrail nothing', () => {
    const { built: [eu, us] } = appWith([
      { environment: 'production', region: 'eu-west-1', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
      { environment: 'production', region: 'us-east-1', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
    ]);
    const template = us.template();
    template.resourceCountIs('AWS::S3::Bucket', 0);
    // The flow logs' and the bastion's (patching, sessions, the preferences' function): no trail log group.
    expect(Object.values(template.findResources('AWS::Logs::LogGroup')).map((g) => g.Properties.LogGroupName).sort()).toEqual([
      '/numinia/production/bastion-patching', '/numinia/production/bastion-sessions', '/numinia/production/session-preferences', '/numinia/production/vpc-flow-logs',
    ]);
    expect(cloudTrailStatements(template)).toEqual([]);
    // its own log groups (flow logs, the bastion's) may use the key
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } } })]) },
    });
    expect(JSON.stringify(template.toJSON())).not.toContain('/production/cloudtrail');
    expect(cloudTrailStatements(eu.template()).length).toBeGreaterThan(0);
    expect(us.baseline.accountTrailArn).toBeDefined();
    expect(us.stack.resolve(us.baseline.accountTrailArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:eu-west-1:111111111111:trail/numinia-production-audit']],
    });
  });

  test('without a home region, the first baseline of the account holds it: two environments, one trail', () => {
    const { built: [staging, development] } = appWith([
      { environment: 'staging', region: 'eu-west-1' },
      { environment: 'development', region: 'eu-central-1' },
    ]);
    staging.template().resourceCountIs('AWS::CloudTrail::Trail', 1);
    development.template().resourceCountIs('AWS::CloudTrail::Trail', 0);
    Annotations.fromStack(development.stack).hasInfo('*', Match.stringLikeRegexp('numinia-staging-audit is created by the baseline at staging-eu-west-1/Baseline'));
  });

  test('two accounts: a trail each', () => {
    const { built } = appWith([
      { environment: 'staging', region: 'eu-west-1', account: '111111111111' },
      { environment: 'production', region: 'eu-west-1', account: '222222222222' },
    ]);
    built.forEach((b) => b.template().resourceCountIs('AWS::CloudTrail::Trail', 1));
  });

  test('unknown accounts cannot be compared: each keeps its trail, unless its region is not the named home region', () => {
    const { built: [a, b, c] } = appWith([
      { environment: 'staging', region: 'eu-west-1', account: null },
      { environment: 'production', region: 'eu-west-1', account: null },
      { environment: 'sandbox', region: 'us-east-1', account: null, props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
    ]);
    a.template().resourceCountIs('AWS::CloudTrail::Trail', 1);
    b.template().resourceCountIs('AWS::CloudTrail::Trail', 1);
    c.template().resourceCountIs('AWS::CloudTrail::Trail', 0);
  });

  test('fails when two baselines of one account name different home regions', () => {
    expect(() => appWith([
      { environment: 'staging', region: 'eu-west-1', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
      { environment: 'production', region: 'us-east-1', props: { logging: { cloudTrail: { homeRegion: 'us-east-1' } } } },
    ])).toThrow(/logging\.cloudTrail\.homeRegion: got us-east-1, but the baseline at staging-eu-west-1\/Baseline of the same account 111111111111 names eu-west-1/);
  });

  test('fails when a later baseline names a home region other than where the first one already put the trail', () => {
    expect(() => appWith([
      { environment: 'staging', region: 'eu-west-1' },
      { environment: 'production', region: 'us-east-1', props: { logging: { cloudTrail: { homeRegion: 'us-east-1' } } } },
    ])).toThrow('logging.cloudTrail.homeRegion: got us-east-1, but the baseline at staging-eu-west-1/Baseline of the same account 111111111111 already '
      + "creates the account's trail in eu-west-1 (it names no home region, so the first baseline of the account holds it); give every "
      + 'baseline of the account the same logging.cloudTrail.homeRegion');
  });

  test('a later baseline may name the home region where the first one, naming none, already put the trail', () => {
    // GIVEN the trail's holder names no home region, a baseline in another region names the holder's region
    const { built: [holder, later] } = appWith([
      { environment: 'staging', region: 'eu-west-1' },
      { environment: 'production', region: 'us-east-1', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
    ]);
    // THEN the later one holds none, knows the holder's trail, and says where it is
    holder.template().resourceCountIs('AWS::CloudTrail::Trail', 1);
    later.template().resourceCountIs('AWS::CloudTrail::Trail', 0);
    expect(later.stack.resolve(later.baseline.accountTrailArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:eu-west-1:111111111111:trail/numinia-staging-audit']],
    });
    Annotations.fromStack(later.stack).hasInfo('*',
      'no CloudTrail trail here: the account\'s multi-region trail numinia-staging-audit is created by the baseline at staging-eu-west-1/Baseline in eu-west-1');
  });

  test('without a home region, a second baseline of the account knows the first one\'s trail', () => {
    const { built: [, development] } = appWith([
      { environment: 'staging', region: 'eu-west-1' },
      { environment: 'development', region: 'eu-central-1' },
    ]);
    expect(development.stack.resolve(development.baseline.accountTrailArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:eu-west-1:111111111111:trail/numinia-staging-audit']],
    });
  });

  test('a region-agnostic baseline that names the home region holds the trail for it; the home region\'s baseline then knows it', () => {
    // GIVEN a concrete account, the holder's region unknown at synth time, the home region named on both
    const { built: [holder, home] } = appWith([
      { environment: 'staging', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } }, network: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] } } },
      { environment: 'production', region: 'eu-west-1', props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
    ]);
    holder.template().resourceCountIs('AWS::CloudTrail::Trail', 1);
    home.template().resourceCountIs('AWS::CloudTrail::Trail', 0);
    // THEN the trail is taken to be in the home region
    expect(home.stack.resolve(home.baseline.accountTrailArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:eu-west-1:111111111111:trail/numinia-staging-audit']],
    });
    Annotations.fromStack(home.stack).hasInfo('*', 'no CloudTrail trail here: the account\'s multi-region trail numinia-staging-audit is created by the baseline at staging-any-region/Baseline in eu-west-1');
  });

  test('an unknown account in its named home region keeps its trail; elsewhere it says where the trail is', () => {
    const { built: [home, other] } = appWith([
      { environment: 'staging', region: 'eu-west-1', account: null, props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
      { environment: 'sandbox', region: 'us-east-1', account: null, props: { logging: { cloudTrail: { homeRegion: 'eu-west-1' } } } },
    ]);
    home.template().resourceCountIs('AWS::CloudTrail::Trail', 1);
    other.template().resourceCountIs('AWS::CloudTrail::Trail', 0);
    expect(other.baseline.accountTrailArn).toBeUndefined();
    Annotations.fromStack(other.stack).hasInfo('*',
      'no CloudTrail trail here: logging.cloudTrail.homeRegion is eu-west-1, where the account\'s multi-region trail is created');
  });

  test('fails when the home region is not a region name', () => {
    expect(() => appWith([{ environment: 'staging', region: 'eu-west-1', props: { logging: { cloudTrail: { homeRegion: 'Ireland' } } } }]))
      .toThrow(/logging\.cloudTrail\.homeRegion: got "Ireland"; expected a region name such as eu-west-1/);
  });

  test('fails when the home region is set on a disabled trail', () => {
    expect(() => appWith([{ environment: 'staging', region: 'eu-west-1', props: { logging: { cloudTrail: { enabled: false, homeRegion: 'eu-west-1' } } } }]))
      .toThrow(/logging\.cloudTrail\.enabled: false, yet logging\.cloudTrail\.homeRegion is set/);
  });
});
