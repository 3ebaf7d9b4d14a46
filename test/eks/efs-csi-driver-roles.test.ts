import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EfsCsiDriverTrust, NuminiaBaseline } from '../../src';
import { synthTemplate } from '../util';

const clusterArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:cluster/${name}`]],
});
const podIdentityTrust = (serviceAccount: string, clusterNames: string[]) => ({
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: {
        StringEquals: {
          'aws:RequestTag/kubernetes-namespace': 'kube-system',
          'aws:RequestTag/kubernetes-service-account': serviceAccount,
        },
        StringLike: { 'aws:RequestTag/eks-cluster-arn': clusterNames.length === 1 ? clusterArn(clusterNames[0]) : clusterNames.map(clusterArn) },
      },
    },
  ],
});

describe('EFS CSI driver roles', () => {
  test('the controller role trusts EKS Pod Identity for efs-csi-controller-sa of the environment\'s clusters only', () => {
    synthTemplate().hasResourceProperties('AWS::IAM::Role', {
      Description: Match.stringLikeRegexp('^EFS CSI driver controller'),
      AssumeRolePolicyDocument: podIdentityTrust('efs-csi-controller-sa', ['numinia-production', 'numinia-production-*']),
    });
  });

  test('the node role trusts EKS Pod Identity for efs-csi-node-sa, and has no identity policy', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: Match.stringLikeRegexp('^EFS CSI driver node'),
      AssumeRolePolicyDocument: podIdentityTrust('efs-csi-node-sa', ['numinia-production', 'numinia-production-*']),
    });
    const [nodeRoleId] = Object.keys(template.findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('^EFS CSI driver node') } }));
    const attached = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(nodeRoleId));
    expect(attached).toEqual([]);
  });

  test('the trust follows the bastion\'s eksClusterNames, also with the bastion off', () => {
    synthTemplate({ bastion: { enabled: false, eksClusterNames: ['platform-*', 'tools'] } }).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: podIdentityTrust('efs-csi-controller-sa', ['platform-*', 'tools']),
    });
  });

  test('with IRSA, one role trusts the cluster\'s OIDC provider for both service accounts, without a custom resource', () => {
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(
      new Stack(), 'Provider', 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    );
    const template = synthTemplate({ fileSystem: { csiDriverTrust: EfsCsiDriverTrust.irsa(provider) } });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC' },
            Condition: {
              StringEquals: {
                'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': [
                  'system:serviceaccount:kube-system:efs-csi-controller-sa',
                  'system:serviceaccount:kube-system:efs-csi-node-sa',
                ],
                'oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com',
              },
            },
          },
        ],
      },
    });
    template.resourceCountIs('AWS::CloudFormation::CustomResource', 0);
    expect(Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.includes('EfsCsiDriver'))).toHaveLength(1);
  });

  test('with IRSA and a provider made in the app, the conditions wait for its issuer (CfnJson), with the options\' names', () => {
    const stack = new Stack(new App(), 'Baseline', { env: { region: 'eu-west-1' } });
    const provider = new iam.OpenIdConnectProvider(stack, 'Provider', { url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC' });
    const trust = EfsCsiDriverTrust.irsa(provider, { namespace: 'storage', serviceAccount: 'controller', nodeServiceAccount: 'node' });
    new NuminiaBaseline(stack, 'Baseline', { environment: 'production', fileSystem: { csiDriverTrust: trust } });
    const template = Template.fromStack(stack);
    const [json] = Object.entries<any>(template.findResources('Custom::AWSCDKCfnJson'));
    expect(json[0]).toMatch(/^BaselineEfsCsiDriverIrsaTrustConditions/);
    const issuer = { 'Fn::Select': [1, { 'Fn::Split': [':oidc-provider/', { Ref: expect.stringMatching(/^Provider/) }] }] };
    expect(template.toJSON().Resources[json[0]].Properties.Value).toEqual({
      'Fn::Join': ['', ['{"', issuer, ':sub":["system:serviceaccount:storage:controller","system:serviceaccount:storage:node"],"', issuer, ':aud":"sts.amazonaws.com"}']],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'Fn::GetAtt': [json[0], 'Value'] } } })] },
    });
  });

  test('the controller\'s policy is exactly AmazonEFSCSIDriverPolicy\'s, scoped to the baseline file system', () => {
    const fileSystemArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('StorageFileSystem'), 'Arn'] };
    const accessPoints = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':elasticfilesystem:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':access-point/*']],
    };
    // AmazonEFSCSIDriverPolicy (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEFSCSIDriverPolicy.html):
    // AllowCreateAccessPoint and AllowTagNewAccessPoints require the cluster tag and no other, tagging only on create.
    const onlyTheClusterTag = {
      'Null': { 'aws:RequestTag/efs.csi.aws.com/cluster': 'false' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': 'efs.csi.aws.com/cluster' },
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
          { Sid: 'CreateTaggedAccessPoints', Effect: 'Allow', Action: 'elasticfilesystem:CreateAccessPoint', Resource: fileSystemArn, Condition: onlyTheClusterTag },
          {
            Sid: 'TagNewAccessPoints',
            Effect: 'Allow',
            Action: 'elasticfilesystem:TagResource',
            Resource: accessPoints,
            Condition: { ...onlyTheClusterTag, StringEquals: { 'elasticfilesystem:CreateAction': 'CreateAccessPoint' } },
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
