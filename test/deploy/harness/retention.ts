import { ListDashboardsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeFileSystemsCommand, DescribeMountTargetsCommand } from '@aws-sdk/client-efs';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, ListAliasesCommand } from '@aws-sdk/client-kms';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { ListTopicsCommand } from '@aws-sdk/client-sns';
import { EmulatorClients } from './clients';
import { Template } from './moto-quirks';
import { BaselineFacts } from './read-back';

/** Logical IDs of the template's resources with `DeletionPolicy: Retain`. */
export function retainedLogicalIds(template: Template): string[] {
  return Object.entries(template.Resources).filter(([, r]) => r.DeletionPolicy === 'Retain').map(([logicalId]) => logicalId);
}

/**
 * The state of a resource after its stack is gone, by type: `Enabled` for a key, `available` for a file system,
 * `exists` for a bucket or log group; `gone` when the emulator no longer knows it.
 */
export async function stateAfterDeletion(clients: EmulatorClients, type: string, physicalId: string): Promise<string> {
  try {
    switch (type) {
      case 'AWS::KMS::Key':
        return (await clients.kms.send(new DescribeKeyCommand({ KeyId: physicalId }))).KeyMetadata?.KeyState ?? 'gone';
      case 'AWS::EFS::FileSystem':
        return (await clients.efs.send(new DescribeFileSystemsCommand({ FileSystemId: physicalId }))).FileSystems?.[0]?.LifeCycleState ?? 'gone';
      case 'AWS::S3::Bucket':
        await clients.s3.send(new HeadBucketCommand({ Bucket: physicalId }));
        return 'exists';
      case 'AWS::Logs::LogGroup': {
        const groups = (await clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: physicalId }))).logGroups ?? [];
        return groups.some((g) => g.logGroupName === physicalId) ? 'exists' : 'gone';
      }
      default:
        throw new Error(`no deletion check for ${type}`);
    }
  } catch (error) {
    if (isNotFound(error)) {
      return 'gone';
    }
    throw error;
  }
}

/**
 * Resources that are not retained, after the stack is gone: the roles, key aliases, mount targets, the bastion, the
 * alarm topic and the dashboard.
 * (moto cannot delete the VPC, its NAT gateways and endpoints: see destroyWithCdk.)
 */
export async function leftoversAfterDeletion(clients: EmulatorClients, before: BaselineFacts): Promise<string[]> {
  const leftovers: string[] = [];
  for (const role of before.roles) {
    try {
      await clients.iam.send(new GetRoleCommand({ RoleName: role.name }));
      leftovers.push(`role ${role.name}`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  const aliases = (await clients.kms.send(new ListAliasesCommand({}))).Aliases ?? [];
  leftovers.push(...aliases.filter((a) => before.keys.some((k) => k.alias === a.AliasName)).map((a) => `alias ${a.AliasName}`));
  const mountTargets = (await clients.efs.send(new DescribeMountTargetsCommand({ FileSystemId: before.fileSystem.id }))).MountTargets ?? [];
  leftovers.push(...mountTargets.map((m) => `mount target ${m.MountTargetId}`));
  const instance = (await clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: [before.instance.id] }))).Reservations?.[0]?.Instances?.[0];
  if (instance && instance.State?.Name !== 'terminated') {
    leftovers.push(`instance ${before.instance.id} (${instance.State?.Name})`);
  }
  const topics = (await clients.sns.send(new ListTopicsCommand({}))).Topics ?? [];
  leftovers.push(...topics.filter((t) => before.monitoring.topics.some((b) => b.arn === t.TopicArn)).map((t) => `topic ${t.TopicArn}`));
  const dashboards = (await clients.cloudWatch.send(new ListDashboardsCommand({}))).DashboardEntries ?? [];
  leftovers.push(...dashboards.filter((d) => before.monitoring.dashboards.some((b) => b.name === d.DashboardName)).map((d) => `dashboard ${d.DashboardName}`));
  return leftovers;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string }).name ?? '';
  return /NotFound|NoSuchEntity|NoSuch|ResourceNotFound/.test(name);
}
