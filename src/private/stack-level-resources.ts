import { CfnResource, Stack, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Where aws-cdk-lib puts the provider of the default security group's custom resource: at the stack's root. */
const RESTRICT_DEFAULT_SG_PROVIDER = 'Custom::VpcRestrictDefaultSGCustomResourceProvider';
const TAGGABLE_PROVIDER_TYPES = ['AWS::IAM::Role', 'AWS::Lambda::Function'];
/** The construct ID aws-cdk-lib gives the stack's one AwsCustomResource handler (a singleton function at the stack's root). */
export const AWS_CUSTOM_RESOURCE_SINGLETON = 'AWS679f53fac002430cb0da5b7982bd2287';

/**
 * aws-cdk-lib makes the default security group's custom resource provider (a role and a Lambda function) a singleton
 * of the stack, outside the baseline's scope, as untyped `CfnResource`s that the Tags aspect cannot reach. Organisations
 * whose SCPs require tags on new roles and functions refuse them untagged: they get the baseline's tags here. Their
 * handler's `DependsOn` on its role goes too: the handler's `Fn::GetAtt` of the role already orders them (cfn-lint W3005).
 */
export function adoptStackLevelResources(baseline: Construct, tags: Record<string, string>): void {
  // The AwsCustomResource handler (the bastion's S3 prefix list lookup) is an L2 function: the Tags aspect reaches it.
  // Its DependsOn names only its role, which its Fn::GetAtt of the role already orders (cfn-lint W3005).
  const handler = Stack.of(baseline).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON);
  if (handler !== undefined) {
    Object.entries(tags).forEach(([key, value]) => Tags.of(handler).add(key, value));
    (handler.node.defaultChild as CfnResource).addDeletionOverride('DependsOn');
  }
  const provider = Stack.of(baseline).node.tryFindChild(RESTRICT_DEFAULT_SG_PROVIDER);
  if (provider === undefined) {
    return;
  }
  const resources = provider.node.children.filter(CfnResource.isCfnResource);
  const role = resources.find((r) => r.cfnResourceType === 'AWS::IAM::Role');
  const tagList = Object.keys(tags).sort().map((key) => ({ Key: key, Value: tags[key] }));
  for (const resource of resources.filter((r) => TAGGABLE_PROVIDER_TYPES.includes(r.cfnResourceType))) {
    resource.addPropertyOverride('Tags', tagList);
    if (role && resource !== role && resource.obtainDependencies().includes(role)) {
      resource.removeResourceDependency(role);
    }
  }
}
