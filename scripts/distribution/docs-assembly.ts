/**
 * The guides of docs/ as a jsii assembly of their own, for jsii-rosetta. jsii stores README.md in .jsii, so
 * `jsii-rosetta extract` finds and compiles its snippets; docs/*.md are in no assembly (and not in the npm package).
 * This writes <out>/.jsii: the package's assembly without its types and README, with one submodule per guide whose
 * README is that guide. `jsii-rosetta extract --strict` then compiles every TypeScript snippet of docs/ as it compiles
 * the README's: completed with the fixtures of rosetta/ (<out>/rosetta links to it) unless the fence says `nofixture`,
 * and any snippet that does not compile fails. A snippet's location reads `docs/<guide>.md-README-L<line>`.
 *
 * Usage: ts-node scripts/distribution/docs-assembly.ts <out directory>   (after `npx projen compile`)
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');

/** The guides, in name order. */
export function guides(): string[] {
  return fs.readdirSync(DOCS).filter((name) => name.endsWith('.md')).sort();
}

function main(out: string): void {
  const assembly = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf-8'));
  const docsAssembly = {
    ...assembly,
    readme: undefined,
    types: {},
    submodules: Object.fromEntries(guides().map((name) => [
      `docs/${name}`,
      { readme: { markdown: fs.readFileSync(path.join(DOCS, name), 'utf-8') } },
    ])),
  };
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, '.jsii'), JSON.stringify(docsAssembly));
  const fixtures = path.join(out, 'rosetta');
  if (!fs.existsSync(fixtures)) fs.symlinkSync(path.join(ROOT, 'rosetta'), fixtures);
  console.log(`docs assembly: ${guides().map((name) => `docs/${name}`).join(', ')} -> ${path.join(out, '.jsii')}`);
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: docs-assembly.ts <out directory>');
    process.exit(2);
  }
  main(out);
}
