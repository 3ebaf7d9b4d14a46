import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BastionPatchingProps, BastionSessionLoggingProps } from './bastion-operations-props';

/**
 * The bastion: a small instance reached only through SSM Session Manager, for EKS troubleshooting.
 */
export interface BastionProps {
  /**
   * Create the bastion and its role.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Instance type.
   *
   * @default t3.micro
   */
  readonly instanceType?: ec2.InstanceType;

  /**
   * Machine image. Changing it (or a new image under the default SSM parameter) replaces the instance,
   * which holds no data. An Amazon Linux image whose architecture contradicts `instanceType` is refused.
   *
   * @default - the latest Amazon Linux 2023 for the instance type's architecture (arm64 for Graviton types such as
   * t4g and m7g); the document's Amazon Linux 2 reached end of support on 2026-06-30
   */
  readonly machineImage?: ec2.IMachineImage;

  /**
   * The image's root device, where the baseline puts an encrypted gp3 root volume. Set it when `machineImage`
   * uses another name (Ubuntu and Debian images use `/dev/sda1`), or the image's own root volume stays as it is.
   *
   * @default /dev/xvda (Amazon Linux)
   */
  readonly rootDeviceName?: string;

  /**
   * Where the bastion runs. It needs no public address: Session Manager connects outbound. The public subnets are
   * refused (nothing there gets a public address, so Session Manager could not be reached); in the isolated database
   * tier the bastion reaches Systems Manager through the SSM endpoints, which the baseline then adds.
   *
   * @default - the first private subnet
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Reach Systems Manager through interface endpoints in the VPC (`ssm`, `ssmmessages`, `ec2messages`) instead of
   * through NAT. The bastion's HTTPS egress then goes to the VPC endpoints only, not to the internet; anything else it
   * must reach (a database to tunnel to, a cluster's API) is granted with `allowBastionTunnelTo`.
   *
   * @default - true without NAT (`NatGateways.NONE`) and in the database tier, false otherwise (through NAT)
   */
  readonly ssmEndpoints?: boolean;

  /**
   * Names (or `*` patterns) of the EKS clusters of this account and region the bastion role may describe. The same
   * names limit which clusters' EFS CSI driver may use the driver's roles (through EKS Pod Identity), so they apply
   * with the bastion off too.
   *
   * The default trusts the environment's own clusters only: two environments that share an account (development and
   * sandbox) never use each other's driver roles or describe each other's clusters.
   *
   * @default - the environment's clusters: `<project>-<environment>` and `<project>-<environment>-*`
   */
  readonly eksClusterNames?: string[];

  /**
   * Patching with Systems Manager Patch Manager: a daily scan, a weekly install in a maintenance window, compliance
   * reported to the alarm topic.
   *
   * @default - patched: security and bugfix updates approved after 7 days, installed Sundays at 03:00 in the region's
   * time zone, rebooting when a patch needs it
   */
  readonly patching?: BastionPatchingProps;

  /**
   * Session Manager's session logging, and the account and region's Session Manager preferences that turn it on.
   *
   * @default - shell sessions streamed to `/<project>/<environment>/bastion-sessions`, encrypted with the logs key; 20
   * minutes idle, 4 hours at most; the preferences held by the first baseline of the account and region in the app
   */
  readonly sessionLogging?: BastionSessionLoggingProps;
}
