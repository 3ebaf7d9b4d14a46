import { BastionProps } from './access/bastion-props';
import { EncryptionProps } from './encryption/encryption-props';
import { LoggingProps } from './logging/logging-props';
import { MonitoringProps } from './monitoring/monitoring-props';
import { NetworkProps } from './network/network-props';
import { SharingProps } from './sharing/sharing-props';
import { FileSystemProps } from './storage/file-system-props';

/**
 * Props of `NuminiaBaseline`. Only `environment` is required: every other value defaults to the architecture document.
 */
export interface NuminiaBaselineProps {
  /**
   * The environment name (e.g. `production`, `staging`): the `Environment` tag, key aliases and names.
   * Lowercase letters, digits and hyphens, 2-32 characters.
   */
  readonly environment: string;

  /**
   * The project name: the `Project` tag, key aliases, and the EKS clusters the bastion may describe.
   * Lowercase letters, digits and hyphens, 2-32 characters.
   *
   * @default numinia
   */
  readonly project?: string;

  /**
   * The VPC.
   *
   * @default - 10.0.0.0/16 over zones a/b/c of the stack's region, the document's subnets, a NAT gateway per zone
   */
  readonly network?: NetworkProps;

  /**
   * The KMS keys.
   *
   * @default - three new customer-managed keys rotating every 365 days
   */
  readonly encryption?: EncryptionProps;

  /**
   * The shared EFS file system.
   *
   * @default - a Regional, encrypted, backed-up General Purpose / Bursting file system
   */
  readonly fileSystem?: FileSystemProps;

  /**
   * The SSM-only bastion.
   *
   * @default - a t3.micro Amazon Linux 2023 instance in the first private subnet
   */
  readonly bastion?: BastionProps;

  /**
   * Flow logs and CloudTrail.
   *
   * @default - flow logs kept 30 days and a multi-region trail
   */
  readonly logging?: LoggingProps;

  /**
   * How application repos find the baseline: SSM parameters under one prefix.
   *
   * @default - parameters published under /<project>/<environment>/baseline/
   */
  readonly sharing?: SharingProps;

  /**
   * Alarms and a dashboard: the CIS AWS Foundations metric filters on the trail, NAT gateway, EFS, bastion, endpoint
   * and trail-delivery alarms, all notifying one encrypted topic.
   *
   * @default - on: a topic `<project>-<environment>-alarms` with its own key, every alarm, a dashboard
   */
  readonly monitoring?: MonitoringProps;

  /**
   * Extra tags for every resource that takes tags, besides `Environment`, `Project` and `ManagedBy=cdk`
   * (which the baseline sets and which cannot be given here).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}
