/**
 * What an upgrade of the library does to a deployed stack: the difference between the template a configuration
 * synthesizes with the old library and with the new one, as `cdk diff` computes it (`@aws-cdk/cloudformation-diff`,
 * with CloudFormation's replacement rules per property).
 *
 * Used by the upgrade check (`npx projen upgrade-check`, scripts/release/upgrade-check.ts), by the release notes
 * (the section `bump` appends to dist/changelog.md) and by test/release/upgrade-diff.test.ts.
 */
import { fullDiff, ResourceDifference, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { STATEFUL_TYPES } from '../../test/util';

/**
 * Types whose replacement or removal loses data or identity in every account that takes the upgrade: the stateful
 * types of the test suite, plus key aliases (what applications and policies name keys by) and the trail (the audit
 * record's continuity).
 */
export const UPGRADE_STATEFUL_TYPES: readonly string[] = [...STATEFUL_TYPES, 'AWS::KMS::Alias', 'AWS::CloudTrail::Trail'];

export type UpgradeAction = 'add' | 'update' | 'replace' | 'remove';

/** One resource the upgrade touches. */
export interface ResourceChange {
  readonly logicalId: string;
  /** The resource type (the new one when the type changes). */
  readonly type: string;
  readonly action: UpgradeAction;
  /** cloudformation-diff's impact: WILL_CREATE, WILL_UPDATE, WILL_REPLACE, MAY_REPLACE, WILL_DESTROY, WILL_ORPHAN. */
  readonly impact: ResourceImpact;
  /** Whether the type is one of `UPGRADE_STATEFUL_TYPES`. */
  readonly stateful: boolean;
  /**
   * What causes the action: each changed property with its impact and old/new value for updates and replacements
   * (replacing properties first), the type change, or what happens to a removed resource.
   */
  readonly causes: string[];
}

export interface UpgradeDiff {
  /** Every resource added, changed in place, replaced or removed, in logical-ID order. */
  readonly changes: ResourceChange[];
  /** Stateful resources that the upgrade replaces (or may replace) or removes: each one fails the upgrade check. */
  readonly violations: ResourceChange[];
}

const MAX_VALUE = 100;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The template without what carries no infrastructure: resource `Metadata` (construct paths), the
 * `AWS::CDK::Metadata` version-reporting resource and its condition.
 */
export function normalizeTemplate(template: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  const resources = isObject(copy.Resources) ? copy.Resources : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    if (resource.Type === 'AWS::CDK::Metadata') {
      delete resources[logicalId];
    } else {
      delete resource.Metadata;
    }
  }
  if (isObject(copy.Conditions)) {
    delete copy.Conditions.CDKMetadataAvailable;
  }
  return copy;
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}...` : text;
}

function actionOf(impact: ResourceImpact): UpgradeAction | undefined {
  switch (impact) {
    case ResourceImpact.WILL_CREATE:
    case ResourceImpact.WILL_IMPORT:
      return 'add';
    case ResourceImpact.WILL_UPDATE:
      return 'update';
    case ResourceImpact.WILL_REPLACE:
    case ResourceImpact.MAY_REPLACE:
      return 'replace';
    case ResourceImpact.WILL_DESTROY:
    case ResourceImpact.WILL_ORPHAN:
      return 'remove';
    default:
      return undefined;
  }
}

const IMPACT_ORDER = [ResourceImpact.WILL_REPLACE, ResourceImpact.MAY_REPLACE, ResourceImpact.WILL_UPDATE];

function causesOf(change: ResourceDifference, impact: ResourceImpact): string[] {
  if (impact === ResourceImpact.WILL_CREATE || impact === ResourceImpact.WILL_IMPORT) {
    return ['new in the template'];
  }
  if (impact === ResourceImpact.WILL_ORPHAN) {
    return [`no longer in the template; DeletionPolicy ${change.oldValue?.DeletionPolicy}: CloudFormation leaves it in the account, unmanaged`];
  }
  if (impact === ResourceImpact.WILL_DESTROY) {
    return ['no longer in the template: CloudFormation deletes it'];
  }
  const causes: Array<[number, string]> = [];
  if (change.resourceTypeChanged) {
    causes.push([-1, `Type: ${change.oldResourceType} -> ${change.newResourceType}`]);
  }
  for (const [name, diff] of Object.entries(change.propertyUpdates)) {
    const propertyImpact = diff.changeImpact ?? ResourceImpact.WILL_UPDATE;
    const rank = IMPACT_ORDER.indexOf(propertyImpact);
    causes.push([rank < 0 ? IMPACT_ORDER.length : rank,
      `property ${name} (${propertyImpact}): ${show(diff.oldValue)} -> ${show(diff.newValue)}`]);
  }
  for (const [name, diff] of Object.entries(change.otherChanges)) {
    causes.push([IMPACT_ORDER.length, `${name} (WILL_UPDATE): ${show(diff.oldValue)} -> ${show(diff.newValue)}`]);
  }
  return causes.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

/**
 * The upgrade from `oldTemplate` to `newTemplate`: every resource it adds, changes in place, replaces or removes,
 * and the stateful ones among them that it replaces or removes (`violations`).
 */
export function upgradeDiff(
  oldTemplate: Record<string, unknown>,
  newTemplate: Record<string, unknown>,
  statefulTypes: readonly string[] = UPGRADE_STATEFUL_TYPES,
): UpgradeDiff {
  const stateful = new Set(statefulTypes);
  const changes: ResourceChange[] = [];
  fullDiff(normalizeTemplate(oldTemplate), normalizeTemplate(newTemplate)).resources.forEachDifference((logicalId, change) => {
    const impact = change.changeImpact;
    const action = actionOf(impact);
    if (action === undefined) return;
    const type = change.newResourceType ?? change.oldResourceType ?? 'unknown';
    const oldType = change.oldResourceType;
    changes.push({
      logicalId,
      type,
      action,
      impact,
      // A type change counts as stateful if either side is.
      stateful: stateful.has(type) || (oldType !== undefined && stateful.has(oldType)),
      causes: causesOf(change, impact),
    });
  });
  changes.sort((a, b) => a.logicalId.localeCompare(b.logicalId));
  // A removal next to an addition of the same type is most often a changed logical ID (a rename): say so.
  const added = changes.filter((c) => c.action === 'add');
  for (const removed of changes.filter((c) => c.action === 'remove')) {
    const twins = added.filter((a) => a.type === removed.type).map((a) => a.logicalId);
    if (twins.length > 0) {
      removed.causes.push(`a ${removed.type} was added as ${twins.join(', ')}: a changed logical ID replaces the resource`);
    }
  }
  return {
    changes,
    violations: changes.filter((c) => c.stateful && (c.action === 'replace' || c.action === 'remove')),
  };
}

/** One line per violation: `WILL_REPLACE AWS::EC2::VPC BaselineNetworkVpc03811D27: property CidrBlock (...)`. */
export function describeViolation(change: ResourceChange): string {
  return `${change.impact} ${change.type} ${change.logicalId}: ${change.causes.join('; ')}`;
}

export function countByAction(diff: UpgradeDiff): Record<UpgradeAction, number> {
  const counts: Record<UpgradeAction, number> = { add: 0, update: 0, replace: 0, remove: 0 };
  for (const change of diff.changes) counts[change.action]++;
  return counts;
}

const SECTION_TITLES: Array<[UpgradeAction, string]> = [
  ['add', 'Added'],
  ['update', 'Changed in place'],
  ['replace', 'Replaced'],
  ['remove', 'Removed'],
];

/**
 * Puts `section` right after the newest release's entry of a changelog written by commit-and-tag-version (newest
 * first, one `## <version>` heading per release), or at the end when there is no older entry.
 */
