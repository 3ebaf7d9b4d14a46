import { Tags } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Bastion } from './access/bastion';
import { BastionProps } from './access/bastion-props';
import { EfsCsiDriverRole } from './access/efs-csi-driver-role';
import { BaselineKeys } from './encryption/baseline-keys';
import { EncryptionProps } from './encryption/encryption-props';
import { Keys } from './encryption/keys';
import { AuditTrail } from './logging/audit-trail';
import { LoggingProps } from './logging/logging-props';
import { Network } from './network/network';
import { NatGateways, NetworkProps } from './network/network-props';
import { resolveConfig } from './private/config';
import { MANAGED_BY, TAG_ENVIRONMENT, TAG_MANAGED_BY, TAG_PROJECT } from './private/defaults';
import { pinFeatureFlags } from './private/feature-flags';
import { validateBaselineProps } from './private/validation';
import { addEfsCsiDriverAddon, ClusterWiringSource, grantBastionClusterAccess } from './sharing/cluster-wiring';
import { BastionClusterAccess, BastionClusterAccessOptions, EfsCsiDriverAddon, EfsCsiDriverAddonOptions } from './sharing/efs-csi-driver';
import { ImportBaselineProps, ImportedBaseline } from './sharing/imported-baseline';
import { PublishedParameters } from './sharing/published-parameters';
import { SharingProps } from './sharing/sharing-props';
import { Storage } from './storage/file-system';
import { FileSystemProps } from './storage/file-system-props';

/**
 * Props of `NuminiaBaseline`. Only `environment` is required: every other value defaults to the architecture document.
 */
export interface NuminiaBaselineProps {
  /**
   * The environment name (e.g. `production`, `staging`): the `Environment` tag, key aliases and names.
   * Lowercase letters, digits and hyphens, 2-32 characters.
   */
  readonly environment: string;

  /**
   * The project name: the `Project` tag, key aliases, and the EKS clusters the bastion may describe.
   * Lowercase letters, digits and hyphens, 2-32 characters.
   *
   * @default numinia
   */
  readonly project?: string;

  /**
   * The VPC.
   *
   * @default - 10.0.0.0/16 over zones a/b/c of the stack's region, the document's subnets, a NAT gateway per zone
   */
  readonly network?: NetworkProps;

  /**
   * The KMS keys.
   *
   * @default - three new customer-managed keys rotating every 365 days
   */
  readonly encryption?: EncryptionProps;

  /**
   * The shared EFS file system.
   *
   * @default - a Regional, encrypted, backed-up General Purpose / Bursting file system
   */
  readonly fileSystem?: FileSystemProps;

  /**
   * The SSM-only bastion.
   *
   * @default - a t3.micro Amazon Linux 2023 instance in the first private subnet
   */
  readonly bastion?: BastionProps;

  /**
   * Flow logs and CloudTrail.
   *
   * @default - flow logs kept 30 days and a multi-region trail
   */
  readonly logging?: LoggingProps;

  /**
   * How application repos find the baseline: SSM parameters under one prefix.
   *
   * @default - parameters published under /<project>/<environment>/baseline/
   */
  readonly sharing?: SharingProps;

  /**
   * Extra tags for every resource that takes tags, besides `Environment`, `Project` and `ManagedBy=cdk`
   * (which the baseline sets and which cannot be given here).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A company's AWS base infrastructure in one construct: a VPC with exact subnet CIDRs, NAT and VPC endpoints,
 * flow logs, customer-managed KMS keys, a Regional EFS file system, an SSM-only bastion with its role, the EFS CSI
 * driver role, and a multi-region CloudTrail trail. Stateful resources are retained when removed.
 *
 * @example
 * const app = new App();
 * const stack = new Stack(app, 'Baseline', { env: { region: 'eu-west-1' } });
 * new NuminiaBaseline(stack, 'Baseline', { environment: 'production' });
 */
export class NuminiaBaseline extends Construct {
  /**
   * A baseline deployed by another app, for application repos: typed references read from its SSM parameters at
   * deploy time (synth needs no AWS credentials). Only its shape (zones, tiers, areas) must be given.
   */
  public static fromParameters(scope: Construct, id: string, props: ImportBaselineProps): ImportedBaseline {
    return new ImportedBaseline(scope, id, props);
  }

  /** The VPC. */
  public readonly vpc: ec2.IVpc;

  /** The customer-managed keys (or the ones brought in through `encryption`). */
  public readonly keys: BaselineKeys;

  /** The flow-log group. */
  public readonly flowLogGroup: logs.ILogGroup;

  /** The security group of the interface VPC endpoints. */
  public readonly endpointSecurityGroup: ec2.ISecurityGroup;

  /**
   * The shared file system.
   *
   * @default - undefined when `fileSystem.enabled` is false
   */
  public readonly fileSystem?: efs.IFileSystem;

  /**
   * The file system's security group (NFS from the allowed peers).
   *
   * @default - undefined when `fileSystem.enabled` is false
   */
  public readonly fileSystemSecurityGroup?: ec2.ISecurityGroup;

  /**
   * The EFS CSI driver's role, for an EKS add-on's pod identity association (or IRSA).
   *
   * @default - undefined when `fileSystem.enabled` is false
   */
  public readonly efsCsiDriverRole?: iam.IRole;

  /**
   * The bastion instance.
   *
   * @default - undefined when `bastion.enabled` is false
   */
  public readonly bastion?: ec2.IInstance;

  /**
   * The bastion's role.
   *
   * @default - undefined when `bastion.enabled` is false
   */
  public readonly bastionRole?: iam.IRole;

