import { Size } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { NatGateways } from '../../src';
import { synthTemplate } from '../util';

describe('file system', () => {
  test('one Regional EFS, encrypted with the file-system key, General Purpose, Bursting, backed up', () => {
    const template = synthTemplate();
    template.resourceCountIs('AWS::EFS::FileSystem', 1);
    template.hasResourceProperties('AWS::EFS::FileSystem', {
      Encrypted: true,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('EncryptionFileSystemKey'), 'Arn'] },
      PerformanceMode: 'generalPurpose',
      ThroughputMode: 'bursting',
      BackupPolicy: { Status: 'ENABLED' },
      AvailabilityZoneName: Match.absent(),
    });
  });

  test('without NAT and with a database tier, the mount targets stay in the private subnets (both tiers are isolated then)', () => {
    const template = synthTemplate({ network: { natGateways: NatGateways.NONE, databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] } });
    const subnets = Object.values(template.findResources('AWS::EFS::MountTarget')).map((target) => target.Properties.SubnetId.Ref);
    expect(subnets).toEqual([1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^BaselineNetworkVpcPrivateSubnet${n}Subnet`))));
  });

  test('the file system is retained on delete and on replacement', () => {
    synthTemplate().hasResource('AWS::EFS::FileSystem', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('a mount target in each private subnet', () => {
    const template = synthTemplate();
    template.resourceCountIs('AWS::EFS::MountTarget', 3);
    for (const n of [1, 2, 3]) {
      template.hasResourceProperties('AWS::EFS::MountTarget', {
        SubnetId: { Ref: Match.stringLikeRegexp(`VpcPrivateSubnet${n}Subnet`) },
      });
    }
  });

  test('NFS is open to the private subnets only (never the public ones), and nothing else comes in', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('EFS mount targets'),
      SecurityGroupIngress: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'].map((cidr) => ({
        CidrIp: cidr, FromPort: 2049, ToPort: 2049, IpProtocol: 'tcp', Description: 'NFS',
      })),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('the database tier reaches NFS only when asked', () => {
    const database = { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] };
    const ingress = (template: ReturnType<typeof synthTemplate>) => {
      const [sg] = Object.values(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('EFS mount targets') } }));
      return sg.Properties.SecurityGroupIngress.map((rule: any) => rule.CidrIp);
    };
    expect(ingress(synthTemplate({ network: database }))).toEqual(['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']);
    expect(ingress(synthTemplate({ network: database, fileSystem: { allowFromDatabaseTier: true } }))).toEqual([
      '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24',
    ]);
  });

  test('NFS can be opened to given peers instead', () => {
    synthTemplate({ fileSystem: { allowedPeers: [ec2.Peer.ipv4('10.0.1.0/24')] } }).hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('EFS mount targets'),
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.1.0/24', FromPort: 2049 })],
    });
  });

  test('the file system policy: TLS required, the CSI driver roles mount and write through a mount target, nothing else', () => {
    const [fs] = Object.values(synthTemplate().findResources('AWS::EFS::FileSystem'));
    const roleArn = (pattern: RegExp) => ({ 'Fn::GetAtt': [expect.stringMatching(pattern), 'Arn'] });
    expect(fs.Properties.FileSystemPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DenyUnencryptedTransport', Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        {
          Sid: 'AllowEfsCsiDriverMounts',
          Effect: 'Allow',
          Principal: { AWS: [roleArn(/^BaselineEfsCsiDriverRole/), roleArn(/^BaselineEfsCsiDriverNodeRole/)] },
          Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
        },
      ],
    });
  });

  test('account-wide mounts and root access only when asked, never for other accounts', () => {
    const [fs] = Object.values(synthTemplate({ fileSystem: { allowMountsFromAccount: true, clientRootAccess: true } }).findResources('AWS::EFS::FileSystem'));
    const statements = fs.Properties.FileSystemPolicy.Statement;
    const clientActions = ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess'];
    expect(statements).toContainEqual({
      Sid: 'AllowMountsFromThisAccount',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: clientActions,
      Condition: {
        Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' },
        StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } },
      },
    });
    expect(statements.find((s: any) => s.Sid === 'AllowEfsCsiDriverMounts').Action).toEqual(clientActions);
  });

  test('performance and throughput modes can be chosen', () => {
    synthTemplate({
      fileSystem: { throughputMode: efs.ThroughputMode.PROVISIONED, provisionedThroughputPerSecond: Size.mebibytes(10) },
    }).hasResourceProperties('AWS::EFS::FileSystem', { ThroughputMode: 'provisioned', ProvisionedThroughputInMibps: 10 });
  });

  test('disabled, there is no file system, no mount target and no EFS CSI driver role', () => {
    const template = synthTemplate({ fileSystem: { enabled: false } });
    template.resourceCountIs('AWS::EFS::FileSystem', 0);
    template.resourceCountIs('AWS::EFS::MountTarget', 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('elasticfilesystem:CreateAccessPoint');
  });
});
