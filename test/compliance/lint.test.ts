import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ACCEPTED_FINDINGS } from './accepted-findings';
import { pythonTool, synthMatrixTemplates, synthWithoutCdkMetadata } from './templates';

interface Finding {
  readonly tool: 'cfn-lint' | 'checkov';
  readonly rule: string;
  readonly resource: string;
  readonly config: string;
  readonly message: string;
}

/** Runs a tool that exits non-zero when it finds something; its JSON report is what counts. */
function runReporting(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; status?: number };
    if (failed.stdout && failed.stdout.trim().startsWith('[') || failed.stdout?.trim().startsWith('{')) {
      return failed.stdout;
    }
    throw new Error(`${path.basename(tool)} failed (exit ${failed.status}): ${failed.stderr ?? ''}`);
  }
}

function isAccepted(finding: Finding): boolean {
  return ACCEPTED_FINDINGS.some((a) => a.tool === finding.tool && a.rule === finding.rule && a.resource.test(finding.resource));
}

describe('compliance: cfn-lint and checkov over the configuration matrix', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'baseline-lint-'));
  let templates: Array<{ name: string; file: string }> = [];
  const configOf = (file: string) => templates.find((t) => path.resolve(t.file) === path.resolve(file))?.name ?? file;
  let findings: Finding[] = [];

  beforeAll(() => {
    templates = [...synthMatrixTemplates(outdir), synthWithoutCdkMetadata(outdir)];
    const lint = JSON.parse(runReporting(pythonTool('cfn-lint'), ['--format', 'json', ...templates.map((t) => t.file)]) || '[]');
    const lintFindings: Finding[] = lint.map((m: any) => ({
      tool: 'cfn-lint',
      rule: m.Rule.Id,
      resource: m.Location.Path[0] === 'Resources' ? m.Location.Path[1] : m.Location.Path.join('/'),
      config: configOf(m.Filename),
      message: m.Message,
    }));
    // --skip-download: no call to Prisma Cloud for guideline links (there is no internet here, nor should a test need it).
    const report = JSON.parse(
      runReporting(pythonTool('checkov'), ['--quiet', '--compact', '--skip-download', '-o', 'json', '--framework', 'cloudformation', '-d', outdir]),
    );
    const reports = Array.isArray(report) ? report : [report];
    expect(reports.reduce((n: number, r: any) => n + (r.summary?.parsing_errors ?? 0), 0)).toBe(0);
    const checkovFindings: Finding[] = reports.flatMap((r: any) =>
      (r.results?.failed_checks ?? []).map((c: any) => ({
        tool: 'checkov',
        rule: c.check_id,
        resource: c.resource.split('.').slice(1).join('.'),
        config: configOf(c.file_abs_path),
        message: c.check_name,
      })),
    );
    findings = [...lintFindings, ...checkovFindings];
  });

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('every configuration of the matrix was linted', () => {
    expect(templates.length).toBeGreaterThanOrEqual(11);
  });

  test('cfn-lint reports no error and no warning, but for W3010 on the template without CDK metadata', () => {
    const lint = findings.filter((f) => f.tool === 'cfn-lint');
    expect(lint.filter((f) => f.rule !== 'W3010')).toEqual([]);
    expect([...new Set(lint.map((f) => f.config))]).toEqual(['the default baseline without CDK metadata']);
  });

  test('no finding outside the reviewed list of accepted findings', () => {
    const unaccepted = findings
      .filter((f) => !isAccepted(f))
      .map((f) => `${f.tool} ${f.rule} on ${f.resource} (${f.config}): ${f.message}`);
    expect(unaccepted).toEqual([]);
  });

  test('every accepted finding still occurs (no stale acceptance), and each has a reason', () => {
    for (const accepted of ACCEPTED_FINDINGS) {
      expect(accepted.reason.length).toBeGreaterThan(30);
      const occurs = findings.some((f) => f.tool === accepted.tool && f.rule === accepted.rule && accepted.resource.test(f.resource));
      const label = `${accepted.tool} ${accepted.rule} ${accepted.resource}`;
      expect([label, occurs]).toEqual([label, true]);
    }
  });
});
