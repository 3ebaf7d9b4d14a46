import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as eksv2 from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EfsCsiDriverTrust, EfsCsiDriverTrustType, NuminiaBaseline, NuminiaBaselineProps } from '../../src';
import { addEfsCsiDriverAddon } from '../../src/eks/cluster-wiring';

/**
 * Which cluster a cluster name refers to, and what follows from it: where the wiring goes, whether the bastion may
 * describe the cluster, which pod identity agent the driver waits for.
 */
const env = { region: 'eu-west-1' };

function baselineApp(props: Partial<NuminiaBaselineProps> = {}) {
  const app = new App();
  const stack = new Stack(app, 'Baseline', { env });
  const baseline = new NuminiaBaseline(stack, 'Baseline', { environment: 'production', ...props });
  return { app, stack, baseline };
}

const v2Cluster = (stack: Stack, baseline: NuminiaBaseline, clusterName?: string) => new eksv2.Cluster(stack, 'Cluster', {
  version: eksv2.KubernetesVersion.V1_34, vpc: baseline.vpc, defaultCapacityType: eksv2.DefaultCapacityType.AUTOMODE, clusterName,
});

const v1Cluster = (stack: Stack, baseline: NuminiaBaseline) => new eks.Cluster(stack, 'Cluster', {
  version: eks.KubernetesVersion.V1_33,
  kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(stack, 'Kubectl', 'arn:aws:lambda:eu-west-1:111111111111:layer:kubectl:1'),
  vpc: baseline.vpc,
  defaultCapacity: 0,
  authenticationMode: eks.AuthenticationMode.API,
});

const addonsNamed = (template: Template, addonName: string) => Object.keys(template.findResources('AWS::EKS::Addon', { Properties: { AddonName: addonName } }));

describe('EKS wiring: where it goes', () => {
  test('a literal cluster name, or a cluster in the baseline\'s own stack: under the baseline\'s Clusters scope', () => {
    const { stack, baseline } = baselineApp();
    expect(baseline.addEfsCsiDriverAddon('Literal', 'numinia-production', { installPodIdentityAgent: true }).node.path).toBe('Baseline/Baseline/Clusters/Literal');
    const cluster = v1Cluster(stack, baseline);
    expect(baseline.grantBastionClusterAccess('Known', cluster.clusterName).node.path).toBe('Baseline/Baseline/Clusters/Known');
  });

  test('a cluster in another stack: in that stack, under a scope named after the baseline (two baselines never collide)', () => {
    const { app, baseline } = baselineApp();
    const clusterStack = new Stack(app, 'Cluster', { env });
    const cluster = v2Cluster(clusterStack, baseline);
    expect(baseline.addEfsCsiDriverAddon('EfsCsiDriver', cluster.clusterName).node.path).toMatch(/^Cluster\/Baseline[0-9A-F]{8}Clusters\/EfsCsiDriver$/);
  });
});

