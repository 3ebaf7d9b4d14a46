import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { buildFleetApp } from '../../examples/fleet/app';
import { WORKLOADS_OU } from '../../examples/fleet/stacksets';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'fleet');
const CONTEXT_FILE = path.join(EXAMPLE, 'cdk.context.json');

describe('examples/fleet: the pipeline and the StackSet variant', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-example-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  // Synthesized in each test, not in the describe body (mutation testing would count it static: README).
  const synthesized = () => {
    const built = buildFleetApp({ outdir: path.join(outdir, 'in-process'), context: JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf8')) });
    return { ...built, assembly: built.app.synth() };
  };

  test('a pipeline of 7 environment-regions over 3 accounts and 2 regions, each stage in its own account', () => {
    const { fleet, pipeline, assembly } = synthesized();
    const stages = assembly.nestedAssemblies.map((n) => n.nestedAssembly.stacks.map((s) => s.environment.name)).flat();
    expect(stages).toHaveLength(7);
    expect(new Set(stages.map((e) => e.split('/')[2])).size).toBe(3);
    expect(new Set(stages.map((e) => e.split('/')[3]))).toEqual(new Set(['eu-west-1', 'us-east-1']));
    expect(pipeline.rollout.stages.map((s) => s.stageName)).toEqual(fleet.targets.map((t) => t.id));
    const [codePipeline] = Object.values(Template.fromStack(pipeline.stack).findResources('AWS::CodePipeline::Pipeline'));
    expect(codePipeline.Properties.Stages.map((s: any) => s.Name)).toEqual([
      'Source', 'Build', 'UpdatePipeline', 'Assets',
      'development-home-regions', 'development-us-east-1', 'staging-eu-west-1', 'staging-us-east-1', 'production-eu-west-1', 'production-us-east-1',
    ]);
  });

  test('no context lookup is left for the CLI to make, and nothing but information is reported', () => {
    const { assembly } = synthesized();
    expect(assembly.manifest.missing ?? []).toEqual([]);
    const messages = (a: CloudAssembly): string[] => [
      ...a.stacks.flatMap((s) => s.messages.filter((m) => m.level !== 'info').map((m) => `${s.id}: ${m.entry.data}`)),
      ...a.nestedAssemblies.flatMap((n) => messages(n.nestedAssembly)),
    ];
    expect(messages(assembly)).toEqual([]);
  });

  test('the StackSet: service-managed, auto-deployed to every account of the OU, home region first, template from the management account', () => {
    const { stackSets, assembly } = synthesized();
    Template.fromStack(stackSets.stack).hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: true },
      StackInstancesGroup: [{ DeploymentTargets: { OrganizationalUnitIds: [WORKLOADS_OU] }, Regions: ['eu-west-1', 'us-east-1'] }],
      OperationPreferences: Match.objectLike({ RegionConcurrencyType: 'SEQUENTIAL', RegionOrder: ['eu-west-1', 'us-east-1'] }),
      TemplateURL: Match.anyValue(),
    });
    const template = JSON.parse(fs.readFileSync(path.join(assembly.directory, stackSets.template.templateFile), 'utf8'));
    expect(Object.keys(template.Parameters)).toEqual(expect.arrayContaining(['VpcCidr', 'HomeRegion']));
  });

  test('cdk synth of the example, offline and without credentials, writes where the CLI says', () => {
    const out = path.join(outdir, 'cli');
    const before = fs.readFileSync(CONTEXT_FILE, 'utf8');
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--quiet', '--no-notices', '-o', out], {
      cwd: EXAMPLE,
      encoding: 'utf8',
      timeout: 300_000,
      env: { PATH: process.env.PATH, HOME: outdir, AWS_EC2_METADATA_DISABLED: 'true', CI: 'true', CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: 'true' },
    });
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(fs.existsSync(path.join(out, 'numinia-fleet-pipeline.template.json'))).toBe(true);
    expect(fs.readdirSync(out).filter((f) => f.startsWith('assembly-numinia-fleet-pipeline-'))).toHaveLength(7);
    expect(fs.readFileSync(CONTEXT_FILE, 'utf8')).toBe(before);
  });
});
