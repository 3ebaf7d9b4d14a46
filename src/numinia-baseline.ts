import { Tags } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { Bastion } from './access/bastion';
import { allowBastionTunnelTo } from './access/bastion-tunnel';
import { bastionInputs, keysInputs, monitoringInputs, networkInputs, sharingInputs, storageInputs } from './area-inputs';
import { checkBaseline } from './baseline-checks';
import { resolveConfig } from './baseline-config';
import { BastionClusterAccess, BastionClusterAccessOptions } from './eks/bastion-cluster-access';
import { addEfsCsiDriverAddon, ClusterWiringSource, clusterWiringOf, grantBastionClusterAccess } from './eks/cluster-wiring';
import { EfsCsiDriverAddon, EfsCsiDriverAddonOptions } from './eks/efs-csi-driver-addon';
import { EfsCsiDriverRoles } from './eks/efs-csi-driver-roles';
import { BaselineKeys } from './encryption/baseline-keys';
import { Keys } from './encryption/keys';
import { claimAccountTrail } from './logging/account-trail';
import { AuditTrail } from './logging/audit-trail';
import { Monitoring } from './monitoring/monitoring';
import { Network } from './network/network';
import { NuminiaBaselineProps } from './numinia-baseline-props';
import { reportOverlappingVpcCidrs } from './private/app-networks';
import { MANAGED_BY, TAG_ENVIRONMENT, TAG_MANAGED_BY, TAG_PROJECT } from './private/defaults';
import { pinFeatureFlags } from './private/feature-flags';
import { adoptStackLevelResources } from './private/stack-level-resources';
import { claimBaselineIdentity } from './private/uniqueness';
import { ImportBaselineProps, ImportedBaseline } from './sharing/imported-baseline';
import { PublishedParameters } from './sharing/published-parameters';
import { Storage } from './storage/file-system';

