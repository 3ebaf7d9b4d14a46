import { Size } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
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

  test('NFS is open to the VPC CIDR only, and nothing else comes in', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('EFS mount targets'),
      SecurityGroupIngress: [
        { CidrIp: '10.0.0.0/16', FromPort: 2049, ToPort: 2049, IpProtocol: 'tcp', Description: 'NFS' },
      ],
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('NFS can be opened to given peers instead', () => {
    synthTemplate({ fileSystem: { allowedPeers: [ec2.Peer.ipv4('10.0.1.0/24')] } }).hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('EFS mount targets'),
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.1.0/24', FromPort: 2049 })],
    });
  });

  test('anonymous access is denied and transport must be encrypted', () => {
    const [fs] = Object.values(synthTemplate().findResources('AWS::EFS::FileSystem'));
    const statements = fs.Properties.FileSystemPolicy.Statement;
    expect(statements).toContainEqual({
      Sid: 'DenyUnencryptedTransport',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    // Only access through a mount target is allowed: no statement allows access without that condition.
    for (const statement of statements.filter((s: any) => s.Effect === 'Allow')) {
      expect(statement.Condition).toEqual({ Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } });
    }
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
