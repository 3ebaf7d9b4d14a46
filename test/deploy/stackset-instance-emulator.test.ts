/**
 * A StackSet stack instance deleted and created again in the same account and region, in the local emulator. The
 * instance's log groups are retained (audit records outlive the stack) and their names are fixed, so that key
 * policies can name them: with the same names the second instance would fail on the first one's log groups
 * ("already exists"). StackSetBaseline ends each name with the stack instance's ID; this test creates, deletes and
 * creates again, and shows the same template with the names made fixed fails in the emulator as it would on AWS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { deleteStackWithSdk } from './harness/deploy';
import { Emulator } from './harness/emulator';
import { EMULATOR_REGION } from './harness/emulator-env';
import { patchTemplateForMoto, Template } from './harness/moto-quirks';
import { synthStackSetTemplate } from '../fleet/stackset-template';

const SCENARIO_TIMEOUT_MS = 5 * 60_000;
const BUCKET = 'stackset-instance-templates';

let emulator: Emulator;
let template: Template;

/** CreateStack of a StackSet instance as StackSets name them; the stack's status, or the API's refusal. */
async function createInstance(stackName: string, body: Template): Promise<string> {
  const key = `${stackName}.json`;
  await emulator.clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: JSON.stringify(patchTemplateForMoto(body)) }));
  try {
    await emulator.clients.cloudFormation.send(new CreateStackCommand({
      StackName: stackName,
      TemplateURL: `${emulator.endpoint}/${BUCKET}/${key}`,
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      OnFailure: 'DO_NOTHING',
    }));
  } catch (error) {
    // QUIRK (moto 5.2): a resource that fails inside CreateStack answers HTTP 500 with the resource's own error (JSON)
    // as the body of this XML API: the SDK cannot parse it, but keeps the body's text.
    const response = (error as { $responseBodyText?: string }).$responseBodyText;
    return `refused: ${response ?? String(error)}`;
  }
  const [stack] = (await emulator.clients.cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks ?? [];
  return stack.StackStatus!;
}

const logGroupNames = async () =>
  ((await emulator.clients.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => g.logGroupName!).sort();

/** The template with every log group's name reduced to its fixed part, as it was before names were instance-scoped. */
function withFixedLogGroupNames(source: Template): Template {
  const copy: Template = JSON.parse(JSON.stringify(source));
  for (const resource of Object.values(copy.Resources).filter((r) => r.Type === 'AWS::Logs::LogGroup')) {
    resource.Properties!.LogGroupName = resource.Properties!.LogGroupName['Fn::Join'][1][0].replace(/-$/, '');
  }
  return copy;
}

beforeAll(async () => {
  emulator = await Emulator.start();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackset-instance-'));
  try {
    // The emulator cannot run the Lambda behind aws-cdk-lib's default security group custom resource; the StackSet
    // variant has none (it carries no asset).
    template = synthStackSetTemplate(outdir).json;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  await emulator.clients.s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: EMULATOR_REGION } }));
}, SCENARIO_TIMEOUT_MS);

afterAll(async () => {
  await emulator?.stop();
}, 60_000);

describe('a StackSet instance deleted and created again in the same account and region', () => {
  test('the second instance is created beside the log groups the first one retained', async () => {
    const first = 'StackSet-numinia-workload-0f6d4c1e-1a2b-4c3d-8e9f-000000000001';
    expect(await createInstance(first, template)).toBe('CREATE_COMPLETE');
    const firstGroups = await logGroupNames();
    // The home region's instance: the bastion's (patching, sessions, the preferences' handler), the trail's and the
    // flow logs', each ending with the stack's ID.
    expect(firstGroups).toEqual(['bastion-patching', 'bastion-sessions', 'cloudtrail', 'session-preferences', 'vpc-flow-logs']
      .map((name) => expect.stringMatching(new RegExp(`^/numinia/workload/${name}-[0-9a-f-]{36}$`))));
    await deleteStackWithSdk(emulator, first);
    expect(await logGroupNames()).toEqual(firstGroups);

    const second = 'StackSet-numinia-workload-0f6d4c1e-1a2b-4c3d-8e9f-000000000002';
    expect(await createInstance(second, template)).toBe('CREATE_COMPLETE');
    const groups = await logGroupNames();
    expect(groups).toHaveLength(2 * firstGroups.length);
    expect(groups).toEqual(expect.arrayContaining(firstGroups));
    await deleteStackWithSdk(emulator, second);
  }, SCENARIO_TIMEOUT_MS);

  test('with fixed names, as before, the second instance fails on the first one\'s retained log groups', async () => {
    const fixed = withFixedLogGroupNames(template);
    const first = 'StackSet-numinia-fixed-0f6d4c1e-1a2b-4c3d-8e9f-000000000003';
    // The project and environment of the other test: another environment, so the names do not meet theirs.
    const body = JSON.parse(JSON.stringify(fixed).replace(/\/numinia\/workload\//g, '/numinia/fixed/'));
    expect(await createInstance(first, body)).toBe('CREATE_COMPLETE');
    await deleteStackWithSdk(emulator, first);
    const second = await createInstance('StackSet-numinia-fixed-0f6d4c1e-1a2b-4c3d-8e9f-000000000004', body);
    expect(second).toBe('refused: {"__type": "ResourceAlreadyExistsException", "message": "The specified log group already exists"}');
  }, SCENARIO_TIMEOUT_MS);
});
