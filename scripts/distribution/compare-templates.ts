/**
 * Compare the template every distribution consumer synthesized with the TypeScript consumer's.
 *
 * Reads `<outRoot>/<name>/consumer.json` ({ language, awsCdkLib, template }) written for each consumer by the
 * distribution stage (consumers.ts) or the release round trip. The reference of a language is the TypeScript app
 * synthesized with the same aws-cdk-lib version (both make one per version a consumer uses), so that a difference
 * points at the package, not at aws-cdk-lib.
 *
 * Before comparing, what differs by design is removed: the template's `Metadata` section and every resource's
 * `Metadata` (aws:cdk:path and friends), the `AWS::CDK::Metadata` version-reporting resource (CDKMetadata) and its
 * `CDKMetadataAvailable` condition, and asset hashes (64 hex digits, as in `S3Key: <hash>.zip`). Whether the asset
 * hashes were equal anyway is reported too.
 *
 * Usage: ts-node scripts/distribution/compare-templates.ts <outRoot> [<results.json>]
 * Prints PASS/FAIL per language; exits 1 if any language fails or has no reference.
 */
import * as fs from 'fs';
import * as path from 'path';

interface ConsumerRun {
  /** typescript, python, java, go; or typescript-reference for the extra TypeScript syntheses. */
  readonly language: string;
  /** The aws-cdk-lib version the consumer actually ran with. */
  readonly awsCdkLib: string;
  /** The template file, relative to the consumer.json. */
  readonly template: string;
}

interface Loaded extends ConsumerRun {
  readonly name: string;
  readonly body: Record<string, unknown>;
}

interface Result {
  readonly language: string;
  readonly awsCdkLib: string;
  readonly reference: string;
  readonly status: 'PASS' | 'FAIL';
  readonly assetHashesEqual: boolean;
  readonly resources: number;
  readonly differences: string[];
}

const ASSET_HASH = /\b[0-9a-f]{64}\b/g;
const MAX_DIFFERENCES = 20;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The template without what legitimately differs between two syntheses of the same app. */
export function normalize(template: Record<string, unknown>, hashes: 'keep' | 'mask'): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  delete copy.Metadata;
  const resources = isObject(copy.Resources) ? copy.Resources : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    if (resource.Type === 'AWS::CDK::Metadata') {
      delete resources[logicalId];
      continue;
    }
    delete resource.Metadata;
  }
  if (isObject(copy.Conditions)) {
    delete copy.Conditions.CDKMetadataAvailable;
    if (Object.keys(copy.Conditions).length === 0) delete copy.Conditions;
  }
  if (hashes === 'keep') return copy;
  return JSON.parse(JSON.stringify(copy).replace(ASSET_HASH, '<asset-hash>')) as Record<string, unknown>;
}

/** JSON paths where two values differ (at most `limit`). */
export function differences(a: unknown, b: unknown, at = '$', found: string[] = [], limit = MAX_DIFFERENCES): string[] {
  if (found.length >= limit) return found;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) found.push(`${at}: array of ${a.length} vs ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${at}[${i}]`, found, limit);
    return found;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (found.length >= limit) break;
      if (!(key in b)) found.push(`${at}.${key}: only in the TypeScript template`);
      else if (!(key in a)) found.push(`${at}.${key}: only in this template`);
      else differences(a[key], b[key], `${at}.${key}`, found, limit);
    }
    return found;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    found.push(`${at}: ${JSON.stringify(a)?.slice(0, 120)} (TypeScript) vs ${JSON.stringify(b)?.slice(0, 120)}`);
  }
  return found;
}

function load(outRoot: string): Loaded[] {
  const runs: Loaded[] = [];
  for (const name of fs.readdirSync(outRoot).sort()) {
    const file = path.join(outRoot, name, 'consumer.json');
    if (!fs.existsSync(file)) continue;
    const run = JSON.parse(fs.readFileSync(file, 'utf-8')) as ConsumerRun;
    const templateFile = path.resolve(path.dirname(file), run.template);
    if (!fs.existsSync(templateFile)) {
      throw new Error(`${name}: consumer.json names ${templateFile}, which does not exist`);
    }
    runs.push({ ...run, name, body: JSON.parse(fs.readFileSync(templateFile, 'utf-8')) as Record<string, unknown> });
  }
  return runs;
}

function main(): number {
  const [outRoot, resultsFile] = process.argv.slice(2);
  if (!outRoot) {
    console.error('usage: compare-templates.ts <outRoot> [<results.json>]');
    return 2;
  }
  const runs = load(outRoot);
  const typescript = runs.filter((r) => r.language === 'typescript' || r.language === 'typescript-reference');
  const primary = runs.find((r) => r.language === 'typescript');
  if (!primary) {
    console.error('FAIL typescript: no TypeScript template to compare with (the TypeScript consumer did not run)');
    return 1;
  }

  const results: Result[] = [];
  for (const run of runs.filter((r) => !r.language.startsWith('typescript'))) {
    const reference = typescript.find((r) => r.awsCdkLib === run.awsCdkLib);
    if (!reference) {
      results.push({
        language: run.language,
        awsCdkLib: run.awsCdkLib,
        reference: 'none',
        status: 'FAIL',
        assetHashesEqual: false,
        resources: 0,
        differences: [`no TypeScript template synthesized with aws-cdk-lib ${run.awsCdkLib}`],
      });
      continue;
    }
    const found = differences(normalize(reference.body, 'mask'), normalize(run.body, 'mask'));
    const exact = differences(normalize(reference.body, 'keep'), normalize(run.body, 'keep'), '$', [], 1).length === 0;
    results.push({
      language: run.language,
      awsCdkLib: run.awsCdkLib,
      reference: `${reference.name} (aws-cdk-lib ${reference.awsCdkLib})`,
      status: found.length === 0 ? 'PASS' : 'FAIL',
      assetHashesEqual: exact,
      resources: Object.keys(isObject(run.body.Resources) ? run.body.Resources : {}).length,
      differences: found,
    });
  }

  console.log('Template comparison with the TypeScript consumer (metadata, CDKMetadata and asset hashes aside):');
  for (const r of results) {
    const detail = r.status === 'PASS'
      ? `${r.resources} resources identical${r.assetHashesEqual ? ', asset hashes equal too' : ' (asset hashes differ)'}`
      : `${r.differences.length}${r.differences.length >= MAX_DIFFERENCES ? '+' : ''} difference(s)`;
    console.log(`  ${r.status} ${r.language.padEnd(6)} aws-cdk-lib ${r.awsCdkLib.padEnd(8)} vs ${r.reference}: ${detail}`);
    for (const d of r.status === 'FAIL' ? r.differences : []) console.log(`         ${d}`);
  }
  // Not a pass/fail criterion: do the TypeScript templates of different aws-cdk-lib versions agree?
  for (const other of typescript.filter((r) => r !== primary)) {
    const found = differences(normalize(primary.body, 'mask'), normalize(other.body, 'mask'), '$', [], 5);
    console.log(`  info   TypeScript aws-cdk-lib ${other.awsCdkLib} vs ${primary.awsCdkLib}: ${found.length === 0
      ? 'same template (asset hashes aside)' : `differs: ${found.join('; ')}`}`);
  }
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, undefined, 2) + '\n');
  return results.length > 0 && results.every((r) => r.status === 'PASS') ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main();
}
