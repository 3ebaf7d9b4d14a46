import { createHash } from 'crypto';

/** The account, region and partition a template is resolved in: concrete values, so that policies name real ARNs. */
export interface ResolutionEnvironment {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

export const CONTRACT_ENV: ResolutionEnvironment = { account: '111111111111', region: 'eu-west-1', partition: 'aws' };

type Json = any;

/** A stable fake identifier derived from a logical ID: the same template always resolves to the same ARNs. */
function fakeHex(logicalId: string, length: number): string {
  return createHash('sha256').update(logicalId).digest('hex').slice(0, length);
}

/**
 * Turns a synthesized CloudFormation template's intrinsics (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select,
 * Fn::Split, pseudo parameters) into concrete values, as CloudFormation would after creating the resources, so that
 * a policy can be evaluated by an IAM simulator. Physical names are derived from logical IDs (or taken from the
 * template when it sets one): deterministic, and distinct per resource.
 */
export class TemplateResolver {
  private readonly resources: Record<string, Json>;
  private readonly parameters: Record<string, Json>;

  constructor(template: Json, private readonly env: ResolutionEnvironment = CONTRACT_ENV) {
    this.resources = template.Resources ?? {};
    this.parameters = template.Parameters ?? {};
  }

  /** Every intrinsic in `value` resolved; `AWS::NoValue` entries removed. */
  public resolve(value: Json): Json {
    if (Array.isArray(value)) {
      return value.map((v) => this.resolve(v)).filter((v) => v !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') {
      return value;
    }
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      return this.intrinsic(keys[0], value[keys[0]]);
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const resolved = this.resolve(v);
      if (resolved !== NO_VALUE) out[k] = resolved;
    }
    return out;
  }

  /** What `Ref` returns for a resource, a parameter or a pseudo parameter. */
  public ref(name: string): Json {
    switch (name) {
      case 'AWS::AccountId': return this.env.account;
      case 'AWS::Region': return this.env.region;
      case 'AWS::Partition': return this.env.partition;
      case 'AWS::URLSuffix': return 'amazonaws.com';
      case 'AWS::StackName': return 'ContractStack';
      case 'AWS::StackId': return `arn:${this.env.partition}:cloudformation:${this.env.region}:${this.env.account}:stack/ContractStack/1`;
      case 'AWS::NoValue': return NO_VALUE;
    }
    if (name in this.parameters) {
      return this.parameters[name].Default ?? `parameter-${name}`;
    }
    const resource = this.resources[name];
    if (!resource) {
      throw new Error(`Ref to ${name}: no such resource, parameter or pseudo parameter in the template`);
    }
    const props = resource.Properties ?? {};
    const named = (prop: string) => (props[prop] !== undefined ? this.resolve(props[prop]) : undefined);
    switch (resource.Type) {
      case 'AWS::IAM::Role': return named('RoleName') ?? name;
      case 'AWS::S3::Bucket': return named('BucketName') ?? name.toLowerCase();
      case 'AWS::CloudTrail::Trail': return named('TrailName') ?? name;
      case 'AWS::Logs::LogGroup': return named('LogGroupName') ?? `/contract/${name}`;
      case 'AWS::EFS::FileSystem': return `fs-${fakeHex(name, 17)}`;
      case 'AWS::KMS::Key': return uuidFrom(name);
      case 'AWS::SNS::Topic': return this.arn('sns', named('TopicName') ?? name);
      default: return `${resource.Type.split('::').pop()!.toLowerCase()}-${fakeHex(name, 17)}`;
    }
  }

  /** What `Fn::GetAtt` returns for the attributes policies use. */
  public getAtt(logicalId: string, attribute: string): Json {
    const resource = this.resources[logicalId];
    if (!resource) {
      throw new Error(`Fn::GetAtt ${logicalId}.${attribute}: no such resource in the template`);
    }
    const id = this.ref(logicalId);
    const key = `${resource.Type}.${attribute}`;
    switch (key) {
      case 'AWS::IAM::Role.Arn': return `arn:${this.env.partition}:iam::${this.env.account}:role/${id}`;
      case 'AWS::IAM::Role.RoleId': return `AROA${fakeHex(logicalId, 17).toUpperCase()}`;
      case 'AWS::S3::Bucket.Arn': return `arn:${this.env.partition}:s3:::${id}`;
      case 'AWS::KMS::Key.Arn': return this.arn('kms', `key/${id}`);
      case 'AWS::EFS::FileSystem.Arn': return this.arn('elasticfilesystem', `file-system/${id}`);
      case 'AWS::CloudTrail::Trail.Arn': return this.arn('cloudtrail', `trail/${id}`);
      case 'AWS::Logs::LogGroup.Arn': return this.arn('logs', `log-group:${id}:*`);
      case 'AWS::SNS::Topic.TopicArn': return id;
      case 'AWS::EC2::Instance.InstanceId': return id;
      case 'AWS::EC2::SecurityGroup.GroupId': return `sg-${fakeHex(logicalId, 17)}`;
      case 'AWS::EC2::VPC.CidrBlock': return this.resolve(resource.Properties.CidrBlock);
      default:
        throw new Error(`Fn::GetAtt ${logicalId}.${attribute} (${resource.Type}): not modelled by the contract resolver`);
    }
  }

  private arn(service: string, resource: string): string {
    return `arn:${this.env.partition}:${service}:${this.env.region}:${this.env.account}:${resource}`;
  }

  private intrinsic(name: string, args: Json): Json {
    switch (name) {
      case 'Ref':
        return this.ref(args);
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(args) ? args : String(args).split('.');
        return this.getAtt(logicalId, attribute);
      }
      case 'Fn::Join': {
        const [delimiter, parts] = args;
        return (this.resolve(parts) as Json[]).map(String).join(delimiter);
      }
      case 'Fn::Select': {
        const [index, list] = this.resolve(args);
        return list[Number(index)];
      }
      case 'Fn::Split': {
        const [delimiter, text] = this.resolve(args);
        return String(text).split(delimiter);
      }
      case 'Fn::Sub': {
        const [text, variables] = Array.isArray(args) ? args : [args, {}];
        const resolvedVariables = this.resolve(variables);
        return String(text).replace(/\$\{([^}!]+)\}/g, (_, variable: string) => {
          if (variable in resolvedVariables) return String(resolvedVariables[variable]);
          const [logicalId, attribute] = variable.split('.');
          return String(attribute ? this.getAtt(logicalId, attribute) : this.ref(logicalId));
        });
      }
      default:
        throw new Error(`${name}: an intrinsic the contract resolver does not model`);
    }
  }
}

/** Marks `Ref: AWS::NoValue`, which removes the property or list entry that holds it. */
const NO_VALUE = Symbol('AWS::NoValue');

function uuidFrom(logicalId: string): string {
  const h = fakeHex(logicalId, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
