/**
 * Reading a CloudFormation template: references, values as a reader sees them, owners and service names.
 */

/** A CloudFormation template as JSON (only what the diagram reads). */
export interface Template {
  readonly Resources?: { readonly [logicalId: string]: Resource };
}

export interface Resource {
  readonly Type: string;
  readonly Properties?: { readonly [name: string]: any };
}

/** The logical ID a `{ Ref }` or `{ Fn::GetAtt }` points at, or undefined. */
export function targetOf(value: any): string | undefined {
  if (value && typeof value === 'object') {
    if (typeof value.Ref === 'string') return value.Ref;
    if (Array.isArray(value['Fn::GetAtt'])) return value['Fn::GetAtt'][0];
  }
  return undefined;
}

/** A value as a reader should see it: a string as is, an intrinsic function shortened (e.g. "zone 1 of the region"). */
export function textOf(value: any): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && Array.isArray(value['Fn::Select']) && JSON.stringify(value).includes('Fn::GetAZs')) {
    return `zone ${Number(value['Fn::Select'][0]) + 1}`;
  }
  if (value && Array.isArray(value['Fn::Select']) && JSON.stringify(value).includes('Fn::Cidr')) {
    return `CIDR ${Number(value['Fn::Select'][0]) + 1} of the VPC`;
  }
  const target = targetOf(value);
  return target ? `(${target})` : '(deploy-time value)';
}

export function tag(resource: Resource, key: string): string | undefined {
  const tags: Array<{ Key: string; Value: any }> = resource.Properties?.Tags ?? [];
  const found = tags.find((t) => t.Key === key);
  return found && typeof found.Value === 'string' ? found.Value : undefined;
}

/** "stack/Baseline/Bastion/Instance" -> "Bastion": the construct that owns a resource, from its Name tag. */
export function ownerName(resource: Resource, logicalId: string): string {
  const name = tag(resource, 'Name');
  // Without a Name tag, the logical ID without CDK's hash suffix ("Trail022F0CF2" -> "Trail").
  if (!name) return logicalId.replace(/[0-9A-F]{8}$/, '') || logicalId;
  const generic = new Set(['Instance', 'Resource', 'Default', 'Host']);
  const parts = name.split('/').filter((p) => !generic.has(p));
  return parts[parts.length - 1] ?? logicalId;
}

/** `com.amazonaws.eu-west-1.eks` or its Fn::Join with the region -> `eks`. */
export function serviceName(value: any): string {
  const text = typeof value === 'string' ? value : (value?.['Fn::Join']?.[1] ?? []).filter((p: any) => typeof p === 'string').join('');
  return text.replace(/^com\.amazonaws\.([a-z0-9-]+\.)?/, '').replace(/^\./, '') || 'endpoint';
}

