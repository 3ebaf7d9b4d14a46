import { Construct } from 'constructs';

/**
 * Feature flags that change what aws-cdk-lib makes inside the baseline, pinned on the baseline's own scope so that
 * its template is the same in every app, whatever flags the app sets. Each value is the one `cdk init` writes today;
 * a test synthesizes under no flags and under every recommended flag and compares.
 */
export const PINNED_FEATURE_FLAGS: Record<string, boolean> = {
  // Mount-target logical IDs by subnet, not by position: a reordered subnet list must not replace mount targets.
  '@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId': true,
  '@aws-cdk/aws-efs:denyAnonymousAccess': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  // The log delivery service's bucket policy for flow logs to S3 (without it, delivery into the bucket fails).
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
};

/** Must run before the scope has children: context cannot change once a child may have read it. */
export function pinFeatureFlags(scope: Construct): void {
  for (const [flag, value] of Object.entries(PINNED_FEATURE_FLAGS)) {
    scope.node.setContext(flag, value);
  }
}
