import { App, Fn, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as eksv2 from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BastionClusterAccess, EfsCsiDriverTrust, EfsCsiDriverTrustType, NuminiaBaseline, NuminiaBaselineProps } from '../../src';

const env = { region: 'eu-west-1' };
const roleArn = (pattern: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(pattern), 'Arn'] });

function baselineApp(props: Partial<NuminiaBaselineProps> = {}) {
  const app = new App();
  const stack = new Stack(app, 'Baseline', { env });
  const baseline = new NuminiaBaseline(stack, 'Baseline', { environment: 'production', ...props });
  return { app, stack, baseline };
}

describe('EKS wiring: the EFS CSI driver add-on', () => {
  test('installs the driver with the controller\'s pod identity association, after the agent; the node\'s association after the driver', () => {
    const { stack, baseline } = baselineApp();
    // The README's ID: it used to collide with the baseline's own EfsCsiDriver child.
    const driver = baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production', { installPodIdentityAgent: true });
    const template = Template.fromStack(stack);
    // The add-on declares a pod identity association for its controller only (aws-efs-csi-driver#1759); EKS refuses
    // an association for a service account the add-on does not declare.
    template.hasResource('AWS::EKS::Addon', {
      Properties: {
        ClusterName: 'numinia-production',
        AddonName: 'aws-efs-csi-driver',
        PodIdentityAssociations: [{ RoleArn: roleArn('^BaselineEfsCsiDriverRole'), ServiceAccount: 'efs-csi-controller-sa' }],
        ResolveConflicts: 'PRESERVE',
        PreserveOnDelete: true,
      },
      DependsOn: [stack.getLogicalId(driver.podIdentityAgentAddon!)],
    });
    template.hasResource('AWS::EKS::PodIdentityAssociation', {
      Properties: {
        ClusterName: 'numinia-production',
        Namespace: 'kube-system',
        ServiceAccount: 'efs-csi-node-sa',
        RoleArn: roleArn('^BaselineEfsCsiDriverNodeRole'),
      },
      DependsOn: [stack.getLogicalId(driver.addon)],
    });
    expect(driver.nodePodIdentityAssociation).toBeDefined();
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 1);
    template.hasResourceProperties('AWS::EKS::Addon', {
      ClusterName: 'numinia-production',
      AddonName: 'eks-pod-identity-agent',
      PreserveOnDelete: true,
    });
    template.resourceCountIs('AWS::EKS::Addon', 2);
  });

  test('fails for a cluster made elsewhere until the user says whether it runs the pod identity agent', () => {
    const { baseline } = baselineApp();
    expect(() => baseline.addEfsCsiDriverAddon('Imported', Fn.importValue('cluster-name'))).toThrow(
      /^addEfsCsiDriverAddon: the cluster \(named at deploy time\) is not defined in this app, so the library cannot tell/,
    );
    expect(() => baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production')).toThrow(
      'addEfsCsiDriverAddon: the cluster numinia-production is not defined in this app, so the library cannot tell whether it runs the '
      + 'eks-pod-identity-agent add-on, without which the driver gets no credentials; pass installPodIdentityAgent: true to install it, '
      + 'or false when the cluster has it already (installed elsewhere, or EKS Auto Mode)',
    );
  });

  test('fails for a cluster the driver\'s roles do not trust, and names the way out', () => {
    const { baseline } = baselineApp();
    expect(() => baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-sandbox', { installPodIdentityAgent: false })).toThrow(
      'addEfsCsiDriverAddon: the cluster numinia-sandbox matches none of bastion.eksClusterNames (numinia-production, numinia-production-*), '
      + 'so the driver\'s roles would give its pods no credentials (their trust names bastion.eksClusterNames); name the cluster after the '
      + 'environment or add it to bastion.eksClusterNames',
    );
    expect(() => baseline.addEfsCsiDriverAddon('Blue', 'numinia-production-blue', { installPodIdentityAgent: false })).not.toThrow();
  });

  test('the StorageClass provisions an access point per volume, mounts with TLS and IAM, binds at once and retains', () => {
    const { stack, baseline } = baselineApp();
    const driver = baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production', { storageClassName: 'shared', installPodIdentityAgent: true });
    expect(stack.resolve(driver.storageClassManifest)).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'shared' },
      provisioner: 'efs.csi.aws.com',
      parameters: { provisioningMode: 'efs-ap', fileSystemId: { Ref: expect.stringMatching(/^BaselineStorageFileSystem/) }, directoryPerms: '700' },
      mountOptions: ['tls', 'iam'],
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Retain',
    });
  });

  test('a cluster that has the agent already gets the driver alone', () => {
    const { stack, baseline } = baselineApp();
    const driver = baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production', { installPodIdentityAgent: false });
    expect(driver.podIdentityAgentAddon).toBeUndefined();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::Addon', 1);
    template.hasResource('AWS::EKS::Addon', { DependsOn: Match.absent() });
  });

  test('with IRSA the add-on annotates its service accounts with the one role, and needs no agent', () => {
    const app = new App();
    const stack = new Stack(app, 'Baseline', { env });
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Provider', 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC');
    const baseline = new NuminiaBaseline(stack, 'Baseline', { environment: 'production', fileSystem: { csiDriverTrust: EfsCsiDriverTrust.irsa(provider) } });
    baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production');
    // The OIDC provider names the cluster: any cluster name will do, none is checked against eksClusterNames.
    baseline.addEfsCsiDriverAddon('Other', 'payments');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::Addon', 2);
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'aws-efs-csi-driver',
      ServiceAccountRoleArn: roleArn('^BaselineEfsCsiDriverRole'),
      PodIdentityAssociations: Match.absent(),
    });
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 0);
    expect(baseline.efsCsiNodeRole).toBe(baseline.efsCsiDriverRole);
    expect(() => baseline.addEfsCsiDriverAddon('Again', 'numinia-production', { installPodIdentityAgent: true })).toThrow(/EKS Pod Identity only/);
  });

  test('an aws-eks-v2 cluster in another stack gets the add-on in its own stack, with its own agent', () => {
    const { app, stack, baseline } = baselineApp();
    const clusterStack = new Stack(app, 'Cluster', { env });
    const cluster = new eksv2.Cluster(clusterStack, 'Cluster', { version: eksv2.KubernetesVersion.V1_34, vpc: baseline.vpc, defaultCapacityType: eksv2.DefaultCapacityType.AUTOMODE });
    baseline.addEfsCsiDriverAddon('EfsCsiDriver', cluster.clusterName);
    baseline.grantBastionClusterAccess('BastionAccess', cluster.clusterName);
    const clusterTemplate = Template.fromStack(clusterStack);
    clusterTemplate.resourceCountIs('AWS::EKS::Addon', 2);
    clusterTemplate.resourceCountIs('AWS::EKS::AccessEntry', 1);
    const agents = clusterTemplate.findResources('AWS::EKS::Addon', { Properties: { AddonName: 'eks-pod-identity-agent' } });
    expect(Object.keys(agents)).toEqual([clusterStack.getLogicalId(cluster.eksPodIdentityAgent!.node.defaultChild as eks.CfnAddon)]);
    clusterTemplate.hasResource('AWS::EKS::Addon', { Properties: { AddonName: 'aws-efs-csi-driver' }, DependsOn: Object.keys(agents) });
    Template.fromStack(stack).resourceCountIs('AWS::EKS::Addon', 0);
    // The baseline's stack never depends on an application's cluster (the cluster's stack uses its VPC).
    expect(stack.dependencies).toEqual([]);
    expect(clusterStack.dependencies).toEqual([stack]);
  });
});

