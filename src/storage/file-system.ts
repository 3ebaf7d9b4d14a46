import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { FileSystemConfig } from './file-system-config';
import { FileSystemProps } from './file-system-props';
import { acceptFinding, inEveryPack } from '../private/compliance';
import { PRIVATE_SUBNET_GROUP } from '../private/defaults';

export interface StorageAreaProps {
  readonly config: FileSystemConfig;
  readonly props: FileSystemProps;
  readonly vpc: ec2.IVpc;
  /** Literal CIDRs, so that compliance rules can read the ingress rules (subnet attributes are tokens). */
  readonly privateSubnetCidrs: string[];
  readonly databaseSubnetCidrs: string[];
  readonly key: kms.IKey;
}

/** What a mount over NFS needs besides IAM: TLS (denied otherwise, below) and a mount target. */
const THROUGH_A_MOUNT_TARGET = { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } };

/**
 * The Regional EFS file system: a mount target in every private subnet, KMS-encrypted, backed up, retained, and a
 * file system policy that says exactly who may mount.
 */
export class Storage extends Construct {
  public readonly fileSystem: efs.FileSystem;
  public readonly securityGroup: ec2.SecurityGroup;
  private readonly clientActions: string[];

  constructor(scope: Construct, id: string, { config, props, vpc, privateSubnetCidrs, databaseSubnetCidrs, key }: StorageAreaProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'EFS mount targets: NFS from the allowed peers only',
      allowAllOutbound: false,
    });
    // The public subnets hold load balancers and NAT gateways, never NFS clients.
    const peers = props.allowedPeers ?? [
      ...privateSubnetCidrs,
      ...(config.allowFromDatabaseTier ? databaseSubnetCidrs : []),
    ].map((cidr) => ec2.Peer.ipv4(cidr));
    for (const peer of peers) {
      this.securityGroup.addIngressRule(peer, ec2.Port.tcp(2049), 'NFS');
    }

    this.fileSystem = new efs.FileSystem(this, 'FileSystem', {
      vpc,
      vpcSubnets: { subnetGroupName: PRIVATE_SUBNET_GROUP },
      securityGroup: this.securityGroup,
      // Explicit: the aws-cdk-lib default for `encrypted` depends on a feature flag.
      encrypted: true,
      kmsKey: key,
      performanceMode: config.performanceMode,
      throughputMode: config.throughputMode,
      provisionedThroughputPerSecond: props.provisionedThroughputPerSecond,
      lifecyclePolicy: props.lifecyclePolicy,
      enableAutomaticBackups: config.automaticBackups,
      // The baseline writes the whole file system policy itself (below and in authorizeClients), which refuses
      // anonymous clients: aws-cdk-lib's own statement for "no anonymous access" would instead give ClientWrite and
      // ClientRootAccess to every principal of every account.
      allowAnonymousAccess: true,
      // A replaced or deleted file system loses its data: it outlives the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (config.automaticBackups) {
      acceptFinding(this.fileSystem, inEveryPack('EFSInBackupPlan', ['NIST.800.53.R5', 'HIPAA.Security']),
        'EFS automatic backups are on: AWS Backup protects the file system daily through the aws/efs/automatic-backup-plan ' +
          '(35-day retention), which the rule does not recognise because it looks for a BackupSelection resource.');
    }
    // Encryption in transit: NFS without TLS is refused (the EFS CSI driver and efs-utils mount with TLS).
    this.fileSystem.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyUnencryptedTransport',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['*'],
        conditions: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    // ClientMount is read access; without it nobody mounts at all
    // (https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html).
    this.clientActions = [
      'elasticfilesystem:ClientMount',
      'elasticfilesystem:ClientWrite',
      ...(config.clientRootAccess ? ['elasticfilesystem:ClientRootAccess'] : []),
    ];
    if (config.allowMountsFromAccount) {
      this.fileSystem.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowMountsFromThisAccount',
          principals: [new iam.AnyPrincipal()],
          actions: this.clientActions,
          conditions: { ...THROUGH_A_MOUNT_TARGET, StringEquals: { 'aws:PrincipalAccount': Aws.ACCOUNT_ID } },
        }),
      );
    }
  }

  /**
   * Lets these roles mount and write through a mount target (over TLS: the deny above), the way AWS's example
   * "grant read and write access to a specific AWS role" does
   * (https://docs.aws.amazon.com/efs/latest/ug/security_iam_resource-based-policy-examples.html).
   */
  public authorizeClients(sid: string, roles: iam.IRole[]): void {
    this.fileSystem.addToResourcePolicy(
      new iam.PolicyStatement({
        sid,
        principals: roles.map((role) => new iam.ArnPrincipal(role.roleArn)),
        actions: this.clientActions,
        conditions: THROUGH_A_MOUNT_TARGET,
      }),
    );
  }
}
