import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NatGateways } from '../../src';
import { resolveBastionConfig } from '../../src/access/bastion-config';
import { amazonLinuxArchitecture } from '../../src/access/bastion-placement';

const context = { scope: new Stack(), project: 'numinia', environment: 'prod', natGateways: NatGateways.ONE_PER_AZ };
const architectureOf = (image: ec2.IMachineImage) => amazonLinuxArchitecture(image.getImage(new Stack()).imageId);

describe('the bastion\'s config', () => {
  test('the defaults the props document: the first subnet of the private group, t3.micro, x86_64 Amazon Linux 2023', () => {
    const config = resolveBastionConfig(undefined, context);
    // BastionProps.vpcSubnets: "@default - the first private subnet" (the group the network names "Private").
    expect(config.vpcSubnets).toEqual({ subnetGroupName: 'Private', onePerAz: true });
    expect(config.instanceType.toString()).toBe('t3.micro');
    expect(architectureOf(config.machineImage)).toBe(ec2.InstanceArchitecture.X86_64);
    expect(config.eksClusterNames).toEqual(['numinia-prod', 'numinia-prod-*']);
    expect(config.enabled).toBe(true);
  });

  test('a Graviton instance type gets the arm64 image', () => {
    const config = resolveBastionConfig({ instanceType: new ec2.InstanceType('t4g.micro') }, context);
    expect(architectureOf(config.machineImage)).toBe(ec2.InstanceArchitecture.ARM_64);
  });

  test('an instance type known only at deploy time gets the x86_64 image instead of an error', () => {
    // aws-cdk-lib's InstanceType.architecture throws "Malformed instance type identifier" on a token.
    const instanceType = new ec2.InstanceType(new CfnParameter(new Stack(), 'BastionType', { default: 't3.small' }).valueAsString);
    const config = resolveBastionConfig({ instanceType }, context);
    expect(architectureOf(config.machineImage)).toBe(ec2.InstanceArchitecture.X86_64);
  });

  test('endpoints for Systems Manager when nothing else leads there: no NAT, or the isolated tier', () => {
    expect(resolveBastionConfig(undefined, context).ssmEndpoints).toBe(false);
    expect(resolveBastionConfig(undefined, { ...context, natGateways: NatGateways.NONE }).ssmEndpoints).toBe(true);
    expect(resolveBastionConfig({ vpcSubnets: { subnetGroupName: 'Database' } }, context).ssmEndpoints).toBe(true);
    expect(resolveBastionConfig({ ssmEndpoints: false }, { ...context, natGateways: NatGateways.NONE }).ssmEndpoints).toBe(false);
  });
});
