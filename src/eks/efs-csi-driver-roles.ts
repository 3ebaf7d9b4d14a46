import { Aws } from 'aws-cdk-lib';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EfsCsiDriverTrust, EfsCsiDriverTrustType } from './efs-csi-driver-trust';
import { EFS_CSI_CLUSTER_TAG, EFS_CSI_CONTROLLER_SERVICE_ACCOUNT, EFS_CSI_NODE_SERVICE_ACCOUNT } from './efs-csi-names';
import { acceptFinding, INLINE_POLICY_REASON, inEveryPack } from '../private/compliance';

export interface EfsCsiDriverRolesProps {
  readonly fileSystem: efs.IFileSystem;
  readonly trust: EfsCsiDriverTrust;
  /** The clusters (names or `*` patterns, this account and region) whose driver may use the roles. */
  readonly clusterNames: string[];
}

/**
 * The EFS CSI driver's roles. The controller's provisions access points on the baseline's file system only, with the
 * conditions of AWS's AmazonEFSCSIDriverPolicy
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEFSCSIDriverPolicy.html); the node
 * daemonset's has no identity policy at all: the file system policy lets it mount (see Storage.authorizeClients).
 * With IRSA both service accounts share the controller's role, as the add-on's `serviceAccountRoleArn` implies.
 */
export class EfsCsiDriverRoles extends Construct {
  public readonly controllerRole: iam.Role;
  public readonly nodeRole: iam.Role;

  constructor(scope: Construct, id: string, { fileSystem, trust, clusterNames }: EfsCsiDriverRolesProps) {
    super(scope, id);
    const irsa = trust.type === EfsCsiDriverTrustType.IRSA;
    this.controllerRole = new iam.Role(this, 'Role', {
      description: 'EFS CSI driver controller: dynamic provisioning of access points on the baseline file system',
      // With IRSA the trust names its own service accounts (both, from its options); Pod Identity binds this one.
      assumedBy: trust._principal(this, { serviceAccounts: [EFS_CSI_CONTROLLER_SERVICE_ACCOUNT], clusterNames }),
    });
    this.nodeRole = irsa
      ? this.controllerRole
      : new iam.Role(this, 'NodeRole', {
        description: 'EFS CSI driver node daemonset: mounts the baseline file system (the iam mount option)',
        assumedBy: trust._principal(this, { serviceAccounts: [EFS_CSI_NODE_SERVICE_ACCOUNT], clusterNames }),
      });

    acceptFinding(this.controllerRole, [
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:elasticfilesystem:<AWS::Region>:<AWS::AccountId>:access-point/*]',
    ], 'ec2:DescribeAvailabilityZones has no resource type, so AWS only grants it on "*". Access points are created ' +
      'by the driver at run time with IDs unknown in advance: tagging is allowed only while creating one with the ' +
      'driver\'s efs.csi.aws.com/cluster tag and no other, and deleting only reaches access points that carry it.');
    acceptFinding(this.controllerRole, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);

    const accessPoints = `arn:${Aws.PARTITION}:elasticfilesystem:${Aws.REGION}:${Aws.ACCOUNT_ID}:access-point/*`;
    const onlyTheClusterTag = {
      'Null': { [`aws:RequestTag/${EFS_CSI_CLUSTER_TAG}`]: 'false' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': EFS_CSI_CLUSTER_TAG },
    };
    for (const statement of [
      new iam.PolicyStatement({
        sid: 'DescribeFileSystem',
        actions: ['elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeMountTargets'],
        resources: [fileSystem.fileSystemArn, accessPoints],
      }),
      new iam.PolicyStatement({
        sid: 'DescribeAvailabilityZones',
        actions: ['ec2:DescribeAvailabilityZones'],
        // ec2:DescribeAvailabilityZones has no resource type: AWS only grants it on "*".
        resources: ['*'],
      }),
      // AmazonEFSCSIDriverPolicy's AllowCreateAccessPoint, on this file system only.
      new iam.PolicyStatement({
        sid: 'CreateTaggedAccessPoints',
        actions: ['elasticfilesystem:CreateAccessPoint'],
        resources: [fileSystem.fileSystemArn],
        conditions: onlyTheClusterTag,
      }),
      // AmazonEFSCSIDriverPolicy's AllowTagNewAccessPoints: tags only on create, never on an existing access point
      // (which the driver could then delete).
      new iam.PolicyStatement({
        sid: 'TagNewAccessPoints',
        actions: ['elasticfilesystem:TagResource'],
        resources: [accessPoints],
        conditions: { ...onlyTheClusterTag, StringEquals: { 'elasticfilesystem:CreateAction': 'CreateAccessPoint' } },
      }),
      // aws-efs-csi-driver docs/iam-policy-example.json: delete only what the driver tagged.
      new iam.PolicyStatement({
        sid: 'DeleteOwnAccessPoints',
        actions: ['elasticfilesystem:DeleteAccessPoint'],
        resources: [accessPoints],
        conditions: { StringEquals: { [`aws:ResourceTag/${EFS_CSI_CLUSTER_TAG}`]: 'true' } },
      }),
    ]) {
      this.controllerRole.addToPrincipalPolicy(statement);
    }
  }
}
