import * as kms from 'aws-cdk-lib/aws-kms';

/**
 * The baseline's customer-managed keys.
 */
export interface BaselineKeys {
  /**
   * Envelope encryption of Kubernetes secrets in the project's EKS clusters.
   */
  readonly eksSecrets: kms.IKey;

  /**
   * The EFS file system's key.
   *
   * @default - undefined when the file system is disabled
   */
  readonly fileSystem?: kms.IKey;

  /**
   * Flow-log and CloudTrail log groups, and CloudTrail's log files.
   */
  readonly logs: kms.IKey;

  /**
   * The alarm topic's key.
   *
   * @default - undefined when monitoring is disabled or its topic is brought in
   */
  readonly alarms?: kms.IKey;
}
