/**
 * Issue "application repos": the baseline publishes its outputs to SSM, and a separate application app
 * (examples/application/app.ts) that imports them with `NuminiaBaseline.fromParameters` deploys on top of it.
 * The hand-off is proven on the emulator: the application's resources end up attached to the baseline's own
 * file system and security group, whose IDs only reached the application through SSM parameters at deploy time.
 */
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { DescribeAccessPointsCommand } from '@aws-sdk/client-efs';
import { buildEmulatorApp } from './apps/emulator-app';
import { PRODUCTION_STACK_NAME } from './apps/production-props';
import { deployWithCdk, newAssemblyDir, synthesize, SynthesizedStack } from './harness/deploy';
import { Emulator } from './harness/emulator';
import { stackResources } from './harness/read-back';
import { buildApplicationApp } from '../../examples/application/app';

const SCENARIO_TIMEOUT_MS = 5 * 60_000;
const APPLICATION_STACK_NAME = 'numinia-production-worker';

let emulator: Emulator;
let baseline: SynthesizedStack;
let application: SynthesizedStack;
let baselineIds: Record<string, string>;

beforeAll(async () => {
  emulator = await Emulator.start();
  baseline = synthesize(buildEmulatorApp({ outdir: newAssemblyDir(emulator, 'baseline') }).app, PRODUCTION_STACK_NAME);
  application = synthesize(buildApplicationApp(newAssemblyDir(emulator, 'application')).app, APPLICATION_STACK_NAME);
  await emulator.reset();
  await emulator.bootstrap();
  await deployWithCdk(emulator, baseline);
  await deployWithCdk(emulator, application);
  baselineIds = Object.fromEntries(
    Object.entries(await stackResources(emulator.clients, PRODUCTION_STACK_NAME)).map(([logicalId, r]) => [logicalId, r.physicalId]),
  );
}, SCENARIO_TIMEOUT_MS);

afterAll(async () => {
  await emulator?.stop();
}, 60_000);

const baselineId = (logicalIdPrefix: string): string => {
  const entry = Object.entries(baselineIds).find(([logicalId]) => logicalId.startsWith(logicalIdPrefix));
  if (!entry) throw new Error(`no baseline resource ${logicalIdPrefix}*`);
  return entry[1];
};

test('the application template holds no baseline ID: only SSM parameter types under /numinia/production/baseline/', () => {
  const parameters = Object.values<any>(application.template.Parameters ?? {}).filter((p) => p.Default?.startsWith('/numinia/'));
  expect(parameters.length).toBeGreaterThanOrEqual(9);
  expect(JSON.stringify(application.template.Resources)).not.toMatch(/fs-[0-9a-f]{8}|sg-[0-9a-f]{8}|subnet-[0-9a-f]{8}/);
});

test('the worker\'s access point is on the baseline\'s file system (efs/file-system-id resolved at deploy time)', async () => {
  const fileSystemId = baselineId('BaselineStorageFileSystem');
  const { AccessPoints } = await emulator.clients.efs.send(new DescribeAccessPointsCommand({ FileSystemId: fileSystemId }));
  expect(AccessPoints?.map((a) => a.RootDirectory?.Path)).toEqual(['/worker']);
});

test('NFS is opened on the baseline\'s EFS security group for the worker (efs/security-group-id resolved)', async () => {
  const groupId = baselineId('BaselineStorageSecurityGroup');
  const { SecurityGroups } = await emulator.clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
  const nfsFromGroups = (SecurityGroups?.[0].IpPermissions ?? [])
    .filter((p) => p.FromPort === 2049)
    .flatMap((p) => (p.UserIdGroupPairs ?? []).map((pair) => pair.GroupId));
  expect(nfsFromGroups).toHaveLength(1);
});