describe('EKS wiring: which clusters the bastion may describe', () => {
  const refused = (name: string, patterns: string) => `grantBastionClusterAccess: the cluster ${name} matches none of `
    + `bastion.eksClusterNames (${patterns}), so it could not use the access entry (aws eks update-kubeconfig needs `
    + 'eks:DescribeCluster); name the cluster after the environment or add it to bastion.eksClusterNames';

  test('a literal name outside bastion.eksClusterNames is refused, naming both', () => {
    const { baseline } = baselineApp();
    expect(() => baseline.grantBastionClusterAccess('Access', 'legacy-production')).toThrow(refused('legacy-production', 'numinia-production, numinia-production-*'));
  });

  test('any one pattern is enough; a "*" matches any run of characters, other characters only themselves', () => {
    // An imported baseline takes the names as given (the baseline validated them): a "." is a dot, not any character.
    const baseline = NuminiaBaseline.fromParameters(new Stack(new App(), 'Application', { env }), 'Baseline', {
      environment: 'production', eksClusterNames: ['team.a-*', 'data'],
    });
    baseline.grantBastionClusterAccess('Pattern', 'team.a-production');
    baseline.grantBastionClusterAccess('Exact', 'data');
    expect(() => baseline.grantBastionClusterAccess('Dot', 'teamXa-production')).toThrow(refused('teamXa-production', 'team.a-*, data'));
    expect(() => baseline.grantBastionClusterAccess('Longer', 'data-lake')).toThrow(refused('data-lake', 'team.a-*, data'));
    expect(() => baseline.grantBastionClusterAccess('Prefixed', 'my-team.a-x')).toThrow(/the cluster my-team\.a-x matches none/);
  });

  test('an aws-eks-v2 cluster of this app is judged by the name it is given', () => {
    const { stack, baseline } = baselineApp();
    const named = v2Cluster(stack, baseline, 'legacy-production');
    expect(() => baseline.grantBastionClusterAccess('Access', named.clusterName)).toThrow(refused('legacy-production', 'numinia-production, numinia-production-*'));
  });

  test('a name unknown at synth time is not judged, but said: a cluster without a name, a deploy-time parameter, an import', () => {
    const { stack, baseline } = baselineApp();
    const unnamed = v2Cluster(stack, baseline);
    baseline.grantBastionClusterAccess('Unnamed', unnamed.clusterName);
    const parameterStack = new Stack(new App(), 'Parameter', { env });
    const fromParameter = NuminiaBaseline.fromParameters(parameterStack, 'Baseline', { environment: 'production' });
    const v2NamedByParameter = new eksv2.Cluster(parameterStack, 'Cluster', {
      version: eksv2.KubernetesVersion.V1_34,
      vpc: fromParameter.vpc,
      defaultCapacityType: eksv2.DefaultCapacityType.AUTOMODE,
      clusterName: new CfnParameter(parameterStack, 'ClusterName').valueAsString,
    });
    fromParameter.grantBastionClusterAccess('NamedByParameter', v2NamedByParameter.clusterName);
    fromParameter.grantBastionClusterAccess('Imported', Fn.importValue('cluster-name'));
    fromParameter.addEfsCsiDriverAddon('ImportedDriver', Fn.importValue('cluster-name'), { installPodIdentityAgent: true });
    Template.fromStack(stack).resourceCountIs('AWS::EKS::AccessEntry', 1);
    Template.fromStack(parameterStack).resourceCountIs('AWS::EKS::AccessEntry', 2);
    const unknown = (method: string) => Match.stringLikeRegexp(`^${method}: the cluster's name is not known at synth time, so it cannot be checked against `
      + 'bastion.eksClusterNames \\(numinia-production, numinia-production-\\*\\); a cluster whose name matches none of them is not trusted, ');
    Annotations.fromStack(stack).hasWarning('/Baseline/Baseline', unknown('grantBastionClusterAccess'));
    Annotations.fromStack(parameterStack).hasWarning('/Parameter/Baseline', unknown('grantBastionClusterAccess'));
    Annotations.fromStack(parameterStack).hasWarning('/Parameter/Baseline', unknown('addEfsCsiDriverAddon'));
    // Under its own ID, so that an app can acknowledge it.
    Annotations.fromStack(stack).hasWarning('/Baseline/Baseline', Match.stringLikeRegexp('\\[ack: @numinia/cdk-baseline:clusterNameUnknown\\]$'));
  });

  test('CONFIG_MAP is refused with the way out', () => {
    const { baseline } = baselineApp();
    expect(() => baseline.grantBastionClusterAccess('Access', 'numinia-production-legacy', { authenticationMode: eks.AuthenticationMode.CONFIG_MAP })).toThrow(
      'grantBastionClusterAccess: the cluster\'s authenticationMode is CONFIG_MAP, which has no access entries; EKS accepts them with '
      + 'API or API_AND_CONFIG_MAP (set authenticationMode on the cluster), or map the bastion role in the aws-auth ConfigMap yourself',
    );
  });
});

