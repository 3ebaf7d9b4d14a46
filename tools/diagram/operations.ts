/**
 * What Systems Manager does to an instance, as lines of its subnet cell: whether a maintenance window patches it (and
 * how often), and where Session Manager logs its sessions. Read from the template: maintenance window targets (by
 * instance ID or tag) and tasks, and Session Manager's preferences document when the template holds it.
 */
import { Resource, tag, targetOf } from './template';

type Entries = Array<[string, Resource]>;

/** AWS's document that scans for or installs the patches of a patch baseline. */
const RUN_PATCH_BASELINE = 'AWS-RunPatchBaseline';
/** Session Manager's preferences: one document per account and region, under this name. */
const SESSION_PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';
/** The custom resource type this library holds the preferences document with. */
const SESSION_PREFERENCES_CUSTOM_RESOURCE = 'Custom::SessionManagerPreferences';

/**
 * A Systems Manager schedule as a reader says it: `rate(1 day)` -> "daily", `cron(0 3 ? * SUN *)` -> "weekly", a cron on
 * one day of the month -> "monthly", anything else as written.
 */
export function scheduleText(expression: unknown): string {
  if (typeof expression !== 'string') return 'on a schedule';
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression.trim());
  if (rate) {
    const [count, unit] = [Number(rate[1]), rate[2]];
    if (unit === 'day' && count === 7) return 'weekly';
    if (count === 1) return unit === 'day' ? 'daily' : `every ${unit}`;
    return `every ${count} ${unit}s`;
  }
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  const fields = cron?.[1].trim().split(/\s+/);
  if (fields && fields.length >= 5) {
    const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
    const any = (field: string) => field === '*' || field === '?';
    const single = (field: string) => /^[0-9A-Za-z]+$/.test(field);
    if (single(minute) && single(hour) && any(month)) {
      if (any(dayOfMonth) && single(dayOfWeek)) return 'weekly';
      if (any(dayOfMonth) && any(dayOfWeek)) return 'daily';
      if (single(dayOfMonth) && any(dayOfWeek)) return 'monthly';
    }
  }
  return expression;
}

/** Whether a Systems Manager target list (`[{ Key, Values }]`) names the instance, by ID or by one of its tags. */
function targets(list: unknown, instanceId: string, instance: Resource): boolean {
  if (!Array.isArray(list)) return false;
  return list.some((t: any) => {
    const values: any[] = Array.isArray(t?.Values) ? t.Values : [];
    if (t?.Key === 'InstanceIds') return values.some((v) => targetOf(v) === instanceId);
    if (typeof t?.Key === 'string' && t.Key.startsWith('tag:')) {
      const value = tag(instance, t.Key.slice('tag:'.length));
      return value !== undefined && values.includes(value);
    }
    return false;
  });
}

/** The `Operation` parameter (`Install`, `Scan`) a maintenance window task runs `AWS-RunPatchBaseline` with, if it does. */
function patchOperations(task: Resource): string[] {
  if (task.Properties?.TaskArn !== RUN_PATCH_BASELINE) return [];
  const parameters = task.Properties?.TaskInvocationParameters?.MaintenanceWindowRunCommandParameters?.Parameters;
  const legacy = task.Properties?.TaskParameters?.Operation?.Values;
  const operation = parameters?.Operation ?? legacy;
  return Array.isArray(operation) ? operation.filter((o: unknown): o is string => typeof o === 'string') : [];
}

/**
 * "patched weekly (maintenance window)" for each maintenance window that installs patches on the instance, "patch scan
 * weekly (maintenance window)" for one that only scans, "maintenance window weekly" for one with other tasks.
 */
function maintenanceLines(instanceId: string, instance: Resource, resources: Entries): string[] {
  const byId = new Map(resources);
  const lines: string[] = [];
  for (const [targetId, target] of resources.filter(([, r]) => r.Type === 'AWS::SSM::MaintenanceWindowTarget')) {
    if (!targets(target.Properties?.Targets, instanceId, instance)) continue;
    const windowId = targetOf(target.Properties?.WindowId);
    const window = windowId ? byId.get(windowId) : undefined;
    if (!window) continue;
    const tasks = resources.filter(([, r]) => r.Type === 'AWS::SSM::MaintenanceWindowTask' && targetOf(r.Properties?.WindowId) === windowId
      && (r.Properties?.Targets ?? []).some((t: any) => (t?.Values ?? []).some((v: any) => targetOf(v) === targetId)));
    if (tasks.length === 0) continue;
    const schedule = scheduleText(window.Properties?.Schedule);
    const operations = tasks.flatMap(([, t]) => patchOperations(t));
    lines.push(operations.includes('Install') ? `patched ${schedule} (maintenance window)`
      : operations.includes('Scan') ? `patch scan ${schedule} (maintenance window)` : `maintenance window ${schedule}`);
  }
  return [...new Set(lines)];
}

/** Session Manager's preferences document in the template (if it holds one): its logical ID and the log group it names. */
export function sessionPreferencesOf(resources: Entries): { id: string; logGroupName?: string } | undefined {
  const found = resources.find(([, r]) => r.Type === SESSION_PREFERENCES_CUSTOM_RESOURCE
    || (r.Type === 'AWS::SSM::Document' && r.Properties?.Name === SESSION_PREFERENCES_DOCUMENT));
  if (!found) return undefined;
  const match = /"cloudWatchLogGroupName"\s*:\s*"([^"]+)"/.exec(contentText(found[1].Properties?.Content));
  return { id: found[0], logGroupName: match?.[1] };
}

/** A document's content as text: a string, the literal parts of an Fn::Join, or an object as JSON. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  const join = (content as any)?.['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) return join[1].filter((p: unknown) => typeof p === 'string').join('');
  return content === undefined ? '' : JSON.stringify(content);
}

/** "/numinia/production/bastion-sessions" -> "bastion-sessions". */
export function lastSegment(name: string): string {
  return name.split('/').filter(Boolean).pop() ?? name;
}

/** The lines an instance's subnet cell adds for Systems Manager: patching, then session logging. */
export function operationsOf(instanceId: string, instance: Resource, resources: Entries): string[] {
  const sessions = sessionPreferencesOf(resources)?.logGroupName;
  return [
    ...maintenanceLines(instanceId, instance, resources),
    ...(sessions ? [`sessions logged to ${lastSegment(sessions)}`] : []),
  ];
}
