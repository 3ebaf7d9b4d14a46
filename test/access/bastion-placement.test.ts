import { CfnParameter, CfnResource, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { amazonLinuxArchitecture, BastionTier, PUBLIC_PLACEMENT_PROBLEM, tierOfSelection } from '../../src/access/bastion-placement';

describe('where a subnet selection puts the bastion', () => {
  test.each<[string, ec2.SubnetSelection, BastionTier]>([
    ['the public subnet type', { subnetType: ec2.SubnetType.PUBLIC }, BastionTier.PUBLIC],
    ['the baseline\'s public group', { subnetGroupName: 'Public' }, BastionTier.PUBLIC],
    ['the isolated subnet type', { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, BastionTier.ISOLATED],
    ['the baseline\'s database group', { subnetGroupName: 'Database' }, BastionTier.ISOLATED],
    ['the private subnet type', { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, BastionTier.PRIVATE],
    ['the baseline\'s private group', { subnetGroupName: 'Private' }, BastionTier.PRIVATE],
    ['nothing (the default: the private subnets)', {}, BastionTier.PRIVATE],
  ])('%s', (_name, selection, tier) => {
    expect(tierOfSelection(selection)).toBe(tier);
  });

  test('the public placement problem names the property and the way out', () => {
    expect(PUBLIC_PLACEMENT_PROBLEM).toBe('bastion.vpcSubnets: selects a public subnet; nothing there gets a public address (mapPublicIpOnLaunch '
      + 'is off), so the bastion could not reach Systems Manager: place it in the private subnets (the default) or the database tier');
  });
});

describe('the architecture of an Amazon Linux image, from the public SSM parameter its ID comes from', () => {
  const parameters = '/aws/service/ami-amazon-linux-latest/';

  test.each<[string, ec2.InstanceArchitecture | undefined]>([
    [`resolve:ssm:${parameters}al2023-ami-kernel-6.1-arm64`, ec2.InstanceArchitecture.ARM_64],
    [`resolve:ssm:${parameters}al2023-ami-kernel-6.1-x86_64`, ec2.InstanceArchitecture.X86_64],
    [`resolve:ssm:${parameters}amzn2-ami-hvm-arm64-gp2`, ec2.InstanceArchitecture.ARM_64],
    [`resolve:ssm:${parameters}amzn2-ami-kernel-5.10-hvm-x86_64-gp2`, ec2.InstanceArchitecture.X86_64],
    // Not Amazon Linux's parameters: nothing is known of the image, whatever its name says.
    ['resolve:ssm:/golden-images/bastion-arm64', undefined],
    ['ami-0123456789abcdef0', undefined],
    // Amazon Linux's, with no architecture in the name.
    [`resolve:ssm:${parameters}al2023-ami-kernel-default`, undefined],
  ])('%s', (imageId, architecture) => {
    expect(amazonLinuxArchitecture(imageId)).toBe(architecture);
  });

  test('through the stack parameter aws-cdk-lib makes for latestAmazonLinux2023', () => {
    const stack = new Stack();
    const imageOf = (cpuType: ec2.AmazonLinuxCpuType) => ec2.MachineImage.latestAmazonLinux2023({ cpuType }).getImage(stack).imageId;
    expect(amazonLinuxArchitecture(imageOf(ec2.AmazonLinuxCpuType.ARM_64))).toBe(ec2.InstanceArchitecture.ARM_64);
    expect(amazonLinuxArchitecture(imageOf(ec2.AmazonLinuxCpuType.X86_64))).toBe(ec2.InstanceArchitecture.X86_64);
  });

  test('a parameter of the user\'s own, or another reference, tells nothing', () => {
    const stack = new Stack();
    const ownParameter = new CfnParameter(stack, 'Image', { type: 'AWS::EC2::Image::Id', default: '/golden-images/bastion-arm64' });
    const noDefault = new CfnParameter(stack, 'ImageWithoutDefault', { type: 'String' });
    const numberDefault = new CfnParameter(stack, 'Numbered', { type: 'Number', default: 64 });
    const resource = new CfnResource(stack, 'Images', { type: 'Custom::Images' });
    expect(amazonLinuxArchitecture(ownParameter.valueAsString)).toBeUndefined();
    expect(amazonLinuxArchitecture(noDefault.valueAsString)).toBeUndefined();
    expect(amazonLinuxArchitecture(numberDefault.valueAsString)).toBeUndefined();
    expect(amazonLinuxArchitecture(Lazy.string({ produce: () => `${parameters}al2023-ami-kernel-6.1-arm64` }))).toBeUndefined();
    // A resource attribute is a reference too, but not to a parameter.
    expect(amazonLinuxArchitecture(resource.getAtt('ImageId').toString())).toBeUndefined();
    expect(amazonLinuxArchitecture(Fn.join('-', [resource.getAtt('ImageId').toString(), 'arm64']))).toBeUndefined();
  });
});
