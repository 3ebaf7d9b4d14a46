import { DescribeStacksCommand, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { GetDashboardCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeFlowLogsCommand, DescribeInstancesCommand, DescribeNatGatewaysCommand, DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVolumesCommand, DescribeVpcEndpointsCommand, DescribeVpcsCommand,
  Tag,
} from '@aws-sdk/client-ec2';
import { DescribeBackupPolicyCommand, DescribeFileSystemsCommand, DescribeMountTargetsCommand } from '@aws-sdk/client-efs';
import { GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import {
  DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, ListAliasesCommand, ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { GetBucketEncryptionCommand, GetBucketTaggingCommand } from '@aws-sdk/client-s3';
import { GetTopicAttributesCommand, ListTagsForResourceCommand as ListTopicTagsCommand } from '@aws-sdk/client-sns';
import { EmulatorClients } from './clients';
import { Template } from './moto-quirks';
import { AclEntry, readSubnetAcls } from './network-acls';

/**
 * What the emulator reports about a deployed baseline, gathered once per deployment through the AWS SDK and kept
 * as plain data for the tests to assert on. Every value here comes from an emulator API answer, except the
 * subnet-to-route-table edges (see `routeTableOf`).
 */
export interface BaselineFacts {
  readonly stackStatus: string;
  /** Logical ID -> resource type and physical ID, as CloudFormation (ListStackResources) reports them. */
  readonly resources: Record<string, { readonly type: string; readonly physicalId: string; readonly status: string }>;
  readonly vpc: { readonly id: string; readonly cidr: string; readonly tags: Tags };
  readonly subnets: SubnetFacts[];
  readonly natGateways: Array<{ readonly id: string; readonly subnetId: string; readonly state: string }>;
  readonly endpoints: EndpointFacts[];
  readonly securityGroups: Array<{ readonly id: string; readonly description: string; readonly ingress: string[]; readonly tags: Tags }>;
  readonly flowLogs: Array<{
    readonly resourceId: string;
    readonly trafficType: string;
    readonly destinationType: string;
    readonly logGroupName: string;
    readonly roleArn: string;
    readonly tags: Tags;
  }>;
  readonly logGroups: Array<{ readonly logicalId: string; readonly name: string; readonly retentionDays?: number; readonly tags: Tags }>;
  readonly fileSystem: FileSystemFacts;
  readonly keys: KeyFacts[];
  readonly roles: RoleFacts[];
  readonly buckets: Array<{ readonly name: string; readonly sseAlgorithm?: string; readonly tags: Tags }>;
  readonly instance: InstanceFacts;
  readonly monitoring: MonitoringFacts;
}

/**
 * The monitoring area as the emulator holds it: the topic and the dashboard, which moto's CloudFormation makes (it
 * skips the alarms, metric filters, topic policy and subscriptions: moto-quirks.test.ts shows it).
 */
export interface MonitoringFacts {
  readonly topics: Array<{ readonly arn: string; readonly displayName?: string; readonly kmsMasterKeyId?: string; readonly tags: Tags }>;
  readonly dashboards: Array<{ readonly name: string; readonly widgets: Array<{ readonly type: string; readonly properties: Record<string, any> }> }>;
}

export type Tags = Record<string, string>;

export interface SubnetFacts {
  readonly id: string;
  readonly cidr: string;
  readonly availabilityZone: string;
  /** The `aws-cdk:subnet-type` tag: Public or Private. */
  readonly kind: string;
  readonly tags: Tags;
  readonly routeTableId: string;
  /** The target of the route table's 0.0.0.0/0 route: a NAT gateway or internet gateway ID. */
  readonly defaultRouteTarget?: string;
  /** The entries of the network ACL the subnet is associated with (see createTemplateNetworkAcls). */
  readonly aclEntries: AclEntry[];
}

export interface EndpointFacts {
  readonly serviceName: string;
  readonly type: string;
  readonly subnetIds: string[];
  readonly routeTableIds: string[];
  readonly privateDns?: boolean;
  readonly securityGroupIds: string[];
}

export interface FileSystemFacts {
  readonly id: string;
  readonly encrypted: boolean;
  readonly kmsKeyId?: string;
  readonly performanceMode?: string;
  readonly throughputMode?: string;
  readonly backupStatus?: string;
  readonly tags: Tags;
  readonly mountTargets: Array<{ readonly subnetId: string; readonly availabilityZone?: string }>;
}

export interface KeyFacts {
  readonly alias: string;
  readonly keyId: string;
  readonly arn: string;
  readonly state?: string;
  readonly description?: string;
  readonly rotationEnabled: boolean;
  readonly policy: { Statement: Array<Record<string, any>> };
  readonly tags: Tags;
}

export interface RoleFacts {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly trust: { Statement: Array<Record<string, any>> };
  readonly inlinePolicyNames: string[];
  readonly attachedPolicyArns: string[];
  readonly tags: Tags;
}

export interface InstanceFacts {
  readonly id: string;
  readonly type?: string;
  readonly subnetId?: string;
  readonly availabilityZone?: string;
  readonly instanceProfileArn?: string;
  readonly publicIp?: string;
  readonly tags: Tags;
  readonly rootVolume?: { readonly encrypted?: boolean; readonly sizeGiB?: number; readonly volumeType?: string };
}

/** Reads back a deployed baseline stack. `template` is the synthesized (unpatched) template of the stack. */
export async function readBaseline(clients: EmulatorClients, stackName: string, template: Template): Promise<BaselineFacts> {
  const stack = (await clients.cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
  const resources = await stackResources(clients, stackName);
  const idsOf = (type: string) => Object.values(resources).filter((r) => r.type === type).map((r) => r.physicalId);

  const [vpcId] = idsOf('AWS::EC2::VPC');
  const vpc = (await clients.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs![0];
  const vpcFilter = [{ Name: 'vpc-id', Values: [vpcId] }];
  const routeTables = (await clients.ec2.send(new DescribeRouteTablesCommand({ Filters: vpcFilter }))).RouteTables ?? [];
  const aclsBySubnet = await readSubnetAcls(clients);
  const subnets = ((await clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: idsOf('AWS::EC2::Subnet') }))).Subnets ?? []).map((subnet): SubnetFacts => {
    const routeTableId = routeTableOf(subnet.SubnetId!, template, resources);
    const defaultRoute = routeTables.find((table) => table.RouteTableId === routeTableId)?.Routes?.find((route) => route.DestinationCidrBlock === '0.0.0.0/0');
    const tags = tagMap(subnet.Tags);
    return {
      id: subnet.SubnetId!,
      cidr: subnet.CidrBlock!,
      availabilityZone: subnet.AvailabilityZone!,
      kind: tags['aws-cdk:subnet-type'],
      tags,
      routeTableId,
      defaultRouteTarget: defaultRoute?.NatGatewayId ?? defaultRoute?.GatewayId,
      aclEntries: aclsBySubnet[subnet.SubnetId!] ?? [],
    };
  });

  return {
    stackStatus: stack?.StackStatus ?? 'MISSING',
    resources,
    vpc: { id: vpcId, cidr: vpc.CidrBlock!, tags: tagMap(vpc.Tags) },
    subnets,
    natGateways: ((await clients.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: idsOf('AWS::EC2::NatGateway') }))).NatGateways ?? [])
      .map((nat) => ({ id: nat.NatGatewayId!, subnetId: nat.SubnetId!, state: nat.State! })),
    endpoints: ((await clients.ec2.send(new DescribeVpcEndpointsCommand({ Filters: vpcFilter }))).VpcEndpoints ?? []).map((endpoint) => ({
      serviceName: endpoint.ServiceName!,
      type: endpoint.VpcEndpointType!,
      subnetIds: endpoint.SubnetIds ?? [],
      routeTableIds: endpoint.RouteTableIds ?? [],
      privateDns: endpoint.PrivateDnsEnabled,
      securityGroupIds: (endpoint.Groups ?? []).map((group) => group.GroupId!),
    })),
    securityGroups: ((await clients.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: idsOf('AWS::EC2::SecurityGroup') }))).SecurityGroups ?? [])
      .map((group) => ({
        id: group.GroupId!,
        description: group.Description!,
        ingress: (group.IpPermissions ?? []).flatMap((rule) => (rule.IpRanges ?? []).map((range) => `${rule.IpProtocol}/${rule.FromPort}-${rule.ToPort} from ${range.CidrIp}`)),
        tags: tagMap(group.Tags),
      })),
    flowLogs: ((await clients.ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: [vpcId] }] }))).FlowLogs ?? []).map((flowLog) => ({
      resourceId: flowLog.ResourceId!,
      trafficType: flowLog.TrafficType!,
      destinationType: flowLog.LogDestinationType!,
      logGroupName: flowLog.LogGroupName!,
      roleArn: flowLog.DeliverLogsPermissionArn!,
      tags: tagMap(flowLog.Tags),
    })),
    logGroups: await readLogGroups(clients, resources),
    fileSystem: await readFileSystem(clients, idsOf('AWS::EFS::FileSystem')[0]),
    keys: await readKeys(clients, idsOf('AWS::KMS::Key')),
    roles: await readRoles(clients, resources),
    buckets: await Promise.all(idsOf('AWS::S3::Bucket').map(async (name) => ({
      name,
      sseAlgorithm: (await clients.s3.send(new GetBucketEncryptionCommand({ Bucket: name })))
        .ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
      tags: tagMap((await clients.s3.send(new GetBucketTaggingCommand({ Bucket: name }))).TagSet),
    }))),
    instance: await readInstance(clients, idsOf('AWS::EC2::Instance')[0]),
    monitoring: await readMonitoring(clients, resources),
  };
}

