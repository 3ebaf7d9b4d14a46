import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NuminiaBaseline } from '../../src';
import { baselineStack, synthTemplate } from '../util';

type Json = any;

function parameters(template: Template): Record<string, { Type: string; Value: Json }> {
  return Object.fromEntries(
    Object.values(template.findResources('AWS::SSM::Parameter') as Record<string, Json>).map((p) => [
      p.Properties.Name,
      { Type: p.Properties.Type, Value: p.Properties.Value },
    ]),
  );
}

function applicationStack(): Stack {
  return new Stack(new App(), 'Application', { env: { region: 'eu-west-1' } });
}

describe('sharing: published parameters', () => {
  test('the baseline writes its outputs under /<project>/<environment>/baseline/', () => {
    const published = parameters(synthTemplate());
    expect(Object.keys(published).sort()).toEqual(
      [
        'bastion/instance-id',
        'bastion/security-group-id',
        'efs/file-system-id',
        'efs/security-group-id',
        'iam/bastion-role-arn',
        'iam/efs-csi-driver-role-arn',
        'iam/efs-csi-node-role-arn',
        'kms/eks-secrets-key-arn',
        'kms/file-system-key-arn',
        'kms/logs-key-arn',
        'nat/public-ips',
        'route-tables/private/ids',
        'route-tables/public/ids',
        'subnets/private/ids',
        'subnets/public/ids',
        'vpc/availability-zones',
        'vpc/cidr',
        'vpc/id',
      ].map((name) => `/numinia/production/baseline/${name}`),
    );
  });

  test('the values are the baseline\'s own resources', () => {
    const published = parameters(synthTemplate());
    const at = (name: string) => published[`/numinia/production/baseline/${name}`];
    expect(at('vpc/id')).toEqual({ Type: 'String', Value: { Ref: expect.stringMatching(/^BaselineNetworkVpc/) } });
    expect(at('vpc/cidr')).toEqual({ Type: 'String', Value: '10.0.0.0/16' });
    expect(at('vpc/availability-zones')).toEqual({ Type: 'StringList', Value: 'eu-west-1a,eu-west-1b,eu-west-1c' });
    expect(at('subnets/private/ids').Type).toBe('StringList');
    expect(JSON.stringify(at('subnets/private/ids').Value)).toMatch(/PrivateSubnet1Subnet.*PrivateSubnet2Subnet.*PrivateSubnet3Subnet/);
    expect(at('efs/file-system-id').Value).toEqual({ Ref: expect.stringMatching(/^BaselineStorageFileSystem/) });
    expect(at('kms/eks-secrets-key-arn').Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/EksSecretsKey/), 'Arn'] });
    expect(at('iam/efs-csi-driver-role-arn').Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/EfsCsiDriverRole/), 'Arn'] });
    expect(at('bastion/instance-id').Value).toEqual({ Ref: expect.stringMatching(/BastionInstance/) });
  });

  test('a database tier and a custom prefix are published too', () => {
    const published = parameters(
      synthTemplate({
        network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] },
        sharing: { parameterPrefix: '/platform/prod/' },
      }),
    );
    expect(Object.keys(published)).toEqual(expect.arrayContaining(['/platform/prod/subnets/database/ids', '/platform/prod/route-tables/database/ids']));
  });

  test('every parameter keeps its logical ID between releases', () => {
    // A parameter whose logical ID changes is replaced, and CloudFormation creates the new one before deleting the
    // old: with the same name taken, the update fails. These IDs are the ones deployed by earlier releases.
    const logicalIds = (template: Template) => Object.fromEntries(
      Object.entries<Json>(template.findResources('AWS::SSM::Parameter')).map(([id, p]) => [p.Properties.Name.replace('/numinia/production/baseline/', ''), id]),
    );
    expect(logicalIds(synthTemplate({ network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] } }))).toEqual({
      'vpc/id': 'BaselineSharingVpcIdEB84F63C',
      'vpc/cidr': 'BaselineSharingVpcCidr1C7EBC98',
      'vpc/availability-zones': 'BaselineSharingAvailabilityZonesAA376A2A',
      'nat/public-ips': 'BaselineSharingNatPublicIpsC80CE963',
      'subnets/public/ids': 'BaselineSharingPublicSubnetIds4A125DCE',
      'route-tables/public/ids': 'BaselineSharingPublicRouteTableIdsF6863525',
      'subnets/private/ids': 'BaselineSharingPrivateSubnetIds61639DA7',
      'route-tables/private/ids': 'BaselineSharingPrivateRouteTableIds3CE20FA5',
      'subnets/database/ids': 'BaselineSharingDatabaseSubnetIds36908489',
      'route-tables/database/ids': 'BaselineSharingDatabaseRouteTableIdsB7480BC7',
      'kms/eks-secrets-key-arn': 'BaselineSharingEksSecretsKeyArn5D188B41',
      'kms/logs-key-arn': 'BaselineSharingLogsKeyArn239D0FD9',
      'kms/file-system-key-arn': 'BaselineSharingFileSystemKeyArnCA28FEF2',
      'efs/file-system-id': 'BaselineSharingFileSystemId031CA646',
      'efs/security-group-id': 'BaselineSharingFileSystemSecurityGroupId3A239C83',
      'iam/efs-csi-driver-role-arn': 'BaselineSharingEfsCsiDriverRoleArnD4D9FB8E',
      'iam/efs-csi-node-role-arn': 'BaselineSharingEfsCsiNodeRoleArn30F0B274',
      'iam/bastion-role-arn': 'BaselineSharingBastionRoleArnE4EB2692',
      'bastion/instance-id': 'BaselineSharingBastionInstanceIdC86FAA8F',
      'bastion/security-group-id': 'BaselineSharingBastionSecurityGroupId5EAF03E7',
    });
  });

  test('disabled areas publish nothing for themselves', () => {
    const published = Object.keys(parameters(synthTemplate({ fileSystem: { enabled: false }, bastion: { enabled: false } })));
    expect(published.filter((n) => /efs|bastion|file-system/.test(n))).toEqual([]);
  });

  test('publishing can be turned off', () => {
    synthTemplate({ sharing: { publishParameters: false } }).resourceCountIs('AWS::SSM::Parameter', 0);
  });

  test('no CloudFormation export ties the baseline stack to its consumers', () => {
    expect(synthTemplate().toJSON().Outputs).toBeUndefined();
  });

  test('fails when the prefix is malformed or set while publishing is off', () => {
    expect(() => baselineStack({ sharing: { parameterPrefix: 'no-slash' } })).toThrow(/sharing\.parameterPrefix: got "no-slash"; expected a path starting and ending with "\/"/);
    expect(() => baselineStack({ sharing: { publishParameters: false, parameterPrefix: '/x/' } })).toThrow(/sharing\.parameterPrefix: set while sharing\.publishParameters is false/);
  });
});

