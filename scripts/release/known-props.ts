/**
 * The props of a configuration that a library version does not know, read from its jsii assembly (.jsii).
 *
 * JavaScript ignores an unknown key: the old library would synthesize another configuration than the one asked for (no
 * `fileSystem: { enabled: false }` means a file system), and the upgrade check would report the difference as a
 * removal of stateful resources. A configuration that uses props the old library lacks is skipped, saying which.
 */
import * as fs from 'fs';
import * as path from 'path';

interface TypeRef { readonly fqn?: string; readonly primitive?: string; readonly collection?: unknown; readonly union?: unknown }
interface JsiiProperty { readonly name: string; readonly type: TypeRef }
interface JsiiType { readonly kind: string; readonly datatype?: boolean; readonly properties?: JsiiProperty[]; readonly interfaces?: string[] }
export interface JsiiAssembly { readonly name: string; readonly types: Record<string, JsiiType> }

/** A library's jsii assembly, or undefined for a directory without one (a library not built by jsii). */
export function readAssembly(dir: string): JsiiAssembly | undefined {
  const file = path.join(dir, '.jsii');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf-8')) as JsiiAssembly : undefined;
}

/** A struct's properties, with those of the structs it extends. */
function structProperties(assembly: JsiiAssembly, fqn: string): JsiiProperty[] | undefined {
  const type = assembly.types[fqn];
  if (type === undefined || type.kind !== 'interface' || !type.datatype) {
    return undefined;
  }
  return [...(type.properties ?? []), ...(type.interfaces ?? []).flatMap((parent) => structProperties(assembly, parent) ?? [])];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The paths (`fileSystem.enabled`) of the props the assembly's struct does not declare, recursing into the structs of
 * the same assembly; values of other types (an aws-cdk-lib object, a map of tags) are not looked into.
 */
export function unknownProps(assembly: JsiiAssembly, structFqn: string, props: Record<string, unknown>, prefix = ''): string[] {
  const properties = structProperties(assembly, structFqn);
  if (properties === undefined) {
    throw new Error(`${assembly.name} has no struct ${structFqn}`);
  }
  return Object.entries(props).filter(([, value]) => value !== undefined).flatMap(([key, value]) => {
    const property = properties.find((p) => p.name === key);
    if (property === undefined) {
      return [`${prefix}${key}`];
    }
    const fqn = property.type.fqn;
    return fqn !== undefined && structProperties(assembly, fqn) !== undefined && isPlainObject(value)
      ? unknownProps(assembly, fqn, value, `${prefix}${key}.`)
      : [];
  });
}