async function readMonitoring(clients: EmulatorClients, resources: BaselineFacts['resources']): Promise<MonitoringFacts> {
  const idsOf = (type: string) => Object.values(resources).filter((r) => r.type === type).map((r) => r.physicalId);
  const topics = await Promise.all(idsOf('AWS::SNS::Topic').map(async (arn) => {
    const attributes = (await clients.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes ?? {};
    const tags = (await clients.sns.send(new ListTopicTagsCommand({ ResourceArn: arn }))).Tags ?? [];
    return { arn, displayName: attributes.DisplayName, kmsMasterKeyId: attributes.KmsMasterKeyId, tags: tagMap(tags) };
  }));
  const dashboards = await Promise.all(idsOf('AWS::CloudWatch::Dashboard').map(async (name) => {
    const body = (await clients.cloudWatch.send(new GetDashboardCommand({ DashboardName: name }))).DashboardBody ?? '{}';
    return { name, widgets: JSON.parse(body).widgets ?? [] };
  }));
  return { topics, dashboards };
}

export async function stackResources(clients: EmulatorClients, stackName: string): Promise<BaselineFacts['resources']> {
  const resources: Record<string, { type: string; physicalId: string; status: string }> = {};
  for await (const page of paginateListStackResources({ client: clients.cloudFormation }, { StackName: stackName })) {
    for (const summary of page.StackResourceSummaries ?? []) {
      // moto lists the resource types it does not model (CloudTrail trail, bucket policies, alarms, metric filters,
      // the topic policy) without a logical ID.
      if (summary.LogicalResourceId) {
        resources[summary.LogicalResourceId] = {
          type: summary.ResourceType!,
          physicalId: summary.PhysicalResourceId!,
          status: summary.ResourceStatus!,
        };
      }
    }
  }
  return resources;
}

/**
 * The route table of a subnet. moto keeps the associations a template creates but does not report them
 * (DescribeRouteTables shows none), so the edge subnet -> route table is read from the template's
 * AWS::EC2::SubnetRouteTableAssociation, mapped to physical IDs through CloudFormation's resource list.
 */
function routeTableOf(subnetId: string, template: Template, resources: BaselineFacts['resources']): string {
  const logicalIdOf = (physicalId: string) => Object.entries(resources).find(([, r]) => r.physicalId === physicalId)?.[0];
  const subnetLogicalId = logicalIdOf(subnetId);
  const association = Object.values(template.Resources).find((r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation'
    && r.Properties?.SubnetId?.Ref === subnetLogicalId);
  const routeTableLogicalId: string | undefined = association?.Properties?.RouteTableId?.Ref;
  if (!routeTableLogicalId || !resources[routeTableLogicalId]) {
    throw new Error(`no route table association for subnet ${subnetId} (${subnetLogicalId})`);
  }
  return resources[routeTableLogicalId].physicalId;
}

async function readLogGroups(clients: EmulatorClients, resources: BaselineFacts['resources']): Promise<BaselineFacts['logGroups']> {
  const groups = Object.entries(resources).filter(([, r]) => r.type === 'AWS::Logs::LogGroup');
  return Promise.all(groups.map(async ([logicalId, { physicalId }]) => {
    const found = (await clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: physicalId }))).logGroups ?? [];
    const group = found.find((g) => g.logGroupName === physicalId);
    if (!group) {
      throw new Error(`log group ${physicalId} not found`);
    }
    const tags = (await clients.logs.send(new ListTagsForResourceCommand({ resourceArn: group.logGroupArn }))).tags ?? {};
    return { logicalId, name: physicalId, retentionDays: group.retentionInDays, tags };
  }));
}