describe('sharing: importing in an application repo', () => {
  test('fromParameters reads every reference from SSM at deploy time (no credentials at synth)', () => {
    const stack = applicationStack();
    NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });
    const template = Template.fromStack(stack).toJSON();
    const ssmParameters = Object.values<Json>(template.Parameters).filter((p) => p.Default?.startsWith('/numinia/'));
    const list = 'AWS::SSM::Parameter::Value<List<String>>';
    const string = 'AWS::SSM::Parameter::Value<String>';
    expect(ssmParameters.map((p) => `${p.Type} ${p.Default.replace('/numinia/production/baseline/', '')}`).sort()).toEqual(
      [
        `${list} route-tables/private/ids`,
        `${list} route-tables/public/ids`,
        `${list} subnets/private/ids`,
        `${list} subnets/public/ids`,
        `${string} bastion/security-group-id`,
        `${string} efs/file-system-id`,
        `${string} efs/security-group-id`,
        `${string} iam/bastion-role-arn`,
        `${string} iam/efs-csi-driver-role-arn`,
        `${string} iam/efs-csi-node-role-arn`,
        `${string} kms/eks-secrets-key-arn`,
        `${string} kms/file-system-key-arn`,
        `${string} kms/logs-key-arn`,
        `${string} vpc/cidr`,
        `${string} vpc/id`,
      ].sort(),
    );
  });

  test('a Lambda function placed in the imported private subnets, with access to the file system and its key', () => {
    const stack = applicationStack();
    const baseline = NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' });
    const fn = new lambda.Function(stack, 'Worker', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {}'),
      vpc: baseline.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    baseline.fileSystem!.connections.allowDefaultPortFrom(fn);
    baseline.keys.fileSystem!.grantDecrypt(fn);
    const template = Template.fromStack(stack);
    const json = template.toJSON();
    const subnetIds = json.Resources[Object.keys(json.Resources).find((k) => json.Resources[k].Type === 'AWS::Lambda::Function')!].Properties.VpcConfig.SubnetIds;
    expect(subnetIds).toHaveLength(3);
    expect(JSON.stringify(subnetIds)).toContain('subnetsprivateids');
    // Opening NFS on the imported security group, whose ID comes from SSM.
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 2049,
      GroupId: { Ref: Match.stringLikeRegexp('efssecuritygroupid') },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:Decrypt', Resource: { Ref: Match.stringLikeRegexp('kmsfilesystemkeyarn') } })]) },
    });
  });

  test('the number of zones must be known at synth time', () => {
    const agnostic = new Stack(new App(), 'Agnostic');
    expect(() => NuminiaBaseline.fromParameters(agnostic, 'Baseline', { environment: 'production' })).toThrow(
      'ImportedBaseline.availabilityZones: the stack has no concrete region, so the number of zones is unknown; '
        + 'set env.region on the stack or list the baseline\'s zones explicitly',
    );
    const twoZones = NuminiaBaseline.fromParameters(new Stack(new App(), 'Two'), 'Baseline', {
      environment: 'production',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    });
    expect(twoZones.vpc.privateSubnets).toHaveLength(2);
  });
});
