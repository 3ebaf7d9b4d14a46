import { Aws } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

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
}

/**
 * Props of `BastionClusterAccess`.
 */
export interface BastionClusterAccessProps extends BastionClusterAccessOptions {
  /** The EKS cluster's name. */
  readonly clusterName: string;

  /** The bastion's role. */
  readonly role: iam.IRole;
}

/**
 * An EKS access entry that lets the bastion's role use the cluster's Kubernetes API (read-only by default).
 */
export class BastionClusterAccess extends Construct {
  /** The `AWS::EKS::AccessEntry`. */
  public readonly accessEntry: eks.CfnAccessEntry;

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
  }
}