describe('EKS wiring: the pod identity agent', () => {
  test('an aws-eks cluster of this app: the driver waits for the cluster\'s own agent, and no second one is made, even when asked', () => {
    const { stack, baseline } = baselineApp();
    const cluster = v1Cluster(stack, baseline);
    const driver = baseline.addEfsCsiDriverAddon('EfsCsiDriver', cluster.clusterName, { installPodIdentityAgent: true });
    expect(driver.podIdentityAgentAddon).toBeUndefined();
    const template = Template.fromStack(stack);
    const agents = addonsNamed(template, 'eks-pod-identity-agent');
    expect(agents).toEqual([stack.getLogicalId(cluster.eksPodIdentityAgent!.node.defaultChild as eks.CfnAddon)]);
    template.hasResource('AWS::EKS::Addon', { Properties: { AddonName: 'aws-efs-csi-driver' }, DependsOn: agents });
  });

  test('installPodIdentityAgent: false leaves a cluster of this app without an agent', () => {
    const { app, baseline } = baselineApp();
    const clusterStack = new Stack(app, 'Cluster', { env });
    const cluster = v2Cluster(clusterStack, baseline);
    baseline.addEfsCsiDriverAddon('EfsCsiDriver', cluster.clusterName, { installPodIdentityAgent: false });
    const template = Template.fromStack(clusterStack);
    expect(addonsNamed(template, 'eks-pod-identity-agent')).toEqual([]);
    template.hasResource('AWS::EKS::Addon', { Properties: { AddonName: 'aws-efs-csi-driver' }, DependsOn: Match.absent() });
  });

  test('with IRSA a cluster of this app gets no agent either: the roles trust its OIDC provider', () => {
    const app = new App();
    const stack = new Stack(app, 'Baseline', { env });
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Provider', 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC');
    const baseline = new NuminiaBaseline(stack, 'Baseline', { environment: 'production', fileSystem: { csiDriverTrust: EfsCsiDriverTrust.irsa(provider) } });
    const clusterStack = new Stack(app, 'Cluster', { env });
    const cluster = v2Cluster(clusterStack, baseline);
    baseline.addEfsCsiDriverAddon('EfsCsiDriver', cluster.clusterName);
    expect(addonsNamed(Template.fromStack(clusterStack), 'eks-pod-identity-agent')).toEqual([]);
    expect(() => baseline.addEfsCsiDriverAddon('Versioned', 'numinia-production', { podIdentityAgentVersion: 'v1.3.4-eksbuild.1' })).toThrow(
      'EfsCsiDriverAddon: installPodIdentityAgent and podIdentityAgentVersion apply to EKS Pod Identity only; the driver\'s roles trust IRSA',
    );
  });

  test('the agent the driver installs keeps settings changed on the cluster, and the StorageClass is efs-sc unless named', () => {
    const { stack, baseline } = baselineApp();
    const driver = baseline.addEfsCsiDriverAddon('EfsCsiDriver', 'numinia-production', { installPodIdentityAgent: true });
    Template.fromStack(stack).hasResourceProperties('AWS::EKS::Addon', { AddonName: 'eks-pod-identity-agent', ResolveConflicts: 'PRESERVE' });
    expect(driver.storageClassManifest.metadata).toEqual({ name: 'efs-sc' });
  });

  test('a wiring source with the driver\'s role but no file system is refused', () => {
    const { stack } = baselineApp({ fileSystem: { enabled: false } });
    const role = iam.Role.fromRoleName(stack, 'Role', 'driver');
    expect(() => addEfsCsiDriverAddon({ owner: stack, efsCsiDriverRole: role, efsCsiDriverTrustType: EfsCsiDriverTrustType.POD_IDENTITY, bastionEgressLimited: false, clusterNames: ['*'] }, 'Driver', 'c'))
      .toThrow('addEfsCsiDriverAddon: this baseline has no file system (fileSystem.enabled is false)');
  });
});