async function readFileSystem(clients: EmulatorClients, fileSystemId: string): Promise<FileSystemFacts> {
  const fileSystem = (await clients.efs.send(new DescribeFileSystemsCommand({ FileSystemId: fileSystemId }))).FileSystems![0];
  const mountTargets = (await clients.efs.send(new DescribeMountTargetsCommand({ FileSystemId: fileSystemId }))).MountTargets ?? [];
  const backup = await clients.efs.send(new DescribeBackupPolicyCommand({ FileSystemId: fileSystemId }));
  return {
    id: fileSystemId,
    encrypted: fileSystem.Encrypted === true,
    kmsKeyId: fileSystem.KmsKeyId,
    performanceMode: fileSystem.PerformanceMode,
    throughputMode: fileSystem.ThroughputMode,
    backupStatus: backup.BackupPolicy?.Status,
    tags: tagMap(fileSystem.Tags),
    mountTargets: mountTargets.map((target) => ({ subnetId: target.SubnetId!, availabilityZone: target.AvailabilityZoneName })),
  };
}

async function readKeys(clients: EmulatorClients, keyIds: string[]): Promise<KeyFacts[]> {
  const aliases = (await clients.kms.send(new ListAliasesCommand({}))).Aliases ?? [];
  return Promise.all(keyIds.map(async (keyId) => {
    const metadata = (await clients.kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    const policy = (await clients.kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }))).Policy!;
    const rotation = await clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    const tags = (await clients.kms.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags ?? [];
    return {
      alias: aliases.find((alias) => alias.TargetKeyId === keyId)?.AliasName ?? '',
      keyId,
      arn: metadata.Arn!,
      state: metadata.KeyState,
      description: metadata.Description,
      rotationEnabled: rotation.KeyRotationEnabled === true,
      policy: JSON.parse(policy),
      tags: Object.fromEntries(tags.map((tag) => [tag.TagKey!, tag.TagValue!])),
    };
  }));
}

