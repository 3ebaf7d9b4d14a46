import { Reference, Stack, Token, Tokenization } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as eksv2 from 'aws-cdk-lib/aws-eks-v2';
import { IConstruct } from 'constructs';

/** What the app itself says about a cluster named by a token. */
export interface KnownCluster {
  /** The stack that holds the cluster. */
  readonly stack: Stack;
  /** Its authentication mode: aws-eks clusters without one use CONFIG_MAP; aws-eks-v2 clusters always API. */
  readonly authenticationMode: eks.AuthenticationMode;
  /** Its name, when the app gives it literally. */
  readonly name?: string;
  /** The security group EKS creates for the cluster (its control plane's endpoint network interfaces use it). */
  readonly securityGroupId: string;
  /** The cluster's own `eks-pod-identity-agent` add-on (created by the cluster on first use, then shared). */
  podIdentityAgent(): IConstruct;
}

/**
 * Finds the cluster a cluster name refers to, when the name is an attribute of a cluster this app defines
 * (aws-eks or aws-eks-v2 `Cluster`); undefined for a literal name or a cluster made elsewhere.
 */
export function findKnownCluster(clusterName: string): KnownCluster | undefined {
  for (const token of Tokenization.reverseString(clusterName).tokens) {
    if (!(token instanceof Reference)) {
      continue;
    }
    // Clusters do not nest: whichever scope of the reference is a cluster is the one.
    for (const scope of token.target.node.scopes) {
      if (scope instanceof eksv2.Cluster) {
        // aws-eks-v2 has L1 classes of its own: its cluster resource is not an aws-eks CfnCluster.
        const name = token.target instanceof eksv2.CfnCluster ? token.target.name : undefined;
        return {
          stack: Stack.of(scope),
          authenticationMode: eks.AuthenticationMode.API,
          podIdentityAgent: () => scope.eksPodIdentityAgent!,
          name: Token.isUnresolved(name) ? undefined : name,
          securityGroupId: scope.clusterSecurityGroupId,
        };
      }
      if (scope instanceof eks.Cluster) {
        return {
          stack: Stack.of(scope),
          authenticationMode: scope.authenticationMode ?? eks.AuthenticationMode.CONFIG_MAP,
          podIdentityAgent: () => scope.eksPodIdentityAgent!,
          securityGroupId: scope.clusterSecurityGroupId,
        };
      }
    }
  }
  return undefined;
}
