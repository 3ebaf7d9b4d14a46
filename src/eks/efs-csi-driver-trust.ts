import { Aws, CfnJson, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EFS_CSI_CONTROLLER_SERVICE_ACCOUNT, EFS_CSI_NAMESPACE, EFS_CSI_NODE_SERVICE_ACCOUNT } from './efs-csi-names';

/**
 * How the EFS CSI driver's pods get their credentials.
 */
export enum EfsCsiDriverTrustType {
  /** EKS Pod Identity: a role per service account, bound by the add-on's pod identity associations. */
  POD_IDENTITY = 'POD_IDENTITY',
  /** IAM roles for service accounts: one role, annotated on both service accounts by the add-on. */
  IRSA = 'IRSA',
}

/**
 * Options for IAM roles for service accounts (IRSA).
 */
export interface IrsaTrustOptions {
  /**
   * The Kubernetes namespace of the driver's service accounts.
   *
   * @default kube-system
   */
  readonly namespace?: string;

  /**
   * The service account the EFS CSI controller runs as.
   *
   * @default efs-csi-controller-sa
   */
  readonly serviceAccount?: string;

  /**
   * The service account the EFS CSI node daemonset runs as (it performs the mounts).
   *
   * @default efs-csi-node-sa
   */
  readonly nodeServiceAccount?: string;
}

/** Who a role of the driver is for: the service accounts, and the clusters they may run in. */
export interface CsiRoleAudience {
  readonly serviceAccounts: string[];
  /** EKS cluster names or `*` patterns of this account and region. */
  readonly clusterNames: string[];
}

/**
 * How the EFS CSI driver's pods assume the driver's IAM roles.
 */
export class EfsCsiDriverTrust {
  /**
   * EKS Pod Identity (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html): each role trusts
   * `pods.eks.amazonaws.com` (`sts:AssumeRole`, `sts:TagSession`) only for sessions whose tags name a cluster of this
   * account and region matching the baseline's cluster names, the `kube-system` namespace and the role's own service
   * account. The add-on's pod identity associations bind the controller role to
   * `efs-csi-controller-sa` and the node role to `efs-csi-node-sa`.
   */
  public static podIdentity(): EfsCsiDriverTrust {
    return new EfsCsiDriverTrust(EfsCsiDriverTrustType.POD_IDENTITY, (_scope, audience) => {
      const clusterArns = audience.clusterNames.map((name) => `arn:${Aws.PARTITION}:eks:${Aws.REGION}:${Aws.ACCOUNT_ID}:cluster/${name}`);
      // Only the session tags EKS Pod Identity documents (pod-id-abac.html); EKS documents no aws:SourceAccount or
      // aws:SourceArn for this request, so none is required. The cluster ARN tag names this account and region.
      return new iam.ServicePrincipal('pods.eks.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:RequestTag/kubernetes-namespace': EFS_CSI_NAMESPACE,
            'aws:RequestTag/kubernetes-service-account': oneOrMany(audience.serviceAccounts),
          },
          StringLike: { 'aws:RequestTag/eks-cluster-arn': oneOrMany(clusterArns) },
        },
      }).withSessionTags();
    });
  }

  /**
   * IAM roles for service accounts: one role trusting the cluster's OIDC provider for the driver's two service
   * accounts only (the add-on's `serviceAccountRoleArn` annotates both, as the EKS add-on documentation describes).
   * The provider names the cluster, so no cluster-name condition is needed.
   *
   * @param openIdConnectProvider the cluster's IAM OIDC provider
   */
  public static irsa(openIdConnectProvider: iam.IOpenIdConnectProvider, options: IrsaTrustOptions = {}): EfsCsiDriverTrust {
    const namespace = options.namespace ?? EFS_CSI_NAMESPACE;
    const serviceAccounts = [
      options.serviceAccount ?? EFS_CSI_CONTROLLER_SERVICE_ACCOUNT,
      options.nodeServiceAccount ?? EFS_CSI_NODE_SERVICE_ACCOUNT,
    ];
    // The audience's service accounts are Pod Identity's: an OIDC trust names both of the driver's, from the options.
    return new EfsCsiDriverTrust(EfsCsiDriverTrustType.IRSA, (scope) => {
      const issuer = openIdConnectProvider.openIdConnectProviderIssuer;
      const value = {
        [`${issuer}:sub`]: serviceAccounts.map((sa) => `system:serviceaccount:${namespace}:${sa}`),
        [`${issuer}:aud`]: 'sts.amazonaws.com',
      };
      // A token in a condition key cannot be written as a JSON key: CfnJson resolves it at deploy time. An issuer known
      // at synth (a provider imported by ARN) needs no custom resource.
      const conditions = Token.isUnresolved(issuer) ? new CfnJson(scope, 'IrsaTrustConditions', { value }) : value;
      return new iam.OpenIdConnectPrincipal(openIdConnectProvider, { StringEquals: conditions });
    });
  }

  private constructor(
    /** How the pods get credentials. */
    public readonly type: EfsCsiDriverTrustType,
    private readonly principalFactory: (scope: Construct, audience: CsiRoleAudience) => iam.IPrincipal,
  ) {}

  /**
   * The principal a role of the driver trusts.
   *
   * @internal
   */
  public _principal(scope: Construct, audience: CsiRoleAudience): iam.IPrincipal {
    return this.principalFactory(scope, audience);
  }
}

/** A condition value: a single value as itself, several as a list (IAM reads both the same way). */
function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}
