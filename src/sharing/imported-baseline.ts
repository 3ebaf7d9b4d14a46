import { Fn, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { defaultParameterPrefix, PARAMETER } from './parameter-names';
import { checkParameterPrefix } from './sharing-validation';
import { allowBastionTunnelTo } from '../access/bastion-tunnel';
import { BastionClusterAccess, BastionClusterAccessOptions } from '../eks/bastion-cluster-access';
import { addEfsCsiDriverAddon, ClusterWiringSource, clusterWiringOf, grantBastionClusterAccess } from '../eks/cluster-wiring';
import { EfsCsiDriverAddon, EfsCsiDriverAddonOptions } from '../eks/efs-csi-driver-addon';
import { EfsCsiDriverTrustType } from '../eks/efs-csi-driver-trust';
import { BaselineKeys } from '../encryption/baseline-keys';
import { defaultClusterNames, SEED_AZ_SUFFIXES, SEED_PROJECT } from '../private/defaults';
import { checkNames } from '../private/validation-helpers';

/**
 * What an application repo knows about the baseline it imports. Only the shape must be known at synth time (how many
 * zones, which tiers and areas exist); every ID and ARN is read from SSM Parameter Store at deploy time.
 */
export interface ImportBaselineProps {
  /**
   * The baseline's environment.
   */
  readonly environment: string;

  /**
   * The baseline's project.
   *
   * @default numinia
   */
  readonly project?: string;

  /**
   * The baseline's parameter prefix, if it was changed.
   *
   * @default /<project>/<environment>/baseline/
   */
  readonly parameterPrefix?: string;

  /**
   * The baseline's availability zones, in order. Their number must be known at synth time: it decides how many
   * subnets the imported VPC has.
   *
   * @default - zones a, b and c of the stack's region (the baseline's default)
   */
  readonly availabilityZones?: string[];

  /**
   * Whether the baseline has a database tier (its subnets are imported as isolated subnets).
   *
   * @default false
   */
  readonly databaseTier?: boolean;

  /**
   * Whether the baseline has a file system (and an EFS CSI driver role).
   *
   * @default true
   */
  readonly fileSystem?: boolean;

  /**
   * Whether the baseline has a bastion.
   *
   * @default true
   */
  readonly bastion?: boolean;

  /**
   * The baseline's `bastion.eksClusterNames`, if changed: `grantBastionClusterAccess` refuses a cluster the bastion
   * role may not describe.
   *
   * @default - `<project>-<environment>` and `<project>-<environment>-*`
   */
  readonly eksClusterNames?: string[];

  /**
   * How the baseline's EFS CSI driver roles trust the pods (its `fileSystem.csiDriverTrust`).
   *
   * @default EfsCsiDriverTrustType.POD_IDENTITY
   */
  readonly efsCsiDriverTrustType?: EfsCsiDriverTrustType;
}

/**
 * A baseline deployed by another app, read from its SSM parameters: typed references that work with the usual
 * L2 APIs (placing a Lambda function or a Fargate service in the private subnets, granting a role on a key).
 */
export class ImportedBaseline extends Construct {
  /** The VPC, with its subnets and route tables. */
  public readonly vpc: ec2.IVpc;

  /** The keys. */
  public readonly keys: BaselineKeys;

  /**
   * The file system, with its security group (connections to it open NFS).
   *
   * @default - undefined when `fileSystem` is false
   */
  public readonly fileSystem?: efs.IFileSystem;

  /**
   * The EFS CSI driver controller's role.
   *
   * @default - undefined when `fileSystem` is false
   */
  public readonly efsCsiDriverRole?: iam.IRole;

  /**
   * The EFS CSI driver node daemonset's role.
   *
   * @default - undefined when `fileSystem` is false
   */
  public readonly efsCsiNodeRole?: iam.IRole;

  /**
   * The bastion's role.
   *
   * @default - undefined when `bastion` is false
   */
  public readonly bastionRole?: iam.IRole;

  /**
   * The bastion's security group (egress rules added to it are created in the importing stack).
   *
   * @default - undefined when `bastion` is false
   */
  public readonly bastionSecurityGroup?: ec2.ISecurityGroup;

  /** The prefix the parameters were read from. */
  public readonly parameterPrefix: string;

  private readonly csiDriverTrustType: EfsCsiDriverTrustType;
  private readonly clusterNames: string[];

  constructor(scope: Construct, id: string, props: ImportBaselineProps) {
    super(scope, id);
    const problems = [...checkNames(props), ...checkParameterPrefix('parameterPrefix', props.parameterPrefix)];
    if (problems.length > 0) {
      throw new Error(`Invalid ImportBaselineProps (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    const project = props.project ?? SEED_PROJECT;
    this.clusterNames = props.eksClusterNames ?? defaultClusterNames(project, props.environment);
    this.parameterPrefix = props.parameterPrefix ?? defaultParameterPrefix(project, props.environment);
    this.csiDriverTrustType = props.efsCsiDriverTrustType ?? EfsCsiDriverTrustType.POD_IDENTITY;
    const region = Stack.of(this).region;
    const zones = props.availabilityZones ?? (Token.isUnresolved(region) ? undefined : SEED_AZ_SUFFIXES.map((s) => `${region}${s}`));
    if (zones === undefined || Token.isUnresolved(zones)) {
      throw new Error(
        'ImportedBaseline.availabilityZones: the stack has no concrete region, so the number of zones is unknown; ' +
          'set env.region on the stack or list the baseline\'s zones explicitly',
      );
    }

    const list = (name: string) => this.list(name, zones.length);
    this.vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: this.value(PARAMETER.vpcId),
      vpcCidrBlock: this.value(PARAMETER.vpcCidr),
      availabilityZones: zones,
      publicSubnetIds: list(PARAMETER.publicSubnetIds),
      publicSubnetRouteTableIds: list(PARAMETER.publicRouteTableIds),
      privateSubnetIds: list(PARAMETER.privateSubnetIds),
      privateSubnetRouteTableIds: list(PARAMETER.privateRouteTableIds),
      isolatedSubnetIds: props.databaseTier ? list(PARAMETER.databaseSubnetIds) : undefined,
      isolatedSubnetRouteTableIds: props.databaseTier ? list(PARAMETER.databaseRouteTableIds) : undefined,
    });

    const withFileSystem = props.fileSystem ?? true;
    this.keys = {
      eksSecrets: kms.Key.fromKeyArn(this, 'EksSecretsKey', this.value(PARAMETER.eksSecretsKeyArn)),
      logs: kms.Key.fromKeyArn(this, 'LogsKey', this.value(PARAMETER.logsKeyArn)),
      fileSystem: withFileSystem ? kms.Key.fromKeyArn(this, 'FileSystemKey', this.value(PARAMETER.fileSystemKeyArn)) : undefined,
    };
    if (withFileSystem) {
      this.fileSystem = efs.FileSystem.fromFileSystemAttributes(this, 'FileSystem', {
        fileSystemId: this.value(PARAMETER.fileSystemId),
        securityGroup: ec2.SecurityGroup.fromSecurityGroupId(this, 'FileSystemSecurityGroup', this.value(PARAMETER.fileSystemSecurityGroupId)),
      });
      this.efsCsiDriverRole = iam.Role.fromRoleArn(this, 'EfsCsiDriverRole', this.value(PARAMETER.efsCsiDriverRoleArn), { mutable: false });
      this.efsCsiNodeRole = iam.Role.fromRoleArn(this, 'EfsCsiNodeRole', this.value(PARAMETER.efsCsiNodeRoleArn), { mutable: false });
    }
    if (props.bastion ?? true) {
      this.bastionRole = iam.Role.fromRoleArn(this, 'BastionRole', this.value(PARAMETER.bastionRoleArn), { mutable: false });
      // Its egress is what the baseline allows (HTTPS for Session Manager): rules added here come on top.
      this.bastionSecurityGroup = ec2.SecurityGroup.fromSecurityGroupId(this, 'BastionSecurityGroup', this.value(PARAMETER.bastionSecurityGroupId), {
        allowAllOutbound: false,
        mutable: true,
      });
    }
  }

  /**
   * Lets the baseline's bastion reach a peer of this app on a port, for Session Manager port forwarding (see
   * `NuminiaBaseline.allowBastionTunnelTo`).
   *
   * @param target what the bastion tunnels to
   * @param port the port it listens on
   */
  public allowBastionTunnelTo(target: ec2.IConnectable, port: ec2.Port): void {
    allowBastionTunnelTo(this.bastionSecurityGroup, target, port);
  }

  /**
   * Installs the EFS CSI driver add-on on a cluster with the baseline's driver roles (see
   * `NuminiaBaseline.addEfsCsiDriverAddon`).
   *
   * @param id the add-on construct's ID
   * @param clusterName the cluster's name
   */
  public addEfsCsiDriverAddon(id: string, clusterName: string, options?: EfsCsiDriverAddonOptions): EfsCsiDriverAddon {
    return addEfsCsiDriverAddon(this.wiringSource, id, clusterName, options);
  }

  /**
   * Lets the bastion's role use a cluster's Kubernetes API through an EKS access entry.
   *
   * @param id the access entry construct's ID
   * @param clusterName the cluster's name
   */
  public grantBastionClusterAccess(id: string, clusterName: string, options?: BastionClusterAccessOptions): BastionClusterAccess {
    return grantBastionClusterAccess(this.wiringSource, id, clusterName, options);
  }

  private get wiringSource(): ClusterWiringSource {
    // Whether the baseline limits the bastion's egress to the VPC endpoints is not published: allow the egress too.
    return clusterWiringOf(this, this.csiDriverTrustType, true, this.clusterNames);
  }

  /** A string parameter, resolved by CloudFormation at deploy time. */
  private value(name: string): string {
    return ssm.StringParameter.valueForStringParameter(this, this.parameterPrefix + name);
  }

  /** A string-list parameter of known length, resolved at deploy time. */
  private list(name: string, length: number): string[] {
    const values = ssm.StringListParameter.valueForTypedListParameter(this, this.parameterPrefix + name);
    return [...Array(length).keys()].map((i) => Fn.select(i, values));
  }
}
