import { CONTRACT_ENV, TemplateResolver } from './resolver';

type Json = any;

/** A policy document as IAM evaluates it, with a name for the simulator's report. */
export interface NamedPolicy {
  readonly name: string;
  readonly policy: Json;
}

/**
 * The policies of a synthesized template, resolved to concrete ARNs: identity policies of a role (inline and
 * AWS::IAM::Policy), trust policies, and resource policies of file systems, keys, buckets and topics.
 */
export class TemplatePolicies {
  public readonly resolver: TemplateResolver;
  public readonly account = CONTRACT_ENV.account;
  public readonly region = CONTRACT_ENV.region;
  private readonly resources: Record<string, Json>;

  constructor(template: Json) {
    this.resources = template.Resources ?? {};
    this.resolver = new TemplateResolver(template);
  }

  /** The one resource of a type whose logical ID matches; a clear error when there is none or several. */
  public logicalId(type: string, pattern: RegExp): string {
    const ids = Object.entries(this.resources).filter(([id, r]) => r.Type === type && pattern.test(id)).map(([id]) => id);
    if (ids.length !== 1) {
      throw new Error(`expected one ${type} matching ${pattern}, found ${ids.length}: ${ids.join(', ') || 'none'}`);
    }
    return ids[0];
  }

  public has(type: string, pattern: RegExp): boolean {
    return Object.entries(this.resources).some(([id, r]) => r.Type === type && pattern.test(id));
  }

  public resourcesOfType(type: string): Json[] {
    return Object.values(this.resources).filter((r) => r.Type === type);
  }

  public roleArn(pattern: RegExp): string {
    return this.resolver.getAtt(this.logicalId('AWS::IAM::Role', pattern), 'Arn');
  }

  /** The ARN a role's session has when a service or a pod assumes it. */
  public sessionArn(pattern: RegExp, session = 'contract-session'): string {
    const name = this.resolver.ref(this.logicalId('AWS::IAM::Role', pattern));
    return `arn:${CONTRACT_ENV.partition}:sts::${this.account}:assumed-role/${name}/${session}`;
  }

  /** Inline policies of the role and every AWS::IAM::Policy attached to it (managed policies are not modelled). */
  public identityPolicies(rolePattern: RegExp): NamedPolicy[] {
    const roleId = this.logicalId('AWS::IAM::Role', rolePattern);
    const role = this.resources[roleId];
    const inline: NamedPolicy[] = (role.Properties.Policies ?? []).map((p: Json) => ({
      name: p.PolicyName,
      policy: this.resolver.resolve(p.PolicyDocument),
    }));
    const attached = Object.entries(this.resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles ?? []).some((ref: Json) => ref.Ref === roleId))
      .map(([id, r]) => ({ name: id, policy: this.resolver.resolve(r.Properties.PolicyDocument) }));
    return [...inline, ...attached];
  }

  public trustPolicy(rolePattern: RegExp): Json {
    const role = this.resources[this.logicalId('AWS::IAM::Role', rolePattern)];
    return this.resolver.resolve(role.Properties.AssumeRolePolicyDocument);
  }

  public fileSystemPolicy(pattern: RegExp): Json {
    const fs = this.resources[this.logicalId('AWS::EFS::FileSystem', pattern)];
    return this.resolver.resolve(fs.Properties.FileSystemPolicy);
  }

  public keyPolicy(pattern: RegExp): Json {
    return this.resolver.resolve(this.resources[this.logicalId('AWS::KMS::Key', pattern)].Properties.KeyPolicy);
  }

  public bucketPolicy(bucketPattern: RegExp): Json {
    const bucketId = this.logicalId('AWS::S3::Bucket', bucketPattern);
    const policies = Object.values(this.resources).filter(
      (r: Json) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket?.Ref === bucketId,
    );
    if (policies.length !== 1) {
      throw new Error(`expected one bucket policy on ${bucketId}, found ${policies.length}`);
    }
    return this.resolver.resolve((policies[0] as Json).Properties.PolicyDocument);
  }

  /** The policy of a topic (its one AWS::SNS::TopicPolicy). */
  public topicPolicy(topicPattern: RegExp): Json {
    const topicId = this.logicalId('AWS::SNS::Topic', topicPattern);
    const policies = Object.values(this.resources).filter(
      (r: Json) => r.Type === 'AWS::SNS::TopicPolicy' && (r.Properties.Topics ?? []).some((t: Json) => t.Ref === topicId),
    );
    if (policies.length !== 1) {
      throw new Error(`expected one topic policy on ${topicId}, found ${policies.length}`);
    }
    return this.resolver.resolve((policies[0] as Json).Properties.PolicyDocument);
  }

  /** A resource's ARN (GetAtt Arn), or the ARN of an object in a bucket. */
  public arn(type: string, pattern: RegExp, attribute = 'Arn'): string {
    return this.resolver.getAtt(this.logicalId(type, pattern), attribute);
  }

  public ref(type: string, pattern: RegExp): string {
    return this.resolver.ref(this.logicalId(type, pattern));
  }
}
