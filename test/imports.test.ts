import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The house rules of src/, read from the imports themselves (the TypeScript compiler's own pre-processor, so that
 * `import type`, `export ... from` and side-effect imports count too):
 *
 *   - private/ holds leaf helpers: it imports nothing outside private/.
 *   - an area (network, encryption, ...) imports private/ and other areas, never the construct, the recipe or the fleet.
 *   - the construct and its recipe (the files at the root of src/) import areas and private/, never the fleet.
 *   - the fleet, which rolls baselines out, sits on top; only the package's entry point (src/index.ts) imports it.
 *   - the package's command (src/cli/, `npx numinia-baseline`) sits beside the entry point: it may use every layer,
 *     and no layer imports it (importing src/cli/main.ts runs the command).
 *   - no circle, between files or between areas.
 */

const SRC = path.resolve(__dirname, '..', 'src');

type Layer = 'private' | 'area' | 'root' | 'fleet' | 'entry' | 'command';
const RANK: Record<Layer, number> = { private: 0, area: 1, root: 2, fleet: 3, entry: 4, command: 5 };
/** The package's entry point: it exports every layer. */
const ENTRY = 'index.ts';

export interface ImportEdge { readonly from: string; readonly to: string }

/** The folder that owns a file of src/ ('(root)' for the construct and its recipe, '(entry)' for the entry point). */
export function ownerOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 1 ? parts[0] : file === ENTRY ? '(entry)' : '(root)';
}

function layerOf(file: string): Layer {
  const owner = ownerOf(file);
  if (owner === 'cli') {
    return 'command';
  }
  return owner === '(entry)' ? 'entry' : owner === '(root)' ? 'root' : owner === 'private' || owner === 'fleet' ? owner : 'area';
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every relative import of src/, as paths relative to src/ ("network/network.ts"). */
export function importsOf(root: string, files: Record<string, string>): ImportEdge[] {
  return Object.entries(files).flatMap(([file, text]) => ts.preProcessFile(text, true, true).importedFiles
    .filter((imported) => imported.fileName.startsWith('.'))
    .map((imported) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), imported.fileName));
      const resolved = [`${target}.ts`, `${target}/index.ts`].find((candidate) => candidate in files);
      if (resolved === undefined) {
        throw new Error(`${file}: cannot resolve ${imported.fileName} under ${root}`);
      }
      return { from: file, to: resolved };
    }));
}

/** The imports that point up: out of private/, from an area into the construct or the fleet, from the construct into the fleet. */
export function upwardImports(edges: ImportEdge[]): string[] {
  return edges
    .filter(({ from, to }) => RANK[layerOf(to)] > RANK[layerOf(from)] || (layerOf(from) === 'private' && layerOf(to) !== 'private'))
    .map(({ from, to }) => `${from} (${layerOf(from)}) imports ${to} (${layerOf(to)})`);
}

/** The circles of a graph: its strongly connected components with more than one node, or a node importing itself. */
export function circles(edges: Array<{ from: string; to: string }>): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    next.set(from, [...(next.get(from) ?? []), to]);
    next.set(to, next.get(to) ?? []);
  }
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node)!) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || next.get(node)!.includes(node)) {
        found.push(component.sort());
      }
    }
  };
  [...next.keys()].sort().forEach((node) => index.has(node) || visit(node));
  return found;
}

function readSrc(): Record<string, string> {
  return Object.fromEntries(sourceFiles(SRC).map((file) => [path.relative(SRC, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')]));
}

test('imports point down: private/ is a leaf, areas never import the construct, the recipe or the fleet', () => {
  const edges = importsOf(SRC, readSrc());
  expect(edges.length).toBeGreaterThan(100);
  expect(upwardImports(edges)).toEqual([]);
});

test('no circle between files of src/', () => {
  expect(circles(importsOf(SRC, readSrc()))).toEqual([]);
});

test('no circle between the areas', () => {
  const edges = importsOf(SRC, readSrc())
    .map(({ from, to }) => ({ from: ownerOf(from), to: ownerOf(to) }))
    .filter(({ from, to }) => from !== to);
  expect(circles(edges)).toEqual([]);
});

test('the rules see what they are for: an upward import, an import out of private/, and a circle', () => {
  const files = {
    'index.ts': "export * from './recipe';\nexport * from './fleet/fleet';",
    'recipe.ts': "import { a } from './network/network';",
    'network/network.ts': "import type { Recipe } from '../recipe';\nimport { cidr } from '../private/cidr';",
    'private/cidr.ts': "export { x } from '../network/network';",
    'fleet/fleet.ts': "import { r } from '../recipe';\nimport { i } from '../index';",
    'cost/a.ts': "import { b } from './b';",
    'cost/b.ts': "import { a } from './a';",
    'cli/main.ts': "import { f } from '../fleet/fleet';\nimport { r } from '../recipe';",
    'eks/addon.ts': "import { run } from '../cli/main';",
  };
  const edges = importsOf('fixture', files);
  expect(upwardImports(edges)).toEqual([
    'network/network.ts (area) imports recipe.ts (root)',
    'private/cidr.ts (private) imports network/network.ts (area)',
    'fleet/fleet.ts (fleet) imports index.ts (entry)',
    'eks/addon.ts (area) imports cli/main.ts (command)',
  ]);
  expect(circles(edges)).toEqual([['network/network.ts', 'private/cidr.ts', 'recipe.ts'], ['fleet/fleet.ts', 'index.ts'], ['cost/a.ts', 'cost/b.ts']]);
  expect(() => importsOf('fixture', { 'a.ts': "import { b } from './missing';" })).toThrow(/a.ts: cannot resolve .\/missing/);
});
