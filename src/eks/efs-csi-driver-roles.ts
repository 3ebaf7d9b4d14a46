import { Aws } from 'aws-cdk-lib';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EfsCsiDriverTrust } from './efs-csi-driver-trust';
import { acceptFinding, INLINE_POLICY_REASON, inEveryPack } from '../private/compliance';

/** The tag the EFS CSI driver puts on the access points it creates, and checks before deleting one. */
const CSI_CLUSTER_TAG = 'efs.csi.aws.com/cluster';

export interface EfsCsiDriverRoleProps {
  readonly fileSystem: efs.IFileSystem;
  readonly trust: EfsCsiDriverTrust;
}

/**
 * The EFS CSI driver's role: what `AmazonEFSCSIDriverPolicy` allows, scoped to the baseline's file system
 * and to access points the driver itself tagged.
 */
export class EfsCsiDriverRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, { fileSystem, trust }: EfsCsiDriverRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      description: 'EFS CSI driver: dynamic provisioning of access points on the baseline file system',
      assumedBy: trust._principal(this),
    });
    acceptFinding(this.role, [
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:elasticfilesystem:<AWS::Region>:<AWS::AccountId>:access-point/*]',
    ], 'ec2:DescribeAvailabilityZones has no resource type, so AWS only grants it on "*". Access points are created ' +
      'by the driver at run time with IDs unknown in advance: creating and tagging requires the driver\'s ' +
      'efs.csi.aws.com/cluster request tag, and deleting only reaches access points that carry it.');
    acceptFinding(this.role, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);
    const accessPoints = `arn:${Aws.PARTITION}:elasticfilesystem:${Aws.REGION}:${Aws.ACCOUNT_ID}:access-point/*`;
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DescribeFileSystem',
        actions: ['elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeMountTargets'],
        resources: [fileSystem.fileSystemArn, accessPoints],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DescribeAvailabilityZones',
        actions: ['ec2:DescribeAvailabilityZones'],
        // ec2:DescribeAvailabilityZones has no resource type: AWS only grants it on "*".
        resources: ['*'],
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'CreateTaggedAccessPoints',
        actions: ['elasticfilesystem:CreateAccessPoint', 'elasticfilesystem:TagResource'],
        resources: [fileSystem.fileSystemArn, accessPoints],
        conditions: { StringLike: { [`aws:RequestTag/${CSI_CLUSTER_TAG}`]: 'true' } },
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DeleteOwnAccessPoints',
        actions: ['elasticfilesystem:DeleteAccessPoint'],
        resources: [accessPoints],
        conditions: { StringEquals: { [`aws:ResourceTag/${CSI_CLUSTER_TAG}`]: 'true' } },
      }),
    );
  }
}
