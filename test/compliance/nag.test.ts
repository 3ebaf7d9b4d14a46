import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { complianceMatrix } from './matrix';
import { NuminiaBaselineProps } from '../../src';
import { baselineStack } from '../util';

const PACKS: Array<() => NagPack> = [
  () => new AwsSolutionsChecks(),
  () => new NIST80053R5Checks(),
  () => new HIPAASecurityChecks(),
  () => new PCIDSS321Checks(),
];

function findings(props: Partial<NuminiaBaselineProps>, pack: NagPack): string[] {
  const { app } = baselineStack(props);
  return pack.validateScope(app).violations.map(
    (v) => `${v.ruleName} (${v.severity}) on ${v.violatingResources.map((r) => r.resourceLogicalId).join(', ')}: ${v.description.slice(0, 120)}`,
  );
}

describe('compliance: cdk-nag packs', () => {
  describe.each(complianceMatrix())('%s', (_name, props) => {
    test.each(PACKS.map((make) => [make().readPackName, make]))('%s: no unacknowledged finding', (_pack, make) => {
      expect(findings(props, (make as () => NagPack)())).toEqual([]);
    });
  });

  // A control the user turns off is reported, not hidden: only findings that are right for every user are acknowledged.
  test('the packs report what a user turns off: EFS without automatic backups', () => {
    expect(findings({ fileSystem: { automaticBackups: false } }, new NIST80053R5Checks())).toEqual([
      expect.stringMatching(/^NIST\.800\.53\.R5-EFSInBackupPlan \(error\)/),
    ]);
  });

  test('the packs report what a user turns off: CloudTrail without CloudWatch Logs delivery', () => {
    expect(findings({ logging: { cloudTrail: { sendToCloudWatchLogs: false } } }, new NIST80053R5Checks())).toEqual([
      expect.stringMatching(/^NIST\.800\.53\.R5-CloudTrailCloudWatchLogsEnabled \(error\)/),
    ]);
  });
});
