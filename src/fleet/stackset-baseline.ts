import { Annotations, Aws, CfnCondition, CfnParameter, CfnResource, DefaultStackSynthesizer, Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, IConstruct } from 'constructs';
import { DOCUMENT_PRIVATE_THIRD_OCTETS, DOCUMENT_PUBLIC_THIRD_OCTETS } from './cidr-plan';
import { FleetBaselineOptions } from './fleet-props';
import { NuminiaBaseline } from '../numinia-baseline';
import { acceptFinding, inEveryPack } from '../private/compliance';
import { markTrailConditional } from '../private/conditional-trail';
import { SEED_VPC_CIDR } from '../private/defaults';
import { markInstanceScopedNames } from '../private/instance-scoped-names';
import { markWithoutAssets } from '../private/without-assets';

/** Zones taken from `Fn::GetAZs` of the region the StackSet instance deploys to. */
const STACKSET_ZONE_COUNT = 3;
/** `Fn::Cidr` of a /16 into 256 blocks of 8 host bits: the /24s the document's plan picks from. */
const SUBNETS_OF_A_16 = { count: 256, hostBits: '8' };
/** A /16 block: only its first two octets vary. */
const VPC_CIDR_PATTERN = '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){2}0\\.0/16$';
/** The logical IDs a StackSet's parameter overrides name. */
export const STACKSET_PARAMETERS = { vpcCidr: 'VpcCidr', homeRegion: 'HomeRegion' };

/**
 * Props of `StackSetBaseline`.
 */
export interface StackSetBaselineProps {
  /** The environment name of every stack instance. */
  readonly environment: string;

  /**
   * The project name.
   *
   * @default numinia
   */
  readonly project?: string;

  /**
   * The default of the `HomeRegion` parameter: the region whose stack instance creates the account's multi-region
   * trail (the others create none, and their logs key grants CloudTrail nothing).
   */
  readonly homeRegion: string;

  /**
   * The default of the `VpcCidr` parameter, a /16 (the subnets follow the document's plan inside it). Instances
   * deployed to listed accounts can override it; auto-deployed instances of an OU all get the default.
   *
   * @default 10.0.0.0/16
   */
  readonly vpcCidr?: string;

  /**
   * Baseline options. `restrictDefaultSecurityGroup` cannot be true: its custom resource is a Lambda function
   * whose code is a file asset, which a service-managed StackSet cannot carry.
   *
   * @default - the library's defaults, without the default security group's custom resource
   */
  readonly options?: FleetBaselineOptions;
}

/**
 * A `NuminiaBaseline` for an environment-agnostic stack that a service-managed CloudFormation StackSet deploys to
 * every account of an OU (for example a cdk-stacksets `StackSetStack`): no context lookups, no file assets, no
 * per-account literals.
 *
 * - The VPC CIDR is the `VpcCidr` parameter (a /16), the subnets `Fn::Cidr` blocks of it in the document's plan.
 * - The zones are the first three of `Fn::GetAZs` of the instance's region.
 * - The default security group keeps AWS's rules: aws-cdk-lib's custom resource that removes them runs a Lambda
 *   function from a file asset (warning `@numinia/cdk-baseline:defaultSecurityGroupOpen`); close it with an
 *   organisation control instead (AWS Config `vpc-default-security-group-closed` with remediation, Security Hub EC2.2).
 * - The trail, its buckets, log group and role exist only where the region is the `HomeRegion` parameter (condition
 *   `IsHomeRegion`), and so do the logs key's CloudTrail statements.
 * - The bastion's image is a deploy-time SSM parameter of the instance's region, as in every baseline; without NAT
 *   its HTTPS egress for S3 goes to any address (the S3 prefix list cannot be looked up without a Lambda asset; the
 *   subnets' only route out is the gateway endpoint's).
 * - The log groups' names end with the stack instance's ID (`/<project>/<environment>/vpc-flow-logs-<uuid>`): they
 *   are retained when an instance is deleted, and an instance created again in that account and region makes new ones
 *   instead of failing on the old names.
 */
