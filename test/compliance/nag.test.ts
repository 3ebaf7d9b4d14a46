import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { NatGateways, NuminiaBaselineProps } from '../../src';
import { baselineStack } from '../util';

const keyArn = (n: number) => `arn:aws:kms:eu-west-1:111111111111:key/${n}1111111-2222-3333-4444-555555555555`;
const externalKey = (n: number) => kms.Key.fromKeyArn(new Stack(), `Key${n}`, keyArn(n));

/** Every configuration a user can choose, at least once: each must come out clean under every pack. */
const MATRIX: Array<[string, Partial<NuminiaBaselineProps>]> = [
  ['the default baseline', {}],
  ['NAT: single', { network: { natGateways: NatGateways.SINGLE } }],
  ['NAT: none', { network: { natGateways: NatGateways.NONE } }],
  ['file system off', { fileSystem: { enabled: false } }],
  ['bastion off', { bastion: { enabled: false } }],
  ['CloudTrail off', { logging: { cloudTrail: { enabled: false } } }],
  [
    'a custom CIDR plan over 2 zones with a database tier',
    {
      network: {
        cidr: '172.20.0.0/16',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        publicSubnetCidrs: ['172.20.0.0/24', '172.20.1.0/24'],
        privateSubnetCidrs: ['172.20.16.0/20', '172.20.32.0/20'],
        databaseSubnetCidrs: ['172.20.64.0/24', '172.20.65.0/24'],
      },
    },
  ],
  ['bring-your-own keys', { encryption: { eksSecretsKey: externalKey(1), fileSystemKey: externalKey(2), logsKey: externalKey(3) } }],
  ['another project and cluster names', { project: 'acme', bastion: { eksClusterNames: ['platform-*', 'tools'] } }],
];

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
  describe.each(MATRIX)('%s', (_name, props) => {
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
