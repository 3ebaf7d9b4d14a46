import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { FileSystemProps } from './file-system-props';
import { acceptFinding, inEveryPack } from '../private/compliance';
import { BaselineConfig } from '../private/config';
import { PRIVATE_SUBNET_GROUP } from '../private/defaults';

export interface StorageAreaProps {
  readonly config: BaselineConfig['fileSystem'];
  /** The VPC CIDR as configured: a literal lets compliance rules read the rule (the VPC attribute is a token). */
  readonly vpcCidr: string;
  readonly props: FileSystemProps;
  readonly vpc: ec2.IVpc;
  readonly key: kms.IKey;
}

/**
 * The Regional EFS file system: a mount target in every private subnet, KMS-encrypted, backed up, retained.
 */
export class Storage extends Construct {
  public readonly fileSystem: efs.FileSystem;
  public readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, { config, props, vpc, vpcCidr, key }: StorageAreaProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'EFS mount targets: NFS from the allowed peers only',
      allowAllOutbound: false,
    });
    const peers = props.allowedPeers ?? [ec2.Peer.ipv4(vpcCidr)];
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
      // Clients must mount through a mount target with IAM or network access; never anonymously.
      allowAnonymousAccess: false,
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
  }
}
