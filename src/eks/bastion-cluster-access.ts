import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The Kubernetes API's port. */
const HTTPS = 443;

/**
 * Options of the bastion's cluster access.
 */
export interface BastionClusterAccessOptions {
  /**
   * The EKS access policy to associate, cluster-wide.
   *
   * @default AmazonEKSViewPolicy (read-only)
   */
  readonly accessPolicyName?: string;

  /**
   * The cluster's authentication mode, for a cluster this app does not define (one made elsewhere, or an aws-eks
   * cluster of another app). Access entries need `API` or `API_AND_CONFIG_MAP`
   * (https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html); `CONFIG_MAP` is refused at synth time.
   * For a cluster of this app it is read from the cluster (an aws-eks cluster without `authenticationMode` uses
   * `CONFIG_MAP`; aws-eks-v2 clusters always use access entries).
   *
   * @default - read from the cluster when this app defines it, otherwise not checked
   */
  readonly authenticationMode?: eks.AuthenticationMode;

  /**
   * The cluster security group (the one EKS creates, `ClusterSecurityGroupId`) of a cluster this app does not define:
   * HTTPS from the bastion's security group is then allowed on it, as for a cluster of this app. Without it, allow
   * that rule where the cluster is managed, or `kubectl` on the bastion cannot reach a private API endpoint:
   * `aws ec2 authorize-security-group-ingress --group-id <cluster security group> --protocol tcp --port 443
   * --source-group <the baseline's bastion/security-group-id parameter>`.
   *
   * @default - the cluster's own security group when this app defines the cluster, otherwise no rule
   */
  readonly clusterSecurityGroupId?: string;
}

/**
 * Props of `BastionClusterAccess`.
 */
export interface BastionClusterAccessProps extends BastionClusterAccessOptions {
  /** The EKS cluster's name. */
  readonly clusterName: string;

  /** The bastion's role. */
  readonly role: iam.IRole;

  /**
   * The bastion's security group: HTTPS from it is allowed on `clusterSecurityGroupId`.
   *
   * @default - no network rule
   */
  readonly bastionSecurityGroup?: ec2.ISecurityGroup;

  /**
   * Whether the bastion's own egress is limited (to the VPC endpoints, `bastion.ssmEndpoints`), so that it also needs
   * an egress rule to the cluster security group.
   *
   * @default false
   */
  readonly bastionEgressLimited?: boolean;
}

/**
 * An EKS access entry that lets the bastion's role use the cluster's Kubernetes API (read-only by default), and the
 * network path to a private API endpoint: HTTPS from the bastion's security group on the cluster security group
 * (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html: with the public endpoint off, the cluster
 * security group must allow 443 from the bastion).
 */
export class BastionClusterAccess extends Construct {
  /** The `AWS::EKS::AccessEntry`. */
  public readonly accessEntry: eks.CfnAccessEntry;

  /**
   * HTTPS from the bastion on the cluster security group.
   *
   * @default - undefined when the cluster security group or the bastion's is unknown
   */
  public readonly clusterIngress?: ec2.CfnSecurityGroupIngress;

  /**
   * HTTPS to the cluster security group on the bastion's, when its egress is limited.
   *
   * @default - undefined unless `bastionEgressLimited`
   */
  public readonly bastionEgress?: ec2.CfnSecurityGroupEgress;

  constructor(scope: Construct, id: string, props: BastionClusterAccessProps) {
    super(scope, id);
    if (props.authenticationMode === eks.AuthenticationMode.CONFIG_MAP) {
      throw new Error(
        'grantBastionClusterAccess: the cluster\'s authenticationMode is CONFIG_MAP, which has no access entries; ' +
          'EKS accepts them with API or API_AND_CONFIG_MAP (set authenticationMode on the cluster), or map the bastion role ' +
          'in the aws-auth ConfigMap yourself',
      );
    }
    this.accessEntry = new eks.CfnAccessEntry(this, 'AccessEntry', {
      clusterName: props.clusterName,
      principalArn: props.role.roleArn,
      type: 'STANDARD',
      accessPolicies: [
        {
          policyArn: `arn:${Aws.PARTITION}:eks::aws:cluster-access-policy/${props.accessPolicyName ?? 'AmazonEKSViewPolicy'}`,
          accessScope: { type: 'cluster' },
        },
      ],
    });
    const clusterGroup = props.clusterSecurityGroupId;
    const bastionGroup = props.bastionSecurityGroup?.securityGroupId;
    if (clusterGroup !== undefined && bastionGroup !== undefined) {
      // L1 rules, made here: in the cluster's stack when the cluster is in another one, so that the baseline's stack
      // never depends on an application's cluster.
      this.clusterIngress = new ec2.CfnSecurityGroupIngress(this, 'ClusterIngress', {
        groupId: clusterGroup,
        sourceSecurityGroupId: bastionGroup,
        ipProtocol: 'tcp',
        fromPort: HTTPS,
        toPort: HTTPS,
        description: 'kubectl from the baseline bastion to the private API endpoint',
      });
      if (props.bastionEgressLimited) {
        this.bastionEgress = new ec2.CfnSecurityGroupEgress(this, 'BastionEgress', {
          groupId: bastionGroup,
          destinationSecurityGroupId: clusterGroup,
          ipProtocol: 'tcp',
          fromPort: HTTPS,
          toPort: HTTPS,
          description: 'kubectl to the cluster\'s private API endpoint',
        });
      }
    }
  }
}
