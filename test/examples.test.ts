import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApplicationApp } from '../examples/application/app';
import { buildEksApp, CLUSTER_NAME } from '../examples/eks/app';
import { buildProductionApp } from '../examples/production/app';
import { costsByStrategy, strategyMarkdown } from '../examples/production/costs';
import { NatGateways } from '../src';

describe('examples', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('the production app synthesizes the seed configuration without AWS credentials', () => {
    const { app, stack } = buildProductionApp(path.join(outdir, 'production'));
    const assembly = app.synth();
    expect(assembly.getStackByName(stack.stackName).environment.region).toBe('eu-west-1');
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
  });

  test('the application app places its worker in the baseline\'s private subnets with a directory on its file system', () => {
    const { app, stack } = buildApplicationApp(path.join(outdir, 'application'));
    app.synth();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: { SubnetIds: Match.arrayWith([{ 'Fn::Select': [0, { Ref: Match.stringLikeRegexp('subnetsprivateids') }] }]) },
      FileSystemConfigs: [Match.objectLike({ LocalMountPath: '/mnt/data' })],
    });
    template.hasResourceProperties('AWS::EFS::AccessPoint', { FileSystemId: { Ref: Match.stringLikeRegexp('efsfilesystemid') } });
    template.resourceCountIs('AWS::EC2::VPC', 0);
  });

  test('the EKS app: an aws-eks-v2 cluster with encrypted secrets, the agent then the driver with both roles, a claimed volume and a pod', () => {
    const { app, stack } = buildEksApp(path.join(outdir, 'eks'));
    const assembly = app.synth();
    expect(assembly.getStackByName(stack.stackName).messages.filter((m) => m.level !== 'info')).toEqual([]);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EKS::Cluster', {
      Name: CLUSTER_NAME,
      AccessConfig: { AuthenticationMode: 'API' },
      // Security Hub EKS.3: Kubernetes secrets enveloped with the baseline's EKS secrets key (read from its parameter).
      EncryptionConfig: [{ Provider: { KeyArn: { Ref: Match.stringLikeRegexp('kmsekssecretskeyarn') } }, Resources: ['secrets'] }],
    });
    const [agentId] = Object.keys(template.findResources('AWS::EKS::Addon', { Properties: { AddonName: 'eks-pod-identity-agent' } }));
    template.hasResource('AWS::EKS::Addon', {
      Properties: {
        AddonName: 'aws-efs-csi-driver',
        PodIdentityAssociations: [{ RoleArn: { Ref: Match.stringLikeRegexp('efscsidriverrolearn') }, ServiceAccount: 'efs-csi-controller-sa' }],
      },
      DependsOn: [agentId],
    });
    template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      Namespace: 'kube-system', ServiceAccount: 'efs-csi-node-sa', RoleArn: { Ref: Match.stringLikeRegexp('efscsinoderolearn') },
    });
    template.hasResourceProperties('AWS::EKS::AccessEntry', { PrincipalArn: { Ref: Match.stringLikeRegexp('iambastionrolearn') } });
    const [manifest] = Object.values(template.findResources('Custom::AWSCDK-EKS-KubernetesResource'));
    const objects = JSON.parse(JSON.stringify(manifest.Properties.Manifest).replace(/\{"Ref":"[^"]+"\}/g, '"<ref>"'));
    expect(JSON.stringify(objects)).toContain('PersistentVolumeClaim');
    expect(manifest.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/EfsCsiDriverAddon/)]));
  });

  test('the main job prices every NAT strategy of the enum in both priced regions', () => {
    const costs = costsByStrategy();
    expect(costs.map((c) => c.strategy)).toEqual(Object.values(NatGateways));
    // SINGLE: the default (table arithmetic in test/cost) less two gateways, two addresses (730 hours a month) and
    // their two alarm sets (four alarm metrics each); the default includes the bastion's tunnel-count filter metric
    const singleEu = 190.576 - 2 * 0.048 * 730 - 2 * 0.005 * 730 - 2 * 4 * 0.1;
    const singleUs = 178.832 - 2 * 0.045 * 730 - 2 * 0.005 * 730 - 2 * 4 * 0.1;
    expect(strategyMarkdown(costs)).toContain(`| \`NatGateways.SINGLE\` | 1 | 1 | 6 | $${singleEu.toFixed(2)} | $${singleUs.toFixed(2)} |`);
  });
});
