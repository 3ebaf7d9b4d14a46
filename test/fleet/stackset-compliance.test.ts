import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { synthStackSetTemplate } from './stackset-template';
import { ACCEPTED_FINDINGS } from '../compliance/accepted-findings';
import { pythonTool } from '../compliance/templates';

const PACKS: Array<() => NagPack> = [
  () => new AwsSolutionsChecks(),
  () => new NIST80053R5Checks(),
  () => new HIPAASecurityChecks(),
  () => new PCIDSS321Checks(),
];

/** A linter exits non-zero when it finds something: its JSON report is what counts. */
function report(tool: string, args: string[]): any {
  try {
    return JSON.parse(execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }) || '[]');
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    if (out.trim().startsWith('[') || out.trim().startsWith('{')) {
      return JSON.parse(out);
    }
    throw error;
  }
}

describe('compliance of the StackSet variant', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackset-lint-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const synthesized = synthStackSetTemplate(outdir);

  // Reported, not hidden: without its Lambda-backed custom resource the VPC's default security group keeps AWS's rules
  // (the construct's warning says so, and docs/fleet.md says how an organisation closes it).
  test.each(PACKS.map((make) => [make().readPackName, make]))('%s: no unacknowledged finding but the open default security group', (pack, make) => {
    const violations = (make as () => NagPack)().validateScope(synthesized.stackSetStack).violations;
    const expected = pack === 'AwsSolutions' ? [] : [`${pack}-VPCDefaultSecurityGroupClosed on Management/Workload/Baseline/Baseline/Network/Vpc/Resource`];
    expect(violations.map((v) => `${v.ruleName} on ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual(expected);
  });

  test('cfn-lint: no error and no warning', () => {
    const findings = report(pythonTool('cfn-lint'), ['--format', 'json', synthesized.file]);
    expect(findings.map((f: any) => `${f.Rule.Id} ${f.Location.Path.join('/')}: ${f.Message}`)).toEqual([]);
  });

  test('checkov: nothing outside the reviewed accepted findings', () => {
    const dir = path.join(outdir, 'checkov');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(synthesized.file, path.join(dir, 'stackset.template.json'));
    const result = report(pythonTool('checkov'), ['--quiet', '--compact', '--skip-download', '-o', 'json', '--framework', 'cloudformation', '-d', dir]);
    const failed: any[] = (Array.isArray(result) ? result : [result]).flatMap((r: any) => r.results?.failed_checks ?? []);
    const unaccepted = failed
      .map((c) => ({ rule: c.check_id, resource: c.resource.split('.').slice(1).join('.') }))
      .filter((f) => !ACCEPTED_FINDINGS.some((a) => a.tool === 'checkov' && a.rule === f.rule && a.resource.test(f.resource)));
    expect(unaccepted).toEqual([]);
  });
});
