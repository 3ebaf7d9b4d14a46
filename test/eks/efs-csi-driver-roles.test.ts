import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EfsCsiDriverTrust } from '../../src';
import { synthTemplate } from '../util';

describe('EFS CSI driver role', () => {
  test('trusts EKS Pod Identity of this account by default (AssumeRole and TagSession)', () => {
    synthTemplate().hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'pods.eks.amazonaws.com' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          },
        ],
      },
    });
  });

  test('can trust an OIDC provider for the driver\'s service account instead (IRSA)', () => {
    const providerStack = new Stack();
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(
      providerStack,
      'Provider',
      'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    );
    const template = synthTemplate({ fileSystem: { csiDriverTrust: EfsCsiDriverTrust.irsa(provider) } });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC' },
          }),
        ],
      },
    });
    const [conditions] = Object.values(template.findResources('AWS::CloudFormation::CustomResource'));
    expect(conditions).toBeUndefined();
    expect(JSON.stringify(template.toJSON())).toContain('system:serviceaccount:kube-system:efs-csi-controller-sa');
  });

  test('its policy is exactly: describe the file system, list zones, create/tag/delete access points it tagged', () => {
    const fileSystemArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('StorageFileSystem'), 'Arn'] };
    const accessPoints = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':elasticfilesystem:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':access-point/*']],
    };
    // Exact, not arrayWith: the role's AwsSolutions-IAM5 acknowledgement covers only these wildcards.
    synthTemplate().hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('EfsCsiDriverRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DescribeFileSystem',
            Effect: 'Allow',
            Action: ['elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeMountTargets'],
            Resource: [fileSystemArn, accessPoints],
          },
          { Sid: 'DescribeAvailabilityZones', Effect: 'Allow', Action: 'ec2:DescribeAvailabilityZones', Resource: '*' },
          {
            Sid: 'CreateTaggedAccessPoints',
            Effect: 'Allow',
            Action: ['elasticfilesystem:CreateAccessPoint', 'elasticfilesystem:TagResource'],
            Resource: [fileSystemArn, accessPoints],
            Condition: { StringLike: { 'aws:RequestTag/efs.csi.aws.com/cluster': 'true' } },
          },
          {
            Sid: 'DeleteOwnAccessPoints',
            Effect: 'Allow',
            Action: 'elasticfilesystem:DeleteAccessPoint',
            Resource: accessPoints,
            Condition: { StringEquals: { 'aws:ResourceTag/efs.csi.aws.com/cluster': 'true' } },
          },
        ],
      },
    });
  });

});