  /**
   * The CloudTrail trail.
   *
   * @default - undefined when `logging.cloudTrail.enabled` is false
   */
  public readonly trail?: cloudtrail.Trail;

  /**
   * The bucket holding the trail's log files.
   *
   * @default - undefined when `logging.cloudTrail.enabled` is false
   */
  public readonly trailBucket?: s3.IBucket;

  /**
   * The CloudWatch Logs copy of the trail.
   *
   * @default - undefined when the trail or its CloudWatch Logs delivery is disabled
   */
  public readonly trailLogGroup?: logs.ILogGroup;

  /**
   * The prefix of the SSM parameters the baseline publishes.
   *
   * @default - undefined when `sharing.publishParameters` is false
   */
  public readonly parameterPrefix?: string;

  constructor(scope: Construct, id: string, props: NuminiaBaselineProps) {
    super(scope, id);
    pinFeatureFlags(this);

    const config = resolveConfig(this, props);
    validateBaselineProps(props, config);
    const availabilityZones = config.network.availabilityZones!;

    const keys = new Keys(this, 'Encryption', {
      project: config.project,
      environment: config.environment,
      rotationPeriod: config.encryption.rotationPeriod,
      byo: props.encryption ?? {},
      fileSystemEnabled: config.fileSystem.enabled,
      cloudTrailEnabled: config.logging.cloudTrail.enabled,
    });
    this.keys = { eksSecrets: keys.eksSecrets, fileSystem: keys.fileSystem, logs: keys.logs };

    const network = new Network(this, 'Network', {
      config: config.network,
      availabilityZones,
      flowLogRetention: config.logging.flowLogRetention,
      logsKey: keys.logs,
      ssmEndpoints: config.bastion.enabled && config.network.natGateways === NatGateways.NONE,
    });
    this.vpc = network.vpc;
    this.flowLogGroup = network.flowLogGroup;
    this.endpointSecurityGroup = network.endpointSecurityGroup;

    if (config.fileSystem.enabled) {
      const storage = new Storage(this, 'Storage', {
        config: config.fileSystem,
        props: props.fileSystem ?? {},
        vpc: network.vpc,
        vpcCidr: config.network.cidr,
        key: keys.fileSystem!,
      });
      this.fileSystem = storage.fileSystem;
      this.fileSystemSecurityGroup = storage.securityGroup;
      this.efsCsiDriverRole = new EfsCsiDriverRole(this, 'EfsCsiDriver', {
        fileSystem: storage.fileSystem,
        trust: config.fileSystem.csiDriverTrust,
      }).role;
    }

    if (config.bastion.enabled) {
      const bastion = new Bastion(this, 'Bastion', { config: config.bastion, vpc: network.vpc });
      this.bastion = bastion.instance;
      this.bastionRole = bastion.role;
    }

    if (config.logging.cloudTrail.enabled) {
      const audit = new AuditTrail(this, 'AuditTrail', { config: config.logging.cloudTrail, key: keys.logs });
      this.trail = audit.trail;
      this.trailBucket = audit.bucket;
      this.trailLogGroup = audit.logGroup;
    }

    if (config.sharing.publishParameters) {
      this.parameterPrefix = config.sharing.parameterPrefix;
      new PublishedParameters(this, 'Sharing', {
        prefix: config.sharing.parameterPrefix,
        vpc: network.vpc,
        vpcCidr: config.network.cidr,
        availabilityZones,
        hasDatabaseTier: config.network.databaseSubnetCidrs.length > 0,
        keys: this.keys,
        fileSystemId: this.fileSystem?.fileSystemId,
        fileSystemSecurityGroupId: this.fileSystemSecurityGroup?.securityGroupId,
        efsCsiDriverRoleArn: this.efsCsiDriverRole?.roleArn,
        bastionRoleArn: this.bastionRole?.roleArn,
        bastionInstanceId: this.bastion?.instanceId,
      });
    }

    for (const [key, value] of Object.entries(config.tags)) {
      Tags.of(this).add(key, value);
    }
    Tags.of(this).add(TAG_ENVIRONMENT, config.environment);
    Tags.of(this).add(TAG_PROJECT, config.project);
    Tags.of(this).add(TAG_MANAGED_BY, MANAGED_BY);
  }

  /**
   * Installs the EFS CSI driver add-on on a cluster, with the driver role through the add-on's pod identity
   * association, and gives the StorageClass manifest to apply.
   *
   * @param id the add-on construct's ID
   * @param clusterName the cluster's name (an aws-cdk-lib EKS cluster's `clusterName`, or a name)
   */
  public addEfsCsiDriverAddon(id: string, clusterName: string, options?: EfsCsiDriverAddonOptions): EfsCsiDriverAddon {
    return addEfsCsiDriverAddon(this, id, this.wiringSource(), clusterName, options);
  }

  /**
   * Lets the bastion's role use a cluster's Kubernetes API through an EKS access entry (read-only by default).
   *
   * @param id the access entry construct's ID
   * @param clusterName the cluster's name
   */
  public grantBastionClusterAccess(id: string, clusterName: string, options?: BastionClusterAccessOptions): BastionClusterAccess {
    return grantBastionClusterAccess(this, id, this.wiringSource(), clusterName, options);
  }

  private wiringSource(): ClusterWiringSource {
    return { efsCsiDriverRole: this.efsCsiDriverRole, fileSystemId: this.fileSystem?.fileSystemId, bastionRole: this.bastionRole };
  }
}
