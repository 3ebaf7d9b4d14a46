/**
 * README snippets that promise to be whole apps are run as written: extracted from README.md, their import of the
 * package pointed at src/, and synthesized where `cdk synth` would tell them (CDK_OUTDIR).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';

const README = path.join(__dirname, '..', 'README.md');

/** The first `ts nofixture` code block after a heading of the README. */
export function snippetAfter(heading: string, readme = fs.readFileSync(README, 'utf8')): string {
  const section = readme.indexOf(`\n${heading}\n`);
  if (section < 0) {
    throw new Error(`README.md has no heading "${heading}"`);
  }
  const block = /```ts nofixture\n([\s\S]*?)```/.exec(readme.slice(section));
  if (!block) {
    throw new Error(`README.md has no ts nofixture block after "${heading}"`);
  }
  return block[1];
}

/** Runs a snippet as an app (its `app.synth()` writes to CDK_OUTDIR) and returns the cloud assembly it wrote. */
function runSnippet(name: string, code: string): CloudAssembly {
  const dir = path.join(__dirname, '.snippets');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.ts`);
  fs.writeFileSync(file, code.replace(/'@numinia\/cdk-baseline'/g, '\'../../src\''));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `readme-${name}-`));
  const previous = process.env.CDK_OUTDIR;
  process.env.CDK_OUTDIR = outdir;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file written at run time, loaded as jest compiles it
    jest.isolateModules(() => require(file));
    return new CloudAssembly(outdir);
  } finally {
    process.env.CDK_OUTDIR = previous;
    if (previous === undefined) delete process.env.CDK_OUTDIR;
  }
}

describe('README snippets', () => {
  test('the EKS snippet synthesizes as written: cluster with the kubectl layer and the secrets key, driver, StorageClass, bastion access', () => {
    const assembly = runSnippet('eks', snippetAfter('## EKS: the EFS CSI driver and bastion access'));
    const template = assembly.getStackByName('numinia-production-eks').template;
    const resources = Object.values<any>(template.Resources);
    const ofType = (type: string) => resources.filter((r) => r.Type === type);
    expect(ofType('AWS::EKS::Cluster')).toEqual([expect.objectContaining({
      Properties: expect.objectContaining({ Name: 'numinia-production', EncryptionConfig: [expect.objectContaining({ Resources: ['secrets'] })] }),
    })]);
    expect(ofType('AWS::EKS::Addon').map((r) => r.Properties.AddonName).sort()).toEqual(['aws-efs-csi-driver', 'eks-pod-identity-agent']);
    expect(ofType('AWS::EKS::PodIdentityAssociation').map((r) => r.Properties.ServiceAccount)).toEqual(['efs-csi-node-sa']);
    // The bastion's (read-only) and the kubectl provider's, which aws-eks-v2 adds.
    expect(ofType('AWS::EKS::AccessEntry').map((r) => r.Properties.AccessPolicies[0].PolicyArn['Fn::Join'][1][2])).toEqual([
      ':eks::aws:cluster-access-policy/AmazonEKSViewPolicy', ':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
    ]);
    expect(ofType('Custom::AWSCDK-EKS-KubernetesResource')).toHaveLength(1);
    expect(ofType('AWS::EC2::SecurityGroupIngress').filter((r) => r.Properties.FromPort === 443)).toHaveLength(1);
  });

  test('a missing heading or block is an error, not an empty snippet', () => {
    expect(() => snippetAfter('## Nowhere', '# t\n')).toThrow('README.md has no heading "## Nowhere"');
    expect(() => snippetAfter('## A', '\n## A\n```ts\nx\n```\n')).toThrow('README.md has no ts nofixture block after "## A"');
  });
});
