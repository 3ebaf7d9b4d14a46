import { Duration } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';

/**
 * Customer-managed KMS keys: one for EKS secrets, one for EFS, one for logs (flow logs, CloudTrail).
 *
 * Keys the baseline creates rotate automatically, are retained when the stack is deleted, and carry
 * aliases `alias/<project>/<environment>/<purpose>`.
 */
export interface EncryptionProps {
  /**
   * How often AWS rotates the keys the baseline creates: 90 to 2560 days.
   *
   * @default Duration.days(365)
   */
  readonly rotationPeriod?: Duration;

  /**
   * A key you manage, for EKS secrets envelope encryption, instead of one the baseline creates.
   *
   * @default - a new customer-managed key
   */
  readonly eksSecretsKey?: kms.IKey;

  /**
   * A key you manage, for the EFS file system, instead of one the baseline creates.
   * Changing the key of an existing file system replaces it.
   *
   * @default - a new customer-managed key
   */
  readonly fileSystemKey?: kms.IKey;

  /**
   * A key you manage, for the flow-log and CloudTrail log groups and the trail's log files, instead of one
   * the baseline creates. Its key policy must let CloudWatch Logs and CloudTrail use it.
   *
   * @default - a new customer-managed key with those grants
   */
  readonly logsKey?: kms.IKey;

  /**
   * Let CloudWatch Logs use the baseline's logs key for any log group of this account and region, so that
   * application repos can encrypt their own log groups with it (`baseline.keys.logs`). By default only the baseline's
   * own log groups (flow logs, the trail's copy) may use it.
   *
   * @default false
   */
  readonly logsKeyForAllLogGroups?: boolean;
}
