import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ResourceImpact } from '@aws-cdk/cloudformation-diff';
import * as logs from 'aws-cdk-lib/aws-logs';
import { JsiiAssembly, readAssembly, unknownProps } from '../../scripts/release/known-props';
import { describeViolation, insertAfterNewestEntry, releaseNotesSection, upgradeDiff, UPGRADE_STATEFUL_TYPES } from '../../scripts/release/upgrade-diff';
import { complianceMatrix } from '../compliance/matrix';
import { STATEFUL_TYPES, synthTemplate } from '../util';

type Template = Record<string, unknown>;
const ROOT = path.resolve(__dirname, '../..');

const template = (resources: Record<string, unknown>): Template => ({ Resources: resources });
const vpc = (cidr: string) => ({ Type: 'AWS::EC2::VPC', Properties: { CidrBlock: cidr, EnableDnsSupport: true } });
const logGroup = (days: number) => ({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: days }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
const alias = (name: string) => ({ Type: 'AWS::KMS::Alias', Properties: { AliasName: name, TargetKeyId: 'key-1' } });
const route = () => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: 'rtb-1', DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' } });

describe('upgrade diff on two synthetic templates', () => {
  test('a changed VPC CIDR replaces the VPC: a violation naming the logical ID, the type and the property', () => {
    const diff = upgradeDiff(template({ Vpc: vpc('10.0.0.0/16') }), template({ Vpc: vpc('10.1.0.0/16') }));
    expect(diff.violations.map(describeViolation)).toEqual([
      'WILL_REPLACE AWS::EC2::VPC Vpc: property CidrBlock (WILL_REPLACE): "10.0.0.0/16" -> "10.1.0.0/16"',
    ]);
  });

  test('a changed log retention is an in-place update: listed, not a violation', () => {
    const diff = upgradeDiff(template({ Logs: logGroup(30) }), template({ Logs: logGroup(90) }));
    expect(diff.violations).toEqual([]);
    expect(diff.changes).toEqual([expect.objectContaining({
      logicalId: 'Logs',
      action: 'update',
      impact: ResourceImpact.WILL_UPDATE,
      stateful: true,
      causes: ['property RetentionInDays (WILL_UPDATE): 30 -> 90'],
    })]);
  });

  test('a removed retained resource is orphaned: a violation; a removed route is not', () => {
    const diff = upgradeDiff(template({ Logs: logGroup(30), Route: route() }), template({}));
    expect(diff.violations.map((v) => [v.logicalId, v.impact])).toEqual([['Logs', ResourceImpact.WILL_ORPHAN]]);
    expect(diff.changes.map((c) => [c.logicalId, c.action])).toEqual([['Logs', 'remove'], ['Route', 'remove']]);
  });

  test('key aliases and trails count as stateful besides the suite\'s stateful types', () => {
    expect(UPGRADE_STATEFUL_TYPES).toEqual([...STATEFUL_TYPES, 'AWS::KMS::Alias', 'AWS::CloudTrail::Trail']);
    const renamed = upgradeDiff(template({ Alias: alias('alias/numinia/production/logs') }), template({ Alias: alias('alias/numinia/prod/logs') }));
    expect(renamed.violations.map((v) => [v.type, v.impact, v.causes[0].split(' (')[0]])).toEqual([['AWS::KMS::Alias', ResourceImpact.WILL_REPLACE, 'property AliasName']]);
  });

  test('a changed logical ID is a removal and an addition: the removal is a violation and says so', () => {
    const diff = upgradeDiff(template({ VpcA: vpc('10.0.0.0/16') }), template({ VpcB: vpc('10.0.0.0/16') }));
    expect(diff.violations).toHaveLength(1);
    expect(diff.violations[0].impact).toBe(ResourceImpact.WILL_DESTROY);
    expect(diff.violations[0].causes.join('; ')).toContain('was added as VpcB: a changed logical ID replaces the resource');
  });

  test('a changed resource type replaces the resource', () => {
    const diff = upgradeDiff(template({ Thing: { Type: 'AWS::S3::Bucket', Properties: {} } }), template({ Thing: { Type: 'AWS::SQS::Queue', Properties: {} } }));
    expect(diff.violations.map(describeViolation)).toEqual(['WILL_REPLACE AWS::SQS::Queue Thing: Type: AWS::S3::Bucket -> AWS::SQS::Queue']);
  });

  test('construct-path metadata and the CDKMetadata resource are not changes', () => {
    const before = template({ Vpc: { ...vpc('10.0.0.0/16'), Metadata: { 'aws:cdk:path': 'A/Vpc' } }, CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:a' } } });
    const after = template({ Vpc: { ...vpc('10.0.0.0/16'), Metadata: { 'aws:cdk:path': 'B/Vpc' } }, CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:b' } } });
    expect(upgradeDiff(before, after).changes).toEqual([]);
  });
});

describe('upgrade diff on the baseline itself', () => {
  const baseline = synthTemplate().toJSON();

  test('a new VPC CIDR plan replaces the VPC and its subnets', () => {
    const moved = synthTemplate({
      network: {
        cidr: '10.1.0.0/16',
        publicSubnetCidrs: ['10.1.101.0/24', '10.1.102.0/24', '10.1.103.0/24'],
        privateSubnetCidrs: ['10.1.1.0/24', '10.1.2.0/24', '10.1.3.0/24'],
      },
    }).toJSON();
    const violations = upgradeDiff(baseline, moved).violations.map(describeViolation);
    expect(violations).toEqual(expect.arrayContaining([
      'WILL_REPLACE AWS::EC2::VPC BaselineNetworkVpc03811D27: property CidrBlock (WILL_REPLACE): "10.0.0.0/16" -> "10.1.0.0/16"',
      expect.stringMatching(/^WILL_REPLACE AWS::EC2::Subnet BaselineNetworkVpcPrivateSubnet1Subnet4D5B5213: property CidrBlock/),
    ]));
  });

  test('a longer flow-log retention changes the log group in place and replaces nothing', () => {
    const diff = upgradeDiff(baseline, synthTemplate({ logging: { flowLogRetention: logs.RetentionDays.THREE_MONTHS } }).toJSON());
    expect(diff.violations).toEqual([]);
    expect(diff.changes.map((c) => `${c.action} ${c.logicalId} ${c.causes.join('; ')}`)).toEqual([
      'update BaselineNetworkFlowLogGroup5D69D648 property RetentionInDays (WILL_UPDATE): 30 -> 90',
    ]);
  });

  test('the release notes list what the upgrade adds, changes in place, replaces and removes', () => {
    const diff = upgradeDiff(baseline, synthTemplate({ logging: { flowLogRetention: logs.RetentionDays.THREE_MONTHS } }).toJSON());
    const notes = releaseNotesSection({ from: 'v0.1.0', to: 'v0.1.1', diff, resourceCount: 86, configuration: 'the default baseline' });
    expect(notes).toContain('### Infrastructure changes on upgrade (the default baseline)');
    expect(notes).toContain('0 added, 1 changed in place, 0 replaced, 0 removed');
    expect(notes).toContain('**Changed in place** (1)\n\n- `BaselineNetworkFlowLogGroup5D69D648` (AWS::Logs::LogGroup, stateful, WILL_UPDATE): property RetentionInDays (WILL_UPDATE): 30 -> 90');
    expect(notes).not.toContain('**Replaced**');
    expect(releaseNotesSection({ to: 'v0.1.0', resourceCount: 86, configuration: 'the default baseline' })).toContain('First release: nothing to upgrade from');
  });
});

test('the release-notes section goes into the newest changelog entry, above the older ones', () => {
  const changelog = '\n## [0.1.1](x) (2026-12-01)\n\n### Features\n\n* b\n\n## 0.1.0 (2026-11-30)\n\n* a\n';
  expect(insertAfterNewestEntry(changelog, '\n### Infrastructure\n\nnotes\n')).toEqual(
    '\n## [0.1.1](x) (2026-12-01)\n\n### Features\n\n* b\n\n### Infrastructure\n\nnotes\n\n## 0.1.0 (2026-11-30)\n\n* a\n');
  expect(insertAfterNewestEntry('\n## 0.1.0 (2026-11-30)\n\n* a\n\n', '\n### I\n')).toEqual('\n## 0.1.0 (2026-11-30)\n\n* a\n\n### I\n');
});

/**
 * The command itself (`npx projen upgrade-check <old>`): an "old" library that is the compiled working copy with
 * another default VPC CIDR must fail the check, naming the VPC and the property; one that only keeps flow logs
 * longer must pass.
 */
describe('npx projen upgrade-check', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'numinia-upgrade-test-'));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  function fakeOldLibrary(name: string, extraProps: string): string {
    const dir = path.join(scratch, name);
    fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@numinia/cdk-baseline', version: `0.0.0-${name}` }));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(dir, 'lib', 'index.js'), [
      `const real = require(${JSON.stringify(path.join(ROOT, 'lib', 'index.js'))});`,
      'class NuminiaBaseline extends real.NuminiaBaseline {',
      `  constructor(scope, id, props) { super(scope, id, ${extraProps}); }`,
      '}',
      'module.exports = { ...real, NuminiaBaseline };',
    ].join('\n'));
    return dir;
  }

  function upgradeCheck(oldDir: string) {
    const result = spawnSync('npx', ['ts-node', '--transpile-only', '--project', 'tsconfig.dev.json', 'scripts/release/upgrade-check.ts',
      oldDir, '--only', 'the default baseline', '--no-jsii-diff', '--out', path.join(oldDir, 'report')], { cwd: ROOT, encoding: 'utf-8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  test('fails on a forced replacement of the VPC, printing the resource and the property', () => {
    const old = fakeOldLibrary('other-cidr', `{ ...props, network: { cidr: '10.9.0.0/16',
      publicSubnetCidrs: ['10.9.101.0/24', '10.9.102.0/24', '10.9.103.0/24'], privateSubnetCidrs: ['10.9.1.0/24', '10.9.2.0/24', '10.9.3.0/24'] } }`);
    const { status, output } = upgradeCheck(old);
    expect(output).toContain('FAIL    the default baseline');
    expect(output).toContain('stateful: WILL_REPLACE AWS::EC2::VPC BaselineNetworkVpc03811D27: property CidrBlock (WILL_REPLACE): "10.9.0.0/16" -> "10.0.0.0/16"');
    expect(status).toBe(1);
  });

  test('passes on an in-place change', () => {
    const old = fakeOldLibrary('longer-retention', "{ ...props, logging: { flowLogRetention: require('aws-cdk-lib/aws-logs').RetentionDays.THREE_MONTHS } }");
    const { status, output } = upgradeCheck(old);
    expect(output).toMatch(/PASS {4}the default baseline: \d+ resources; 0 added, 1 changed in place, 0 replaced, 0 removed/);
    expect(status).toBe(0);
  });
});

describe('props the old library does not know: the configuration is skipped, not diffed', () => {
  const PROPS = '@numinia/cdk-baseline.NuminiaBaselineProps';
  // The working copy's assembly, and the same without bastion.patching: a library from before the bastion's patching.
  const current = readAssembly(ROOT)!;
  const withoutPatching: JsiiAssembly = JSON.parse(JSON.stringify(current));
  const bastion = withoutPatching.types['@numinia/cdk-baseline.BastionProps'];
  (bastion as { properties: Array<{ name: string }> }).properties = bastion.properties!.filter((p) => p.name !== 'patching');

  test('every key is looked up, in nested structs of the library too; values of other types are not looked into', () => {
    const known = { environment: 'production', fileSystem: { enabled: false }, bastion: { patching: { approveAfterDays: 3 } }, tags: { a: 'b' } };
    expect(unknownProps(current, PROPS, known)).toEqual([]);
    const misspelt = { natGateway: 1, fileSystem: { enabld: false }, bastion: { patching: { approveAfter: 3 }, vpcSubnets: { anything: 1 } } };
    expect(unknownProps(current, PROPS, misspelt)).toEqual(['natGateway', 'fileSystem.enabld', 'bastion.patching.approveAfter']);
  });

  test('every configuration of the matrix uses only props the library knows (a typo would be compared as another configuration)', () => {
    expect(complianceMatrix().map(([name, props]) => [name, unknownProps(current, PROPS, props as Record<string, unknown>)]))
      .toEqual(complianceMatrix().map(([name]) => [name, []]));
  });

  test('a prop the old library lacks is named; an undefined one is not a use', () => {
    expect(unknownProps(withoutPatching, PROPS, { bastion: { enabled: true, patching: { enabled: false } } })).toEqual(['bastion.patching']);
    expect(unknownProps(withoutPatching, PROPS, { bastion: { enabled: true, patching: undefined } })).toEqual([]);
    // A library directory without .jsii says nothing of its props: its configurations are compared as they are.
    expect(readAssembly(fs.mkdtempSync(path.join(os.tmpdir(), 'no-jsii-')))).toBeUndefined();
    expect(() => unknownProps(current, '@numinia/cdk-baseline.Nothing', {})).toThrow('@numinia/cdk-baseline has no struct @numinia/cdk-baseline.Nothing');
  });
});
