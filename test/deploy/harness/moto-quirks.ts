import * as fs from 'fs';
import * as path from 'path';

/**
 * Workarounds for moto 5.2 (the local emulator), applied to a COPY of the synthesized cloud assembly just before it
 * is deployed. The library and the assembly it produces stay untouched: each patch only restates what a template
 * says in a form moto's CloudFormation implementation understands, and each is needed for moto alone (real
 * CloudFormation takes the template as synthesized).
 */

export type Template = {
  Resources: Record<string, CfnResource>;
  Parameters?: Record<string, unknown>;
  Rules?: Record<string, unknown>;
  [key: string]: unknown;
};

export interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  [key: string]: unknown;
}

/** The custom resource that holds an account and region's Session Manager preferences (src/access/session-logging.ts). */
export const SESSION_PREFERENCES_TYPE = 'Custom::SessionManagerPreferences';

export interface MotoPatchOptions {
  /**
   * Drop the `BootstrapVersion` parameter and the `CheckBootstrapVersion` rule, for a CreateStack into an
   * un-bootstrapped emulator.
   *
   * @default false
   */
  readonly dropBootstrapVersionCheck?: boolean;
}

/** Returns a patched deep copy of `template`; see each step for the moto behaviour it works around. */
export function patchTemplateForMoto(template: Template, options: MotoPatchOptions = {}): Template {
  const patched: Template = JSON.parse(JSON.stringify(template));
  for (const [id, resource] of Object.entries(patched.Resources)) {
    if (resource.Type === SESSION_PREFERENCES_TYPE) {
      // QUIRK (moto 5.2): moto runs the function of a Lambda-backed custom resource in a container, which this machine
      // does not have, and waits for its answer: the stack would never complete. The Session Manager preferences are
      // left out (their function, role and log group stay); test/access/session-logging.test.ts runs the handler
      // against moto's Systems Manager in-process instead.
      delete patched.Resources[id];
    }
  }
  for (const resource of Object.values(patched.Resources)) {
    if (resource.Type === 'AWS::KMS::Key' && resource.Properties) {
      // QUIRK (moto 5.2): CreateStack of a tagged AWS::KMS::Key crashes with `KeyError: 'TagKey'`: moto's
      // CloudFormation path hands the template's tags to its KMS tagging service, which only reads the KMS API's
      // TagKey/TagValue shape. Real CloudFormation requires Key/Value; the tags themselves are unchanged.
      if (Array.isArray(resource.Properties.Tags)) {
        resource.Properties.Tags = resource.Properties.Tags.map((tag: { Key: string; Value: string }) => ({ TagKey: tag.Key, TagValue: tag.Value }));
      }
      // QUIRK (moto 5.2): moto stores a CloudFormation key policy as an object where it expects a JSON string, so
      // kms:DescribeKey (which evaluates the policy) and kms:GetKeyPolicy on the key answer HTTP 500. The same
      // policy as a JSON string (intrinsics kept, through Fn::Join) is stored as moto expects.
      if (resource.Properties.KeyPolicy !== undefined && typeof resource.Properties.KeyPolicy !== 'string') {
        resource.Properties.KeyPolicy = jsonStringIntrinsic(resource.Properties.KeyPolicy);
      }
    }
    if (resource.Type === 'AWS::SSM::Parameter' && isPlainObject(resource.Properties?.Tags)) {
      // QUIRK (moto 5.2): CreateStack of a tagged AWS::SSM::Parameter crashes (`TypeError: string indices must be
      // integers`): CloudFormation writes this type's tags as a map, moto passes them on to PutParameter, which
      // only reads the API's list of Key/Value pairs. Same tags, as that list.
      resource.Properties!.Tags = Object.entries(resource.Properties!.Tags).map(([Key, Value]) => ({ Key, Value }));
    }
  }
  // QUIRK (moto 5.2): `Fn::GetAtt [<AWS::EFS::FileSystem>, Arn]` crashes the stack creation (moto's EFS file system
  // has no get_cfn_attribute). The same ARN, built from the file system ID (Ref), resolves.
  patched.Resources = replaceDeep(patched.Resources, (value) => efsArnFromRef(value, patched.Resources)) as Template['Resources'];
  // QUIRK (moto 5.2): moto's CloudFormation does not model AWS::CloudWatch::Alarm (nor AWS::Logs::MetricFilter,
  // AWS::SNS::TopicPolicy, AWS::SNS::Subscription): it skips them and reports the stack complete, but a
  // `Fn::GetAtt [<alarm>, Arn]` elsewhere (the dashboard's alarm-status widget) then fails the whole stack with
  // "references undefined resource". The same ARN, built from the alarm's fixed name, resolves.
  patched.Resources = replaceDeep(patched.Resources, (value) => alarmArnFromName(value, patched.Resources)) as Template['Resources'];

  // QUIRK (moto 5.2): moto's CloudFormation does not implement Fn::Cidr (it hands the unparsed function to Fn::Select,
  // which fails with KeyError). The blocks CloudFormation would compute, for an IP block that is a literal or a
  // parameter's default (the StackSet template's VpcCidr), in their place.
  patched.Resources = replaceDeep(patched.Resources, (value) => cidrBlocks(value, patched.Parameters ?? {})) as Template['Resources'];

  if (options.dropBootstrapVersionCheck) {
    // QUIRK (moto 5.2): CreateStack answers HTTP 500 when the template reads the SSM parameter
    // /cdk-bootstrap/hnb659fds/version and no `cdk bootstrap` created it. The check only guards against an outdated
    // bootstrap stack, which a CreateStack without the CDK's deployment roles does not use.
    delete patched.Parameters?.BootstrapVersion;
    delete patched.Rules?.CheckBootstrapVersion;
    if (patched.Rules && Object.keys(patched.Rules).length === 0) {
      delete patched.Rules;
    }
  }
  return patched;
}

