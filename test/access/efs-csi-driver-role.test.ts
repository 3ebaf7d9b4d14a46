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

  test('may create and delete only access points tagged by the driver, on the baseline file system', () => {
    synthTemplate().hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'DescribeAvailabilityZones', Action: 'ec2:DescribeAvailabilityZones', Resource: '*' }),
          Match.objectLike({
            Sid: 'CreateTaggedAccessPoints',
            Action: ['elasticfilesystem:CreateAccessPoint', 'elasticfilesystem:TagResource'],
            Resource: Match.arrayWith([{ 'Fn::GetAtt': [Match.stringLikeRegexp('StorageFileSystem'), 'Arn'] }]),
            Condition: { StringLike: { 'aws:RequestTag/efs.csi.aws.com/cluster': 'true' } },
          }),
          Match.objectLike({
            Sid: 'DeleteOwnAccessPoints',
            Action: 'elasticfilesystem:DeleteAccessPoint',
            Condition: { StringEquals: { 'aws:ResourceTag/efs.csi.aws.com/cluster': 'true' } },
          }),
        ]),
      },
    });
  });
});