describe('EKS wiring: bastion access', () => {
  const clusterName = (stack: Stack, vpc: ec2.IVpc, authenticationMode?: eks.AuthenticationMode) => new eks.Cluster(stack, 'Cluster', {
    version: eks.KubernetesVersion.V1_33,
    kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(stack, 'Kubectl', 'arn:aws:lambda:eu-west-1:111111111111:layer:kubectl:1'),
    vpc,
    defaultCapacity: 0,
    authenticationMode,
  }).clusterName;

  test('an access entry with the read-only view policy', () => {
    const { stack, baseline } = baselineApp();
    baseline.grantBastionClusterAccess('BastionAccess', 'numinia-production');
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', {
      ClusterName: 'numinia-production',
      PrincipalArn: roleArn('^BaselineBastionRole'),
      Type: 'STANDARD',
      AccessPolicies: [
        {
          PolicyArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks::aws:cluster-access-policy/AmazonEKSViewPolicy']] },
          AccessScope: { Type: 'cluster' },
        },
      ],
    });
  });

  test('the bastion reaches the private API endpoint of a cluster of this app: HTTPS from its security group on the cluster\'s', () => {
    const { stack, baseline } = baselineApp();
    const cluster = new eksv2.Cluster(stack, 'Cluster', { version: eksv2.KubernetesVersion.V1_34, vpc: baseline.vpc, defaultCapacityType: eksv2.DefaultCapacityType.AUTOMODE, clusterName: 'numinia-production' });
    const access = baseline.grantBastionClusterAccess('BastionAccess', cluster.clusterName);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: stack.resolve(cluster.clusterSecurityGroupId),
      SourceSecurityGroupId: stack.resolve(baseline.bastionSecurityGroup!.securityGroupId),
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
    });
    // Its egress is HTTPS to any address through NAT already.
    expect(access.bastionEgress).toBeUndefined();
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
  });

  test('a bastion limited to the SSM endpoints also gets HTTPS egress to the cluster, in the cluster\'s stack', () => {
    const { app, stack, baseline } = baselineApp({ bastion: { ssmEndpoints: true } });
    const clusterStack = new Stack(app, 'Cluster', { env });
    const cluster = new eksv2.Cluster(clusterStack, 'Cluster', { version: eksv2.KubernetesVersion.V1_34, vpc: baseline.vpc, defaultCapacityType: eksv2.DefaultCapacityType.AUTOMODE, clusterName: 'numinia-production' });
    baseline.grantBastionClusterAccess('BastionAccess', cluster.clusterName);
    const template = Template.fromStack(clusterStack);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::ImportValue': Match.stringLikeRegexp('BastionSecurityGroup') },
      DestinationSecurityGroupId: clusterStack.resolve(cluster.clusterSecurityGroupId),
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 1);
    // Both rules live with the cluster: the baseline's stack still depends on nothing.
    expect(stack.dependencies).toEqual([]);
  });

  test('the rules are HTTPS only, each saying what it is for; none without the bastion\'s security group', () => {
    const { stack, baseline } = baselineApp({ bastion: { ssmEndpoints: true } });
    baseline.grantBastionClusterAccess('Given', 'numinia-production', { clusterSecurityGroupId: 'sg-0123456789abcdef0' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-0123456789abcdef0', Description: 'kubectl from the baseline bastion to the private API endpoint' });
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { DestinationSecurityGroupId: 'sg-0123456789abcdef0', Description: 'kubectl to the cluster\'s private API endpoint' });
    // The construct alone, given a cluster's group but no bastion's: an access entry, and no rule.
    const alone = new Stack(new App(), 'Alone', { env });
    const access = new BastionClusterAccess(alone, 'Access', {
      clusterName: 'numinia-production', role: iam.Role.fromRoleName(alone, 'Role', 'bastion'), clusterSecurityGroupId: 'sg-0123456789abcdef0', bastionEgressLimited: true,
    });
    expect([access.clusterIngress, access.bastionEgress]).toEqual([undefined, undefined]);
    Template.fromStack(alone).resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('a cluster made elsewhere gets no network rule unless its security group is given', () => {
    const without = baselineApp();
    without.baseline.grantBastionClusterAccess('Elsewhere', 'numinia-production');
    Template.fromStack(without.stack).resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    const given = baselineApp();
    given.baseline.grantBastionClusterAccess('Given', 'numinia-production-blue', { clusterSecurityGroupId: 'sg-0123456789abcdef0' });
    Template.fromStack(given.stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-0123456789abcdef0', FromPort: 443 });
  });

  test('fails for an aws-eks cluster without an authentication mode (CONFIG_MAP has no access entries)', () => {
    const { stack, baseline } = baselineApp();
    expect(() => baseline.grantBastionClusterAccess('BastionAccess', clusterName(stack, baseline.vpc))).toThrow(/authenticationMode is CONFIG_MAP.*API or API_AND_CONFIG_MAP/);
  });

  test('works for an aws-eks cluster with API authentication', () => {
    const { stack, baseline } = baselineApp();
    baseline.grantBastionClusterAccess('BastionAccess', clusterName(stack, baseline.vpc, eks.AuthenticationMode.API_AND_CONFIG_MAP));
    Template.fromStack(stack).resourceCountIs('AWS::EKS::AccessEntry', 1);
  });

  test('fails when the caller says a cluster made elsewhere uses CONFIG_MAP', () => {
    const { baseline } = baselineApp();
    expect(() => baseline.grantBastionClusterAccess('BastionAccess', 'numinia-production-legacy', { authenticationMode: eks.AuthenticationMode.CONFIG_MAP })).toThrow(/CONFIG_MAP/);
  });
});

describe('EKS wiring from an application repo (imported baseline)', () => {
  const applicationStack = () => {
    const stack = new Stack(new App(), 'Application', { env });
    Validations.of(stack).acknowledge({ id: 'CloudFormation-Validate::W2001', reason: 'the import declares a parameter per baseline value; these tests use a few' });
    return stack;
  };

  test('the add-on gets both roles from the baseline\'s parameters', () => {
    const stack = applicationStack();
    NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' })
      .addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production', { installPodIdentityAgent: false });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'aws-efs-csi-driver',
      PodIdentityAssociations: [{ RoleArn: { Ref: Match.stringLikeRegexp('iamefscsidriverrolearn') }, ServiceAccount: 'efs-csi-controller-sa' }],
    });
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      ServiceAccount: 'efs-csi-node-sa',
      RoleArn: { Ref: Match.stringLikeRegexp('iamefscsinoderolearn') },
    });
  });

  test('a baseline whose driver trusts IRSA is wired with the role on the add-on', () => {
    const stack = applicationStack();
    NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production', efsCsiDriverTrustType: EfsCsiDriverTrustType.IRSA })
      .addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production');
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::Addon', { ServiceAccountRoleArn: { Ref: Match.stringLikeRegexp('iamefscsidriverrolearn') } });
  });

  test('the bastion role gets read-only access', () => {
    const stack = applicationStack();
    NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' }).grantBastionClusterAccess('BastionAccess', 'numinia-production');
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: { Ref: Match.stringLikeRegexp('iambastionrolearn') } });
  });

  test('wiring a cluster fails clearly when the area is disabled', () => {
    const stack = new Stack(new App(), 'NoFs', { env });
    const baseline = new NuminiaBaseline(stack, 'Baseline', { environment: 'production', fileSystem: { enabled: false }, bastion: { enabled: false } });
    expect(() => baseline.addEfsCsiDriverAddon('EfsCsi', 'c')).toThrow(/no file system/);
    expect(() => baseline.grantBastionClusterAccess('Access', 'c')).toThrow(/no bastion/);
  });

  test('the bastion reaches the private API endpoint of a cluster made elsewhere when its security group is given', () => {
    const stack = applicationStack();
    NuminiaBaseline.fromParameters(stack, 'Baseline', { environment: 'production' })
      .grantBastionClusterAccess('BastionAccess', 'numinia-production', { clusterSecurityGroupId: 'sg-0123456789abcdef0' });
    const template = Template.fromStack(stack);
    const bastionGroup = { Ref: Match.stringLikeRegexp('bastionsecuritygroupid') };
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-0123456789abcdef0', SourceSecurityGroupId: bastionGroup, IpProtocol: 'tcp', FromPort: 443, ToPort: 443 });
    // Whether the baseline limits the bastion's egress is not published: the import allows it too.
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', { GroupId: bastionGroup, DestinationSecurityGroupId: 'sg-0123456789abcdef0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 });
  });

  test('wiring a cluster fails as clearly on a baseline imported without those areas', () => {
    const imported = NuminiaBaseline.fromParameters(new Stack(new App(), 'Imported', { env }), 'Baseline', { environment: 'production', fileSystem: false, bastion: false });
    expect(() => imported.addEfsCsiDriverAddon('EfsCsi', 'c')).toThrow(/no file system/);
    expect(() => imported.grantBastionClusterAccess('Access', 'c')).toThrow(/no bastion/);
  });
});
