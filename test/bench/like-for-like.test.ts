import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, environments, Kind, PRODUCTION, resourceTypeCounts, StackSpec, typeCountDifferences } from '../../bench/apps';

/**
 * The synth benchmark (bench/run.ts, `npm run bench`) prices the default baseline against the same resources written
 * by hand with aws-cdk-lib L2s (bench/hand-written-baseline.ts). Its ratios mean something only while the two
 * templates hold the same resource types in the same counts: when the baseline's defaults change, this fails until
 * the hand-written version follows.
 */
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Stack name -> its resource type -> count, for an app built exactly as the bench builds it. */
function typeCountsOf(kind: Kind, specs: StackSpec[]): Record<string, Record<string, number>> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'like-for-like-'));
  outdirs.push(outdir);
  // One synthesis of the whole app, as the bench's own check does, rather than one per stack.
  const stacks = buildApp(kind, outdir, specs).synth().stacks;
  return Object.fromEntries(stacks.map((stack) => [stack.stackName, resourceTypeCounts(Template.fromJSON(stack.template).toJSON())]));
}

describe.each<[string, StackSpec[]]>([
  ['the production stack of the synth comparison', PRODUCTION],
  // The scaling runs' environments, one per region they use.
  ['the scaling runs\' four regions', environments(4)],
])('the hand-written reference and the default baseline: %s', (_, specs) => {
  const baseline = typeCountsOf('baseline', specs);
  const handWritten = typeCountsOf('hand-written', specs);

  test('both apps hold the same stacks', () => {
    expect(Object.keys(handWritten).sort()).toEqual(Object.keys(baseline).sort());
    expect(Object.keys(baseline)).toHaveLength(specs.length);
  });

  test.each(Object.keys(baseline))('%s: the same resource types in the same counts', (stackName) => {
    expect(typeCountDifferences(baseline[stackName], handWritten[stackName] ?? {})).toEqual([]);
    expect(handWritten[stackName]).toEqual(baseline[stackName]);
  });

  test('monitoring is part of the comparison', () => {
    // The default baseline's monitoring area: the alarm topic, the CIS metric filters (and the bastion's tunnel count), the dashboard.
    for (const counts of Object.values(baseline)) {
      expect(counts).toMatchObject({ 'AWS::SNS::Topic': 1, 'AWS::Logs::MetricFilter': 16, 'AWS::CloudWatch::Dashboard': 1 });
    }
  });

  test('the bastion\'s operations are part of the comparison', () => {
    // Patch Manager, Session Manager's preferences (each stack's account is unknown: each holds them), the patch report rule.
    for (const counts of Object.values(baseline)) {
      expect(counts).toMatchObject({
        'AWS::SSM::PatchBaseline': 1,
        'AWS::SSM::Association': 1,
        'AWS::SSM::MaintenanceWindowTask': 1,
        'Custom::SessionManagerPreferences': 1,
        'AWS::Events::Rule': 1,
      });
    }
  });
});
