/**
 * The regional services around the VPCs, as boxes in groups, and the arrows between them (what encrypts what, where
 * the trail writes, where alarms notify).
 */
import type { ServiceEdge, ServiceGroup, ServiceNode } from './model';
import { lastSegment, sessionPreferencesOf } from './operations';
import { ownerName, Resource, targetOf } from './template';

type Entries = Array<[string, Resource]>;

/** Properties that name the KMS key encrypting a resource. */
const KEY_PROPERTIES = ['KmsKeyId', 'KMSKeyId', 'KmsMasterKeyId'];

export function servicesOf(resources: Entries, ofType: (type: string) => Entries): { groups: ServiceGroup[]; edges: ServiceEdge[] } {
  const aliases = new Map<string, string>();
  for (const [, alias] of ofType('AWS::KMS::Alias')) {
    const key = targetOf(alias.Properties?.TargetKeyId);
    if (key && typeof alias.Properties?.AliasName === 'string') aliases.set(key, alias.Properties.AliasName);
  }

  const mountTargets = ofType('AWS::EFS::MountTarget');
  const fileSystems: ServiceNode[] = ofType('AWS::EFS::FileSystem').map(([id, fs]) => ({
    id,
    title: 'EFS file system',
    lines: [
      `${fs.Properties?.AvailabilityZoneName ? 'One Zone' : 'Regional'}${fs.Properties?.Encrypted ? ', encrypted' : ''}`,
      `${fs.Properties?.PerformanceMode ?? 'generalPurpose'}, ${fs.Properties?.ThroughputMode ?? 'bursting'}`,
      `${mountTargets.filter(([, m]) => targetOf(m.Properties?.FileSystemId) === id).length} mount targets`,
    ],
  }));

  const trails: ServiceNode[] = ofType('AWS::CloudTrail::Trail').map(([id, trail]) => ({
    id,
    title: 'CloudTrail trail',
    lines: [
      trail.Properties?.IsMultiRegionTrail ? 'multi-region' : 'this region',
      trail.Properties?.EnableLogFileValidation ? 'log file validation' : '',
    ].filter(Boolean),
  }));
  const trailBuckets = new Set(ofType('AWS::CloudTrail::Trail').map(([, t]) => targetOf(t.Properties?.S3BucketName)));
  const logTargets = new Set(ofType('AWS::S3::Bucket').map(([, b]) => targetOf(b.Properties?.LoggingConfiguration?.DestinationBucketName)));
  const buckets: ServiceNode[] = ofType('AWS::S3::Bucket').map(([id, bucket]) => ({
    id,
    title: trailBuckets.has(id) ? 'S3 bucket: trail logs' : logTargets.has(id) ? 'S3 bucket: access logs' : 'S3 bucket',
    lines: [
      bucket.Properties?.VersioningConfiguration?.Status === 'Enabled' ? 'versioned' : '',
      lifecycleOf(bucket),
    ].filter(Boolean),
  }));
  const flowLogGroups = new Set(ofType('AWS::EC2::FlowLog').map(([, f]) => targetOf(f.Properties?.LogGroupName)));
  const trailGroups = new Set(ofType('AWS::CloudTrail::Trail').map(([, t]) => targetOf(t.Properties?.CloudWatchLogsLogGroupArn)));
  const roles = logGroupRoles(resources, ofType);
  const logGroups: ServiceNode[] = ofType('AWS::Logs::LogGroup').map(([id, group]) => {
    const name = group.Properties?.LogGroupName;
    return {
      id,
      title: flowLogGroups.has(id) ? 'Log group: flow logs' : trailGroups.has(id) ? 'Log group: trail copy'
        : `Log group ${typeof name === 'string' ? lastSegment(name) : ownerName(group, id)}`,
      lines: [
        roles.get(id)?.line ?? '',
        group.Properties?.RetentionInDays ? `kept ${group.Properties.RetentionInDays} days` : 'kept forever',
      ].filter(Boolean),
    };
  });

  const topics: ServiceNode[] = ofType('AWS::SNS::Topic').map(([id, topic]) => ({
    id,
    title: 'SNS topic: alarms',
    lines: [typeof topic.Properties?.TopicName === 'string' ? topic.Properties.TopicName : ownerName(topic, id)],
  }));
  const alarms = ofType('AWS::CloudWatch::Alarm');
  const monitoring: ServiceNode[] = [];
  const counted = [
    [alarms.length, 'CloudWatch alarm'],
    [ofType('AWS::Logs::MetricFilter').length, 'metric filter'],
    [ofType('AWS::CloudWatch::Dashboard').length, 'dashboard'],
    [ofType('AWS::Events::Rule').length, 'EventBridge rule'],
  ] as Array<[number, string]>;
  if (counted.some(([n]) => n > 0)) {
    monitoring.push({
      id: 'monitoring',
      title: 'Monitoring',
      lines: counted.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`),
    });
  }

  const parameters = ofType('AWS::SSM::Parameter').map(([, p]) => p.Properties?.Name).filter((n): n is string => typeof n === 'string');
  const sharing: ServiceNode[] = parameters.length === 0 ? [] : [{
    id: 'parameters',
    title: 'SSM parameters',
    lines: [`${parameters.length} under ${commonPrefix(parameters)}`],
  }];

  // What each key encrypts, as a line in its box: arrows from three keys to five resources would cross everything.
  const titles = new Map([...fileSystems, ...trails, ...buckets, ...logGroups, ...topics].map((n) => [n.id, n.title]));
  const keys: ServiceNode[] = ofType('AWS::KMS::Key').map(([id, key]) => {
    const users = resources
      .filter(([, r]) => KEY_PROPERTIES.some((p) => targetOf(r.Properties?.[p]) === id))
      .map(([userId]) => shortTitle(titles.get(userId)))
      .filter((t): t is string => t !== undefined);
    const alias = aliases.get(id);
    return {
      id,
      title: alias ? `KMS key ${alias.split('/').pop()}` : `KMS key ${id}`,
      lines: [
        alias ?? '',
        users.length > 0 ? `encrypts ${[...new Set(users)].join(', ')}` : purposeOf(key.Properties?.Description),
        key.Properties?.EnableKeyRotation ? `rotates every ${key.Properties?.RotationPeriodInDays ?? 365} days` : 'no rotation',
      ].filter(Boolean),
    };
  });

  const auditGroups = logGroups.filter((g) => trailGroups.has(g.id));
  const systemsManager = (g: ServiceNode) => roles.get(g.id)?.systemsManager === true;
  const groups: ServiceGroup[] = [
    { name: 'Encryption', nodes: keys },
    { name: 'Storage', nodes: fileSystems },
    // The trail's copy sits with the other log groups: the audit column stays one box wide.
    { name: 'Logs', nodes: [...logGroups.filter((g) => !trailGroups.has(g.id) && !systemsManager(g)), ...auditGroups] },
    { name: 'Sharing', nodes: sharing },
    { name: 'Audit', nodes: [...trails, ...buckets] },
    { name: 'Alarms', nodes: [...topics, ...monitoring] },
    // Session Manager's and Patch Manager's log groups, apart: in the logs column they made the picture too wide.
    { name: 'Systems Manager', nodes: logGroups.filter(systemsManager) },
  ].filter((g) => g.nodes.length > 0);

  const nodeIds = new Set(groups.flatMap((g) => g.nodes.map((n) => n.id)));
  const edges: ServiceEdge[] = [];
  for (const [id, trail] of ofType('AWS::CloudTrail::Trail')) {
    const bucket = targetOf(trail.Properties?.S3BucketName);
    const group = targetOf(trail.Properties?.CloudWatchLogsLogGroupArn);
    if (bucket) edges.push({ from: id, to: bucket, label: 'log files' });
    if (group) edges.push({ from: id, to: group, label: 'events' });
  }
  for (const [id, bucket] of ofType('AWS::S3::Bucket')) {
    const target = targetOf(bucket.Properties?.LoggingConfiguration?.DestinationBucketName);
    if (target) edges.push({ from: id, to: target, label: 'access logs' });
  }
  for (const [, alarm] of alarms) {
    for (const action of alarm.Properties?.AlarmActions ?? []) {
      const topic = targetOf(action);
      if (topic && nodeIds.has(topic) && monitoring.length > 0 && !edges.some((e) => e.to === topic)) {
        edges.push({ from: 'monitoring', to: topic, label: 'notifies' });
      }
    }
  }
  return { groups, edges: edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to)) };
}

/** What writes to a log group (a line of its box), and whether it is Systems Manager's (its own group of boxes). */
interface LogGroupRole {
  readonly line: string;
  readonly systemsManager: boolean;
}

/**
 * What writes to a log group, where the template says it and the title does not: Session Manager (the group its
 * preferences name), a maintenance window task's command output, a Lambda function's logs (the preferences'
 * function's are Systems Manager's).
 */
function logGroupRoles(resources: Entries, ofType: (type: string) => Entries): Map<string, LogGroupRole> {
  const roles = new Map<string, LogGroupRole>();
  const preferences = sessionPreferencesOf(resources);
  for (const [id, group] of ofType('AWS::Logs::LogGroup')) {
    if (preferences?.logGroupName !== undefined && group.Properties?.LogGroupName === preferences.logGroupName) {
      roles.set(id, { line: 'Session Manager sessions', systemsManager: true });
    }
  }
  for (const [, task] of ofType('AWS::SSM::MaintenanceWindowTask')) {
    const output = task.Properties?.TaskInvocationParameters?.MaintenanceWindowRunCommandParameters?.CloudWatchOutputConfig;
    const id = targetOf(output?.CloudWatchLogGroupName);
    if (id && !roles.has(id)) roles.set(id, { line: 'maintenance window output', systemsManager: true });
  }
  const preferencesFunction = preferences && targetOf(resources.find(([id]) => id === preferences.id)?.[1].Properties?.ServiceToken);
  for (const [fnId, fn] of ofType('AWS::Lambda::Function')) {
    const id = targetOf(fn.Properties?.LoggingConfig?.LogGroup);
    if (!id || roles.has(id)) continue;
    roles.set(id, { line: 'Lambda function logs', systemsManager: fnId === preferencesFunction });
  }
  return roles;
}

/** "Log group: flow logs" -> "flow logs", "Log group bastion-sessions" -> "bastion-sessions", "EFS file system" as is. */
function shortTitle(title: string | undefined): string | undefined {
  return title?.replace(/^(Log group|S3 bucket):? /, '');
}

/** "numinia production: EKS secrets envelope encryption" -> "EKS secrets envelope encryption". */
function purposeOf(description: unknown): string {
  return typeof description === 'string' ? description.replace(/^[^:]*:\s*/, '') : '';
}

function lifecycleOf(bucket: Resource): string {
  const rules: any[] = bucket.Properties?.LifecycleConfiguration?.Rules ?? [];
  const transition = rules.flatMap((r) => r.Transitions ?? [])[0];
  const expiry = rules.map((r) => r.ExpirationInDays).find((d) => typeof d === 'number');
  if (transition) return `to ${transition.StorageClass} after ${transition.TransitionInDays} days`;
  if (expiry) return `expires after ${expiry} days`;
  return '';
}

/** The longest common prefix of parameter names, cut at the last "/". */
function commonPrefix(names: string[]): string {
  let prefix = names[0];
  for (const name of names) {
    while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix.slice(0, prefix.lastIndexOf('/') + 1) || '/';
}