export class StackSetBaseline extends Construct {
  /** The baseline. */
  public readonly baseline: NuminiaBaseline;

  /** The VPC CIDR parameter (logical ID `VpcCidr`). */
  public readonly vpcCidr: CfnParameter;

  /** The home region parameter (logical ID `HomeRegion`). */
  public readonly homeRegion: CfnParameter;

  /** True in the home region's stack instance (logical ID `IsHomeRegion`). */
  public readonly isHomeRegion: CfnCondition;

  constructor(scope: Construct, id: string, props: StackSetBaselineProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const problems: string[] = [];
    if (!Token.isUnresolved(stack.region) || !Token.isUnresolved(stack.account)) {
      problems.push(`the stack ${stack.stackName} is bound to ${stack.account}/${stack.region}; a StackSet template must be environment-agnostic (no env)`);
    }
    if (addsBootstrapVersionRule(stack)) {
      problems.push(
        `the stack ${stack.stackName} adds the CDK bootstrap-version parameter and rule (its synthesizer's generateBootstrapVersionRule), ` +
          'which fail in every account that never ran cdk bootstrap, as a StackSet\'s accounts have not; use cdk-stacksets\' StackSetStack, ' +
          'or synthesizer: new BootstraplessSynthesizer() or new DefaultStackSynthesizer({ generateBootstrapVersionRule: false })',
      );
    }
    if (props.options?.restrictDefaultSecurityGroup === true) {
      problems.push('options.restrictDefaultSecurityGroup: true needs a Lambda function from a file asset, which a service-managed StackSet cannot carry; leave it unset');
    }
    if (problems.length > 0) {
      throw new Error(`Invalid StackSetBaseline props (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }

    this.vpcCidr = new CfnParameter(stack, STACKSET_PARAMETERS.vpcCidr, {
      type: 'String',
      default: props.vpcCidr ?? SEED_VPC_CIDR,
      allowedPattern: VPC_CIDR_PATTERN,
      constraintDescription: 'a /16 block such as 10.1.0.0/16',
      description: 'The VPC CIDR, a /16; the subnets follow the architecture document\'s plan inside it',
    });
    this.homeRegion = new CfnParameter(stack, STACKSET_PARAMETERS.homeRegion, {
      type: 'String',
      default: props.homeRegion,
      description: 'The region whose stack instance creates the account\'s multi-region CloudTrail trail',
    });
    this.isHomeRegion = new CfnCondition(stack, 'IsHomeRegion', { expression: Fn.conditionEquals(Aws.REGION, this.homeRegion.valueAsString) });

    const blocks = Fn.cidr(this.vpcCidr.valueAsString, SUBNETS_OF_A_16.count, SUBNETS_OF_A_16.hostBits);
    const subnets = (octets: number[]) => octets.slice(0, STACKSET_ZONE_COUNT).map((i) => Fn.select(i, blocks));
    const options = props.options ?? {};
    markTrailConditional(this);
    markWithoutAssets(this);
    markInstanceScopedNames(this);
    this.baseline = new NuminiaBaseline(this, 'Baseline', {
      environment: props.environment,
      project: props.project,
      network: {
        cidr: this.vpcCidr.valueAsString,
        availabilityZones: Array.from({ length: STACKSET_ZONE_COUNT }, (_, i) => Fn.select(i, Fn.getAzs())),
        privateSubnetCidrs: subnets(DOCUMENT_PRIVATE_THIRD_OCTETS),
        publicSubnetCidrs: subnets(DOCUMENT_PUBLIC_THIRD_OCTETS),
        natGateways: options.natGateways,
        restrictDefaultSecurityGroup: false,
      },
      fileSystem: options.fileSystem === false ? { enabled: false } : undefined,
      bastion: options.bastion === false ? { enabled: false } : undefined,
      logging: options.cloudTrail === false ? { cloudTrail: { enabled: false } } : undefined,
      monitoring: options.alarmEmails !== undefined ? { alarmEmails: options.alarmEmails } : undefined,
      tags: options.tags,
    });
    Annotations.of(this).addWarningV2('@numinia/cdk-baseline:defaultSecurityGroupOpen',
      'the VPC\'s default security group keeps AWS\'s rules in a StackSet template (removing them needs a Lambda function from a ' +
        'file asset); close it with an organisation control such as AWS Config vpc-default-security-group-closed with remediation');

    for (const group of [this.baseline.endpointSecurityGroup, this.baseline.fileSystemSecurityGroup]) {
      if (group) {
        acceptFinding(group, ['AwsSolutions-EC23', ...inEveryPack('EC2RestrictedCommonPorts'), ...inEveryPack('EC2RestrictedSSH')],
          'Its ingress comes from the VPC\'s own CIDR (the VpcCidr parameter, constrained to a /16) or from its private subnets ' +
            '(Fn::Cidr blocks of it), which these rules cannot evaluate ("Rule threw an error"); with literal CIDRs the same ' +
            'security groups pass them (the compliance matrix).');
      }
    }

    const trail = this.baseline.node.tryFindChild('AuditTrail');
    if (trail) {
      // The trail, and what reads its log group: the CIS filters and alarms, the trail-delivery alarm (the monitoring
      // area leaves those off the dashboard, which every instance has).
      const monitoring = this.baseline.node.tryFindChild('Monitoring');
      const readers = [monitoring?.node.tryFindChild('Cis'), monitoring?.node.tryFindChild('Operational')?.node.tryFindChild('TrailDelivery')];
      for (const conditioned of [trail, ...readers]) {
        for (const resource of conditioned ? cfnResourcesUnder(conditioned) : []) {
          resource.cfnOptions.condition = this.isHomeRegion;
        }
      }
      onlyInHomeRegion(this.baseline.keys.logs, this.isHomeRegion, /^AllowCloudTrail/);
    }
  }
}

/**
 * Whether the stack's synthesizer will add the `BootstrapVersion` parameter (an SSM parameter that only exists where
 * `cdk bootstrap` ran) and the `CheckBootstrapVersion` rule: aws-cdk-lib's DefaultStackSynthesizer does unless
 * `generateBootstrapVersionRule: false` (BootstraplessSynthesizer sets it). Read from the synthesizer's props, which
 * aws-cdk-lib keeps on the instance; synthesizers of other kinds (cdk-stacksets' StackSetStackSynthesizer,
 * CliCredentialsStackSynthesizer, LegacyStackSynthesizer) add neither.
 */
function addsBootstrapVersionRule(stack: Stack): boolean {
  const synthesizer = stack.synthesizer;
  if (!(synthesizer instanceof DefaultStackSynthesizer)) {
    return false;
  }
  const props = (synthesizer as unknown as { props: { generateBootstrapVersionRule?: boolean } }).props;
  return props.generateBootstrapVersionRule ?? true;
}

function cfnResourcesUnder(scope: IConstruct): CfnResource[] {
  return scope.node.findAll().filter(CfnResource.isCfnResource);
}

/** Wraps the key policy statements whose Sid matches in `Fn::If` of the condition, so other regions' keys lack them. */
function onlyInHomeRegion(key: kms.IKey, condition: CfnCondition, sid: RegExp): void {
  // StackSetBaseline takes no keys from its user: the logs key is always the baseline's own.
  const cfnKey = key.node.defaultChild as kms.CfnKey;
  const policy = cfnKey.keyPolicy;
  const stack = Stack.of(key);
  cfnKey.addPropertyOverride('KeyPolicy.Statement', Lazy.any({
    produce: () => (stack.resolve(policy).Statement as Array<{ Sid?: string }>).map((statement) =>
      statement.Sid !== undefined && sid.test(statement.Sid) ? Fn.conditionIf(condition.logicalId, statement, Aws.NO_VALUE) : statement),
  }));
}
