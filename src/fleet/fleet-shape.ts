import { ReleaseStage } from './fleet-props';
import { NatGateways } from '../network/network-props';
import { show } from '../private/validation-helpers';

/** The JSON form of a fleet, field by field: what `Fleet.fromJson` checks before it reads anything. */
type Field =
  | { readonly kind: 'string' | 'number' | 'boolean'; readonly required?: boolean }
  | { readonly kind: 'enum'; readonly values: string[]; readonly required?: boolean }
  | { readonly kind: 'strings'; readonly required?: boolean }
  | { readonly kind: 'stringMap'; readonly required?: boolean }
  | { readonly kind: 'object'; readonly shape: Shape; readonly required?: boolean }
  | { readonly kind: 'objects'; readonly shape: Shape; readonly required?: boolean };
type Shape = Readonly<Record<string, Field>>;

/**
 * `FleetProps` as JSON; `$schema` is allowed at the top, for editors. Built on each call, not held at module level:
 * mutation testing then judges each field by the tests that read it.
 */
function fleetShape(): Shape {
  const options: Shape = {
    natGateways: { kind: 'enum', values: Object.values(NatGateways) },
    fileSystem: { kind: 'boolean' },
    bastion: { kind: 'boolean' },
    bastionInstanceType: { kind: 'string' },
    cloudTrail: { kind: 'boolean' },
    restrictDefaultSecurityGroup: { kind: 'boolean' },
    alarmEmails: { kind: 'strings' },
    tags: { kind: 'stringMap' },
  };
  const region: Shape = {
    region: { kind: 'string', required: true },
    cidr: { kind: 'string', required: true },
    availabilityZones: { kind: 'strings' },
    privateSubnetCidrs: { kind: 'strings' },
    publicSubnetCidrs: { kind: 'strings' },
    databaseSubnetCidrs: { kind: 'strings' },
    natGateways: { kind: 'enum', values: Object.values(NatGateways) },
  };
  return {
    $schema: { kind: 'string' },
    project: { kind: 'string' },
    accounts: {
      kind: 'objects',
      required: true,
      shape: { id: { kind: 'string', required: true }, homeRegion: { kind: 'string', required: true }, name: { kind: 'string' } },
    },
    environments: {
      kind: 'objects',
      required: true,
      shape: {
        name: { kind: 'string', required: true },
        account: { kind: 'string', required: true },
        regions: { kind: 'objects', required: true, shape: region },
        stage: { kind: 'enum', values: Object.values(ReleaseStage) },
        connected: { kind: 'boolean' },
        options: { kind: 'object', shape: options },
      },
    },
    defaults: { kind: 'object', shape: options },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every place where `value` does not have the shape: missing or unknown properties, wrong types, unknown enum values. */
export function checkShape(value: unknown, shape: Shape = fleetShape(), path = ''): string[] {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (!isObject(value)) {
    return [`${path || 'the fleet'}: got ${show(value)}; expected an object`];
  }
  const problems: string[] = [];
  for (const key of Object.keys(value).filter((k) => !(k in shape))) {
    problems.push(`${at(key)}: unknown property; expected one of ${Object.keys(shape).filter((k) => k !== '$schema').join(', ')}`);
  }
  for (const [key, field] of Object.entries(shape)) {
    const v = value[key];
    if (v === undefined) {
      if (field.required) {
        problems.push(`${at(key)}: missing; it is required`);
      }
      continue;
    }
    problems.push(...checkField(v, field, at(key)));
  }
  return problems;
}

function checkField(v: unknown, field: Field, name: string): string[] {
  switch (field.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof v === field.kind ? [] : [`${name}: got ${show(v)}; expected a ${field.kind}`];
    case 'enum':
      return typeof v === 'string' && field.values.includes(v) ? [] : [`${name}: got ${show(v)}; expected one of ${field.values.join(', ')}`];
    case 'strings':
      return Array.isArray(v) && v.every((s) => typeof s === 'string') ? [] : [`${name}: got ${show(v)}; expected a list of strings`];
    case 'stringMap':
      return isObject(v) && Object.values(v).every((s) => typeof s === 'string') ? [] : [`${name}: got ${show(v)}; expected an object of strings`];
    case 'object':
      return checkShape(v, field.shape, name);
    case 'objects':
      return Array.isArray(v) ? v.flatMap((item, i) => checkShape(item, field.shape, `${name}[${i}]`)) : [`${name}: got ${show(v)}; expected a list`];
  }
}
