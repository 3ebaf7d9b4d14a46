/**
 * Writes schema/fleet.schema.json, the JSON Schema of a fleet file, from the compiled API: the `FleetProps` struct and
 * everything it holds, as jsii recorded them in `.jsii` (names, types, optionality, docs with their defaults), and the
 * enum values from the compiled module. Run after `compile` (`npx projen fleet-schema`); CI fails when the committed
 * schema is stale, as it does for API.md.
 *
 * Usage: ts-node scripts/fleet/fleet-schema.ts [--check]
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'schema', 'fleet.schema.json');
const ROOT_TYPE = 'FleetProps';

interface JsiiTypeRef {
  readonly primitive?: string;
  readonly fqn?: string;
  readonly collection?: { readonly kind: 'array' | 'map'; readonly elementtype: JsiiTypeRef };
}
interface JsiiDocs { readonly summary?: string; readonly remarks?: string; readonly default?: string }
interface JsiiProperty { readonly name: string; readonly optional?: boolean; readonly docs?: JsiiDocs; readonly type: JsiiTypeRef }
interface JsiiType {
  readonly kind: 'interface' | 'enum' | 'class';
  readonly name: string;
  readonly datatype?: boolean;
  readonly docs?: JsiiDocs;
  readonly properties?: JsiiProperty[];
  readonly members?: Array<{ readonly name: string; readonly docs?: JsiiDocs }>;
}

function describe(docs: JsiiDocs | undefined): string | undefined {
  const text = [docs?.summary, docs?.remarks].filter(Boolean).join(' ').replace(/\s*\n\s*/g, ' ');
  const withDefault = docs?.default !== undefined ? `${text} Default: ${docs.default.replace(/^- /, '')}` : text;
  return withDefault || undefined;
}

export function fleetSchema(): object {
  const assembly = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf8'));
  const types: Record<string, JsiiType> = assembly.types;
  // The compiled module, for the enums' values (.jsii records their member names only).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const library = require(path.join(ROOT, 'lib'));
  const definitions: Record<string, object> = {};

  const refOf = (fqn: string): object => {
    const type = types[fqn];
    if (type === undefined) {
      throw new Error(`${fqn} is not a type of this library: a fleet file can only hold this library's structs and enums`);
    }
    if (!(type.name in definitions)) {
      definitions[type.name] = {}; // placeholder against cycles
      definitions[type.name] = definitionOf(type);
    }
    return { $ref: `#/definitions/${type.name}` };
  };

  const schemaOf = (ref: JsiiTypeRef): object => {
    if (ref.primitive === 'string' || ref.primitive === 'number' || ref.primitive === 'boolean') {
      return { type: ref.primitive };
    }
    if (ref.collection?.kind === 'array') {
      return { type: 'array', items: schemaOf(ref.collection.elementtype) };
    }
    if (ref.collection?.kind === 'map') {
      return { type: 'object', additionalProperties: schemaOf(ref.collection.elementtype) };
    }
    if (ref.fqn !== undefined) {
      return refOf(ref.fqn);
    }
    throw new Error(`cannot express ${JSON.stringify(ref)} in JSON`);
  };

  const definitionOf = (type: JsiiType): object => {
    if (type.kind === 'enum') {
      const values = type.members!.map((m) => library[type.name][m.name]);
      return { description: describe(type.docs), type: 'string', enum: values };
    }
    if (type.kind !== 'interface' || !type.datatype) {
      throw new Error(`${type.name} is not a struct: a fleet file can only hold structs and enums`);
    }
    const properties = [...(type.properties ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    return {
      description: describe(type.docs),
      type: 'object',
      properties: Object.fromEntries(properties.map((p) => [p.name, { description: describe(p.docs), ...schemaOf(p.type) }])),
      required: properties.filter((p) => !p.optional).map((p) => p.name),
      additionalProperties: false,
    };
  };

  const root = refOf(`${assembly.name}.${ROOT_TYPE}`);
  const rootDefinition = definitions[ROOT_TYPE] as { properties: Record<string, object> };
  // Editors find the schema through `$schema`; it is the one property a fleet file may hold beyond FleetProps.
  rootDefinition.properties = { $schema: { description: 'The schema of this file.', type: 'string' }, ...rootDefinition.properties };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/numengames/numinia-cdk-baseline/schema/fleet.schema.json',
    title: `${assembly.name} fleet`,
    description: 'A fleet of Numinia baselines: accounts with their home regions, and environments over regions with their VPC CIDRs. ' +
      'Generated from the library\'s FleetProps by `npx projen fleet-schema`; read with Fleet.fromFile.',
    ...root,
    definitions,
  };
}

if (require.main === module) {
  const text = `${JSON.stringify(fleetSchema(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(OUT) || fs.readFileSync(OUT, 'utf8') !== text) {
      console.error(`${path.relative(ROOT, OUT)} is stale: run npx projen fleet-schema`);
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, text);
    console.log(`wrote ${path.relative(ROOT, OUT)}`);
  }
}