/**
 * A company's AWS base infrastructure in one construct: a VPC with exact subnet CIDRs, NAT and VPC endpoints,
 * flow logs, customer-managed KMS keys, a Regional EFS file system, an SSM-only bastion with its role, the EFS CSI
 * driver role, a multi-region CloudTrail trail, and monitoring (CIS metric filters and alarms, NAT, EFS, bastion,
 * endpoint and trail-delivery alarms, a dashboard, one encrypted alarm topic). Stateful resources are retained when
 * removed.
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

  /**
   * The flow-log group.
   *
   * @default - undefined when the flow logs go to S3 only
   */
  public readonly flowLogGroup?: logs.ILogGroup;

  /**
   * The bucket the flow logs go to.
   *
   * @default - undefined unless `logging.flowLogDestinations` includes S3
   */
  public readonly flowLogBucket?: s3.IBucket;

  /**
   * The public IPv4 addresses of the NAT gateways (one per zonal gateway, or per zone of the regional one), for
   * partners who allowlist them; also published as the `nat/public-ips` parameter.
   */
  public readonly natGatewayPublicIps: string[];

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
   * The EFS CSI driver controller's role (access point provisioning), for the add-on's pod identity association
   * of `efs-csi-controller-sa` (or IRSA).
   *
   * @default - undefined when `fileSystem.enabled` is false
   */
  public readonly efsCsiDriverRole?: iam.IRole;

  /**
   * The EFS CSI driver node daemonset's role (mounting), for the add-on's pod identity association of
   * `efs-csi-node-sa`. With IRSA it is `efsCsiDriverRole`.
   *
   * @default - undefined when `fileSystem.enabled` is false
   */
  public readonly efsCsiNodeRole?: iam.IRole;

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
   * The bastion's security group: no inbound rule, HTTPS out to Systems Manager, and whatever
   * `allowBastionTunnelTo` grants.
   *
   * @default - undefined when `bastion.enabled` is false
   */
  public readonly bastionSecurityGroup?: ec2.ISecurityGroup;

  /**
   * The CloudTrail trail.
   *
   * @default - undefined when `logging.cloudTrail.enabled` is false, or when another baseline of the account creates it
   */
  public readonly trail?: cloudtrail.CfnTrail;

  /**
   * The ARN of the account's multi-region trail: this baseline's, or the one of the baseline of the same account in
   * this app that creates it (see `logging.cloudTrail.homeRegion`).
   *
   * @default - undefined when the trail is disabled, or created by a baseline this app does not hold (or holds later)
   */
  public readonly accountTrailArn?: string;

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
   * The topic every alarm notifies: the one the baseline creates (`<project>-<environment>-alarms`, encrypted with
   * `keys.alarms`), or the one brought in through `monitoring.alarmTopic`. Subscribe to it here (AWS Chatbot, HTTPS).
   *
   * @default - undefined when `monitoring.enabled` is false
   */
  public readonly alarmTopic?: sns.ITopic;

  /**
   * Every alarm that notifies `alarmTopic`: the CIS alarms, then the operational ones. Empty when monitoring is off.
   * (The bastion's recovery alarm is not among them: it recovers the instance.)
   */
  public readonly alarms: cloudwatch.IAlarm[];

  /**
   * The baseline's dashboard, `<project>-<environment>-baseline`.
   *
   * @default - undefined when `monitoring.enabled` or `monitoring.dashboard` is false
   */
  public readonly dashboard?: cloudwatch.Dashboard;

  /**
   * The prefix of the SSM parameters the baseline publishes.
   *
   * @default - undefined when `sharing.publishParameters` is false
   */
  public readonly parameterPrefix?: string;

  /** What the cluster wiring methods need of this baseline (the imported baseline offers the same). */
  private readonly wiring: ClusterWiringSource;

  constructor(scope: Construct, id: string, props: NuminiaBaselineProps) {
    super(scope, id);
    pinFeatureFlags(this);
    // Each area resolves its props and reports its problems; every problem of every area fails synth at once.
    const config = resolveConfig(this, props);
    checkBaseline(this, props, config);
    claimBaselineIdentity(this, config.project, config.environment);
    reportOverlappingVpcCidrs(this, config.network.cidr);
    // One multi-region trail per account: the other baselines of the account in this app create none.
    const accountTrail = config.logging.cloudTrail.enabled ? claimAccountTrail(this, config.logging.cloudTrail) : undefined;
    const trailHere = accountTrail?.here ?? false;
    this.accountTrailArn = accountTrail?.trailArn;

    const keys = new Keys(this, 'Encryption', keysInputs(config, props, trailHere));
    this.keys = { eksSecrets: keys.eksSecrets, fileSystem: keys.fileSystem, logs: keys.logs };

    // The trail and the log buckets before the network: the flow logs may go to one of them.
    const logging = trailHere || config.logging.flowLogs.toS3
      ? new AuditTrail(this, 'AuditTrail', { config: config.logging.cloudTrail, trailHere, flowLogs: config.logging.flowLogs, key: keys.logs })
      : undefined;
    [this.trail, this.trailBucket, this.trailLogGroup] = [logging?.trail, logging?.bucket, logging?.logGroup];
    this.flowLogBucket = logging?.flowLogBucket;

    const network = new Network(this, 'Network', networkInputs(config, keys.logs, logging?.flowLogBucket));
    [this.vpc, this.flowLogGroup, this.endpointSecurityGroup] = [network.vpc, network.flowLogGroup, network.endpointSecurityGroup];
    this.natGatewayPublicIps = network.natGatewayPublicIps;

    if (config.fileSystem.enabled) {
      const storage = new Storage(this, 'Storage', storageInputs(config, props, network.vpc, keys.fileSystem!));
      const trust = config.fileSystem.csiDriverTrust;
      const csiDriver = new EfsCsiDriverRoles(this, 'EfsCsiDriver', { fileSystem: storage.fileSystem, trust, clusterNames: config.bastion.eksClusterNames });
      storage.authorizeClients('AllowEfsCsiDriverMounts', [...new Set([csiDriver.controllerRole, csiDriver.nodeRole])]);
      [this.fileSystem, this.fileSystemSecurityGroup] = [storage.fileSystem, storage.securityGroup];
      [this.efsCsiDriverRole, this.efsCsiNodeRole] = [csiDriver.controllerRole, csiDriver.nodeRole];
    }

    if (config.bastion.enabled) {
      const bastion = new Bastion(this, 'Bastion', bastionInputs(this, config, network.vpc, network.endpointSecurityGroup, keys));
      [this.bastion, this.bastionRole, this.bastionSecurityGroup] = [bastion.instance, bastion.role, bastion.securityGroup];
    }

    this.alarms = [];
    if (config.monitoring.enabled) {
      const monitoring = new Monitoring(this, 'Monitoring', monitoringInputs(this, config, accountTrail !== undefined && !trailHere));
      [this.alarmTopic, this.alarms, this.dashboard] = [monitoring.topic, monitoring.alarms, monitoring.dashboard];
      this.keys = { ...this.keys, alarms: monitoring.topicKey };
    }

    if (config.sharing.publishParameters) {
      this.parameterPrefix = config.sharing.parameterPrefix;
      new PublishedParameters(this, 'Sharing', sharingInputs(config, this));
    }

    const tags = { ...config.tags, [TAG_ENVIRONMENT]: config.environment, [TAG_PROJECT]: config.project, [TAG_MANAGED_BY]: MANAGED_BY };
    for (const [key, value] of Object.entries(tags)) {
      Tags.of(this).add(key, value);
    }
    adoptStackLevelResources(this, tags);

    this.wiring = clusterWiringOf(this, config.fileSystem.csiDriverTrust.type, config.bastion.ssmEndpoints, config.bastion.eksClusterNames);
  }

  /**
   * Lets the bastion reach a peer on a port, for Session Manager port forwarding
   * (`AWS-StartPortForwardingSessionToRemoteHost`): egress on the bastion's security group, and ingress on the
   * peer's (an RDS instance, a cluster, a service of an application repo).
   *
   * @param target what the bastion tunnels to
   * @param port the port it listens on
   */
  public allowBastionTunnelTo(target: ec2.IConnectable, port: ec2.Port): void {
    allowBastionTunnelTo(this.bastionSecurityGroup, target, port);
  }

  /**
   * Installs the EFS CSI driver add-on on a cluster with the driver's roles (through the add-on's pod identity
   * associations, after the `eks-pod-identity-agent` add-on; or IRSA), and gives the StorageClass manifest to apply.
   * The add-on goes in the cluster's stack when the cluster is in another stack of this app.
   *
   * @param id the add-on construct's ID (unique among this baseline's cluster wiring)
   * @param clusterName the cluster's name (an aws-cdk-lib EKS cluster's `clusterName`, or a name)
   */
  public addEfsCsiDriverAddon(id: string, clusterName: string, options?: EfsCsiDriverAddonOptions): EfsCsiDriverAddon {
    return addEfsCsiDriverAddon(this.wiring, id, clusterName, options);
  }

  /**
   * Lets the bastion's role use a cluster's Kubernetes API through an EKS access entry (read-only by default).
   * The cluster's authentication mode must allow access entries (API or API_AND_CONFIG_MAP).
   *
   * @param id the access entry construct's ID (unique among this baseline's cluster wiring)
   * @param clusterName the cluster's name
   */
  public grantBastionClusterAccess(id: string, clusterName: string, options?: BastionClusterAccessOptions): BastionClusterAccess {
    return grantBastionClusterAccess(this.wiring, id, clusterName, options);
  }
}