async function readRoles(clients: EmulatorClients, resources: BaselineFacts['resources']): Promise<RoleFacts[]> {
  const roles = Object.entries(resources).filter(([, r]) => r.type === 'AWS::IAM::Role');
  return Promise.all(roles.map(async ([logicalId, { physicalId }]) => {
    const role = (await clients.iam.send(new GetRoleCommand({ RoleName: physicalId }))).Role!;
    const inline = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: physicalId }));
    const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: physicalId }));
    const tags = (await clients.iam.send(new ListRoleTagsCommand({ RoleName: physicalId }))).Tags ?? [];
    return {
      logicalId,
      name: physicalId,
      arn: role.Arn!,
      // IAM returns policy documents URL-encoded.
      trust: JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)),
      inlinePolicyNames: inline.PolicyNames ?? [],
      attachedPolicyArns: (attached.AttachedPolicies ?? []).map((policy) => policy.PolicyArn!),
      tags: tagMap(tags),
    };
  }));
}

async function readInstance(clients: EmulatorClients, instanceId: string): Promise<InstanceFacts> {
  const instance = (await clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0].Instances![0];
  const rootVolumeId = instance.BlockDeviceMappings?.find((mapping) => mapping.DeviceName === instance.RootDeviceName)?.Ebs?.VolumeId
    ?? instance.BlockDeviceMappings?.[0]?.Ebs?.VolumeId;
  const volume = rootVolumeId
    ? (await clients.ec2.send(new DescribeVolumesCommand({ VolumeIds: [rootVolumeId] }))).Volumes?.[0]
    : undefined;
  return {
    id: instanceId,
    type: instance.InstanceType,
    subnetId: instance.SubnetId,
    availabilityZone: instance.Placement?.AvailabilityZone,
    instanceProfileArn: instance.IamInstanceProfile?.Arn,
    publicIp: instance.PublicIpAddress,
    tags: tagMap(instance.Tags),
    rootVolume: volume && { encrypted: volume.Encrypted, sizeGiB: volume.Size, volumeType: volume.VolumeType },
  };
}

export function tagMap(tags: Array<Pick<Tag, 'Key' | 'Value'>> | undefined): Tags {
  return Object.fromEntries((tags ?? []).map((tag) => [tag.Key!, tag.Value!]));
}
