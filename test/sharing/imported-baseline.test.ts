import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NatGateways, NuminiaBaseline } from '../../src';
import { synthTemplate } from '../util';

type Json = any;

const applicationStack = () => new Stack(new App({ builtinCloudFormationValidation: false }), 'Application', { env: { region: 'eu-west-1' } });
const database = { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] };

describe('sharing: what each published parameter holds', () => {
  const published = () => Object.fromEntries(Object.values<Json>(synthTemplate({ network: database }).findResources('AWS::SSM::Parameter'))
    .map((p) => [p.Properties.Name.replace('/numinia/production/baseline/', ''), p.Properties]));

  test('each says what it holds, for whoever finds it in Parameter Store', () => {
    expect(Object.fromEntries(Object.entries<Json>(published()).map(([name, p]) => [name, p.Description]))).toEqual({
      'vpc/id': 'Baseline: VPC ID',
      'vpc/cidr': 'Baseline: VPC IPv4 CIDR',
      'vpc/availability-zones': 'Baseline: availability zones, in subnet order',
      'nat/public-ips': 'Baseline: public IPv4 addresses of the NAT gateways',
      'subnets/public/ids': 'Baseline: Public subnet IDs, in zone order',
      'route-tables/public/ids': 'Baseline: Public route table IDs, in zone order',
      'subnets/private/ids': 'Baseline: Private subnet IDs, in zone order',
      'route-tables/private/ids': 'Baseline: Private route table IDs, in zone order',
      'subnets/database/ids': 'Baseline: Database subnet IDs, in zone order',
      'route-tables/database/ids': 'Baseline: Database route table IDs, in zone order',
      'kms/eks-secrets-key-arn': 'Baseline: KMS key for EKS secrets',
      'kms/logs-key-arn': 'Baseline: KMS key for logs',
      'kms/file-system-key-arn': 'Baseline: KMS key for EFS',
      'efs/file-system-id': 'Baseline: EFS file system ID',
      'efs/security-group-id': 'Baseline: EFS security group ID',
      'iam/efs-csi-driver-role-arn': 'Baseline: EFS CSI driver controller role ARN',
      'iam/efs-csi-node-role-arn': 'Baseline: EFS CSI driver node role ARN',
      'iam/bastion-role-arn': 'Baseline: bastion role ARN',
      'bastion/instance-id': 'Baseline: bastion instance ID',
      'bastion/security-group-id': 'Baseline: bastion security group ID',
    });
  });

  test('each tier\'s subnets and route tables are that tier\'s, in zone order', () => {
    const parameters = published();
    for (const [tier, group] of [['public', 'Public'], ['private', 'Private'], ['database', 'Database']]) {
      expect(parameters[`subnets/${tier}/ids`].Value['Fn::Join'][1]).toEqual([1, 2, 3].map((n) => ({ Ref: expect.stringMatching(new RegExp(`^BaselineNetworkVpc${group}Subnet${n}Subnet`)) })));
      expect(parameters[`route-tables/${tier}/ids`].Value['Fn::Join'][1]).toEqual([1, 2, 3].map((n) => ({ Ref: expect.stringMatching(new RegExp(`^BaselineNetworkVpc${group}Subnet${n}RouteTable`)) })));
    }
  });

  test('the NAT gateways\' addresses, and nothing for them without NAT', () => {
    expect(published()['nat/public-ips'].Value['Fn::Join'][1]).toHaveLength(3);
    const names = Object.values<Json>(synthTemplate({ network: { natGateways: NatGateways.NONE } }).findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);
    expect(names.filter((name) => name.includes('nat/'))).toEqual([]);
  });
});

describe('sharing: ImportedBaseline', () => {
  test('lists every problem of its props at once', () => {
    expect(() => NuminiaBaseline.fromParameters(applicationStack(), 'Baseline', { environment: 'Prod!', parameterPrefix: 'x' })).toThrow(
      'Invalid ImportBaselineProps (2 problems):\n  - environment: got "Prod!"; expected 2-32 characters: lowercase letters, digits and hyphens, '
        + 'starting with a letter and not ending with a hyphen\n  - parameterPrefix: got "x"; expected a path starting and ending with "/" of '
        + 'letters, digits and _.-/',
    );
    expect(() => NuminiaBaseline.fromParameters(applicationStack(), 'Baseline', { environment: 'production', parameterPrefix: '/platform' }))
      .toThrow(/^Invalid ImportBaselineProps \(1 problem\):\n {2}- parameterPrefix: got "\/platform"/);
  });

  test.each(['platform/prod/', '/platform/prod', '/plat form/'])('refuses the prefix %s', (prefix) => {
    expect(() => NuminiaBaseline.fromParameters(applicationStack(), 'Baseline', { environment: 'production', parameterPrefix: prefix }))
      .toThrow(/parameterPrefix: got ".*"; expected a path starting and ending with "\/"/);
  });

  test('reads from a custom prefix, and derives the zones from the stack\'s region', () => {
    const stack = applicationStack();
    const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production', parameterPrefix: '/platform/prod/' });
    expect(baseline.parameterPrefix).toBe('/platform/prod/');
    expect(Object.values<Json>(Template.fromStack(stack).toJSON().Parameters).map((p) => p.Default)).toContain('/platform/prod/vpc/id');
    expect(baseline.vpc.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  test('the imported roles are not changed by the application repo (grants to them add no policy)', () => {
    const stack = applicationStack();
    const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });
    for (const role of [baseline.bastionRole!, baseline.efsCsiDriverRole!, baseline.efsCsiNodeRole!]) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] }));
    }
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('the bastion group gets the tunnel\'s egress in the application stack: imported as closed and changeable', () => {
    const stack = applicationStack();
    const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });
    const target = new ec2.SecurityGroup(stack, 'Cache', { vpc: baseline.vpc, allowAllOutbound: false });
    baseline.allowBastionTunnelTo(target, ec2.Port.tcp(6379));
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { Ref: Match.stringLikeRegexp('bastionsecuritygroupid') },
      FromPort: 6379,
      ToPort: 6379,
    });
  });

  test('without the bastion or the file system, nothing of them is imported', () => {
    const stack = applicationStack();
    const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production', bastion: false, fileSystem: false });
    const { bastionRole, bastionSecurityGroup, fileSystem, efsCsiDriverRole, efsCsiNodeRole } = baseline;
    expect([bastionRole, bastionSecurityGroup, fileSystem, efsCsiDriverRole, efsCsiNodeRole, baseline.keys.fileSystem])
      .toEqual(Array(6).fill(undefined));
    const names = Object.values<Json>(Template.fromStack(stack).toJSON().Parameters).map((p) => String(p.Default));
    expect(names.filter((name) => /bastion|efs|file-system/.test(name))).toEqual([]);
    expect(() => baseline.allowBastionTunnelTo(new ec2.SecurityGroup(stack, 'Db', { vpc: baseline.vpc }), ec2.Port.tcp(5432))).toThrow(/no bastion/);
  });
});