/**
 * Copies the cloud assembly in `sourceDir` to `targetDir` with every stack template patched for moto, ready for
 * `cdk deploy --app <targetDir>`. The template's asset entry keeps its (pre-patch) hash as object key: harmless,
 * the CLI uploads the file under that key.
 */
export function patchAssemblyForMoto(sourceDir: string, targetDir: string, options: MotoPatchOptions = {}): void {
  fs.cpSync(sourceDir, targetDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(targetDir, 'manifest.json'), 'utf8'));
  for (const artifact of Object.values<any>(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack') {
      const file = path.join(targetDir, artifact.properties.templateFile);
      const template: Template = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify(patchTemplateForMoto(template, options), undefined, 1));
    }
  }
}

/** `Fn::Cidr [block, count, hostBits]` computed as CloudFormation does: `count` consecutive blocks of `hostBits` host bits. */
function cidrBlocks(value: unknown, parameters: Record<string, any>): string[] | undefined {
  if (!isPlainObject(value) || !Array.isArray(value['Fn::Cidr'])) {
    return undefined;
  }
  const [block, count, hostBits] = value['Fn::Cidr'] as [any, number | string, number | string];
  const text: string = typeof block === 'string' ? block : parameters[block?.Ref]?.Default;
  const [address, prefix] = text.split('/');
  const start = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  if (Number(prefix) > 32 - Number(hostBits)) {
    throw new Error(`Fn::Cidr of ${text} into blocks of ${hostBits} host bits: the block is smaller than one of them`);
  }
  const size = 2 ** Number(hostBits);
  return Array.from({ length: Number(count) }, (_, i) => {
    const n = start + i * size;
    return `${[3, 2, 1, 0].map((octet) => Math.floor(n / 256 ** octet) % 256).join('.')}/${32 - Number(hostBits)}`;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with a single `Ref` or `Fn::*` key: a CloudFormation intrinsic function. */
function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/**
 * `value` serialized as JSON by `Fn::Join`, with its intrinsics left for CloudFormation to resolve. Every intrinsic
 * in a key policy resolves to a string (ARNs, account IDs, service names), so each is quoted as one.
 */
function jsonStringIntrinsic(value: unknown): { 'Fn::Join': [string, unknown[]] } {
  const parts: unknown[] = [];
  const emit = (part: unknown) => {
    const last = parts[parts.length - 1];
    if (typeof part === 'string' && typeof last === 'string') {
      parts[parts.length - 1] = last + part;
    } else {
      parts.push(part);
    }
  };
  const walk = (node: unknown): void => {
    if (isIntrinsic(node)) {
      emit('"');
      emit(node);
      emit('"');
    } else if (Array.isArray(node)) {
      emit('[');
      node.forEach((item, index) => {
        if (index > 0) emit(',');
        walk(item);
      });
      emit(']');
    } else if (typeof node === 'object' && node !== null) {
      emit('{');
      Object.entries(node).forEach(([key, item], index) => {
        if (index > 0) emit(',');
        emit(`${JSON.stringify(key)}:`);
        walk(item);
      });
      emit('}');
    } else {
      emit(JSON.stringify(node));
    }
  };
  walk(value);
  return { 'Fn::Join': ['', parts] };
}

function efsArnFromRef(value: unknown, resources: Template['Resources']): unknown {
  if (!isIntrinsic(value) || !Array.isArray(value['Fn::GetAtt'])) {
    return undefined;
  }
  const [logicalId, attribute] = value['Fn::GetAtt'] as [string, string];
  if (resources[logicalId]?.Type !== 'AWS::EFS::FileSystem' || attribute !== 'Arn') {
    return undefined;
  }
  return {
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':elasticfilesystem:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
      ':file-system/', { Ref: logicalId },
    ]],
  };
}

function alarmArnFromName(value: unknown, resources: Template['Resources']): unknown {
  if (!isIntrinsic(value) || !Array.isArray(value['Fn::GetAtt'])) {
    return undefined;
  }
  const [logicalId, attribute] = value['Fn::GetAtt'] as [string, string];
  const alarm = resources[logicalId];
  if (alarm?.Type !== 'AWS::CloudWatch::Alarm' || attribute !== 'Arn' || typeof alarm.Properties?.AlarmName !== 'string') {
    return undefined;
  }
  return {
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
      `:alarm:${alarm.Properties.AlarmName}`,
    ]],
  };
}

/** Deep copy of `node` in which `replace` may substitute any sub-value (undefined: keep and descend). */
function replaceDeep(node: unknown, replace: (value: unknown) => unknown): unknown {
  const replacement = replace(node);
  if (replacement !== undefined) {
    return replacement;
  }
  if (Array.isArray(node)) {
    return node.map((item) => replaceDeep(item, replace));
  }
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, replaceDeep(item, replace)]));
  }
  return node;
}
