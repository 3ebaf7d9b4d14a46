import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import { complianceMatrix } from './compliance/matrix';
import { synthTemplate } from './util';

type Json = any;

const BASELINE_TAGS = { Environment: 'production', Project: 'numinia', ManagedBy: 'cdk' };

/** The tags a template gives a resource, in whichever form its type takes them (a list of Key/Value, or a map). */
function tagsOf(resource: Json, tagProperty: string, variant: string): Record<string, unknown> {
  const value = resource.Properties?.[tagProperty];
  if (value === undefined) return {};
  if (variant === 'standard' || Array.isArray(value)) {
    return Object.fromEntries((value as Json[]).map((tag) => [tag.Key, tag.Value]));
  }
  return value;
}

describe('tags', () => {
  let tagInformation: Map<string, { tagPropertyName: string; variant: string } | undefined>;
  beforeAll(async () => {
    const db = await loadAwsServiceSpec();
    tagInformation = new Map(db.all('resource').map((r) => [r.cloudFormationType, r.tagInformation]));
  });

  test.each(complianceMatrix().map(([name, props]) => [name, props] as const))(
    'every resource whose type takes tags carries Environment, Project and ManagedBy: %s', (_name, props) => {
      const project = props.project ?? 'numinia';
      const expected = { ...BASELINE_TAGS, Project: project };
      const resources = Object.entries<Json>(synthTemplate(props, { appProps: { builtinCloudFormationValidation: false } }).toJSON().Resources);
      const taggable = resources.filter(([, r]) => tagInformation.get(r.Type) !== undefined);
      const missing = taggable
        .filter(([, r]) => {
          const info = tagInformation.get(r.Type)!;
          const tags = tagsOf(r, info.tagPropertyName, info.variant);
          return Object.entries(expected).some(([key, value]) => tags[key] !== value);
        })
        .map(([id, r]) => `${id} (${r.Type})`);
      expect(missing).toEqual([]);
      // The walk covered something: every type of the default baseline that takes tags, including the roles and the
      // function of aws-cdk-lib's custom resource provider at the stack's root.
      expect(taggable.length).toBeGreaterThan(20);
    });

  test('the default security group\'s provider role and function are tagged too', () => {
    const resources = synthTemplate().toJSON().Resources;
    const provider = Object.entries<Json>(resources).filter(([id]) => id.startsWith('CustomVpcRestrictDefaultSGCustomResourceProvider'));
    expect(provider.map(([, r]) => r.Type).sort()).toEqual(['AWS::IAM::Role', 'AWS::Lambda::Function']);
    for (const [, r] of provider) {
      expect(tagsOf(r, 'Tags', 'standard')).toEqual(BASELINE_TAGS);
    }
  });

  test('user tags go everywhere the baseline\'s do', () => {
    const resources = synthTemplate({ tags: { CostCenter: 'platform' } }).toJSON().Resources;
    const role = Object.entries<Json>(resources).find(([id]) => id.startsWith('CustomVpcRestrictDefaultSGCustomResourceProviderRole'))![1];
    expect(tagsOf(role, 'Tags', 'standard')).toEqual({ ...BASELINE_TAGS, CostCenter: 'platform' });
  });
});