export function insertAfterNewestEntry(changelog: string, section: string): string {
  const lines = changelog.split('\n');
  const headings = lines.map((line, i) => (line.startsWith('## ') ? i : -1)).filter((i) => i >= 0);
  if (headings.length < 2) return changelog.replace(/\n*$/, '\n') + section;
  const before = lines.slice(0, headings[1]).join('\n').replace(/\n*$/, '\n');
  return `${before}${section}\n${lines.slice(headings[1]).join('\n')}`;
}

/**
 * The release-notes section: every resource the upgrade adds, changes in place, replaces or removes in the default
 * template, as Markdown. `from` is the previous release's tag (undefined for the first release).
 */
export function releaseNotesSection(options: {
  readonly from?: string;
  readonly to: string;
  readonly diff?: UpgradeDiff;
  readonly resourceCount: number;
  readonly configuration: string;
}): string {
  const lines = ['', `### Infrastructure changes on upgrade (${options.configuration})`, ''];
  if (options.from === undefined || options.diff === undefined) {
    lines.push(`First release: nothing to upgrade from. In ${options.to}, the template of ${options.configuration} has `
      + `${options.resourceCount} resources.`, '');
    return lines.join('\n');
  }
  const counts = countByAction(options.diff);
  lines.push(`Upgrading from ${options.from} to ${options.to} changes the template of ${options.configuration} `
    + `(${options.resourceCount} resources; compared by \`@aws-cdk/cloudformation-diff\`, as \`cdk diff\` does): `
    + `${counts.add} added, ${counts.update} changed in place, ${counts.replace} replaced, ${counts.remove} removed.`);
  if (options.diff.violations.length > 0) {
    lines.push('', `**Warning: this upgrade replaces or removes ${options.diff.violations.length} stateful resource(s)** `
      + '(data or identity is lost in every account that takes it).');
  }
  for (const [action, title] of SECTION_TITLES) {
    const changes = options.diff.changes.filter((c) => c.action === action);
    if (changes.length === 0) continue;
    lines.push('', `**${title}** (${changes.length})`, '');
    for (const change of changes) {
      const detail = action === 'add' ? '' : `: ${change.causes.join('; ')}`;
      lines.push(`- \`${change.logicalId}\` (${change.type}${change.stateful ? ', stateful' : ''}, ${change.impact})${detail}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
