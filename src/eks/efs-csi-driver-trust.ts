import { CfnJson, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The namespace and service account the EFS CSI driver's controller runs as (the add-on's defaults). */
const EFS_CSI_NAMESPACE = 'kube-system';
const EFS_CSI_CONTROLLER_SERVICE_ACCOUNT = 'efs-csi-controller-sa';

/**
 * Options for IAM roles for service accounts (IRSA).
 */
export interface IrsaTrustOptions {
  /**
   * The Kubernetes namespace of the service account.
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
}

/**
 * How the EFS CSI driver's pods assume the driver's IAM role.
 */
export class EfsCsiDriverTrust {
  /**
   * EKS Pod Identity: the role trusts `pods.eks.amazonaws.com` (`sts:AssumeRole`, `sts:TagSession`) from this
   * account only, and an add-on's pod identity association binds it to the driver's service account.
   */
  public static podIdentity(): EfsCsiDriverTrust {
    return new EfsCsiDriverTrust((scope) => {
      const stack = Stack.of(scope);
      return new iam.ServicePrincipal('pods.eks.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }).withSessionTags();
    });
  }

  /**
   * IAM roles for service accounts: the role trusts the cluster's OIDC provider, for one service account only.
   *
   * @param openIdConnectProvider the cluster's IAM OIDC provider
   */
  public static irsa(openIdConnectProvider: iam.IOpenIdConnectProvider, options: IrsaTrustOptions = {}): EfsCsiDriverTrust {
    return new EfsCsiDriverTrust((scope) => {
      const issuer = openIdConnectProvider.openIdConnectProviderIssuer;
      const namespace = options.namespace ?? EFS_CSI_NAMESPACE;
      const serviceAccount = options.serviceAccount ?? EFS_CSI_CONTROLLER_SERVICE_ACCOUNT;
      // The issuer is a token in the condition keys: CfnJson resolves them at deploy time.
      const conditions = new CfnJson(scope, 'IrsaTrustConditions', {
        value: {
          [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
          [`${issuer}:aud`]: 'sts.amazonaws.com',
        },
      });
      return new iam.OpenIdConnectPrincipal(openIdConnectProvider, { StringEquals: conditions });
    });
  }

  private constructor(private readonly principalFactory: (scope: Construct) => iam.IPrincipal) {}

  /**
   * The principal the role trusts.
   *
   * @internal
   */
  public _principal(scope: Construct): iam.IPrincipal {
    return this.principalFactory(scope);
  }
}
