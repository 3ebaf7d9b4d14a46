import { CfnParameter, Reference, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DATABASE_SUBNET_GROUP, PUBLIC_SUBNET_GROUP } from '../private/defaults';

/** Why a bastion in a public subnet is refused (the selection names them, or selects one of them). */
export const PUBLIC_PLACEMENT_PROBLEM =
  'bastion.vpcSubnets: selects a public subnet; nothing there gets a public address (mapPublicIpOnLaunch is off), ' +
  'so the bastion could not reach Systems Manager: place it in the private subnets (the default) or the database tier';

/** Where a subnet selection puts the bastion, as far as the selection itself tells before the VPC exists. */
export enum BastionTier {
  PUBLIC = 'public',
  PRIVATE = 'private',
  ISOLATED = 'isolated',
}

/** The tier a selection names (subnet type or the baseline's group names); private when it names neither. */
export function tierOfSelection(selection: ec2.SubnetSelection): BastionTier {
  if (selection.subnetType === ec2.SubnetType.PUBLIC || selection.subnetGroupName === PUBLIC_SUBNET_GROUP) {
    return BastionTier.PUBLIC;
  }
  if (selection.subnetType === ec2.SubnetType.PRIVATE_ISOLATED || selection.subnetGroupName === DATABASE_SUBNET_GROUP) {
    return BastionTier.ISOLATED;
  }
  return BastionTier.PRIVATE;
}

/** Where AWS publishes the IDs of the current Amazon Linux images (https://docs.aws.amazon.com/linux/al2023/ug/ec2.html). */
const AMAZON_LINUX_PARAMETERS = '/aws/service/ami-amazon-linux-latest/';

/**
 * The architecture of an Amazon Linux image, read from the name of the public SSM parameter its image ID comes from
 * (`.../al2023-ami-kernel-default-arm64`, `.../amzn2-ami-hvm-x86_64-gp2`); undefined for any other image.
 *
 * @param imageId the instance's `ImageId`: a reference to the stack parameter that reads the SSM parameter, or
 * `resolve:ssm:<name>`
 */
export function amazonLinuxArchitecture(imageId: string): ec2.InstanceArchitecture | undefined {
  const amazonLinux = amazonLinuxParameter(imageId);
  if (amazonLinux === undefined) return undefined;
  if (amazonLinux.includes('arm64')) return ec2.InstanceArchitecture.ARM_64;
  if (amazonLinux.includes('x86_64')) return ec2.InstanceArchitecture.X86_64;
  return undefined;
}

/** The name of the Amazon Linux public SSM parameter an image ID comes from, or undefined. */
export function amazonLinuxParameter(imageId: string): string | undefined {
  const names = [imageId];
  for (const token of Tokenization.reverseString(imageId).tokens) {
    // A reference to a stack parameter carries the parameter; other tokens (lazy values, intrinsics) carry no target.
    const target = (token as Partial<Reference>).target;
    if (target instanceof CfnParameter && typeof target.default === 'string') {
      names.push(target.default);
    }
  }
  return names.find((name) => name.includes(AMAZON_LINUX_PARAMETERS));
}
