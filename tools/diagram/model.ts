/**
 * The architecture a CloudFormation template describes, read from its resources: zones and tiers of each VPC with
 * what sits in every subnet, and the regional services around it. Pure: no CDK, no I/O.
 */
import { operationsOf } from './operations';
import { servicesOf } from './services';
import { ownerName, Resource, serviceName, tag, targetOf, Template, textOf } from './template';

/** One subnet: its CIDR and what is placed in it. */
export interface SubnetCell {
  readonly logicalId: string;
  readonly cidr: string;
  /**
   * One line each: "NAT gateway + Elastic IP", "EFS mount target", "Bastion: t3.micro" (with its volume, patching and
   * session logging indented under it), "2 endpoint ENIs"...
   */
  readonly contents: string[];
}

/** A tier of subnets (aws-cdk:subnet-name), one cell per zone (undefined where the tier has no subnet in a zone). */
export interface Tier {
  readonly name: string;
  readonly type: string;
  readonly cells: Array<SubnetCell | undefined>;
  /** The network ACLs associated with the tier's subnets, by name. */
  readonly networkAcls: string[];
}

export interface VpcModel {
  readonly logicalId: string;
  readonly cidr: string;
  readonly zones: string[];
  readonly tiers: Tier[];
  readonly internetGateway: boolean;
  /** Regional NAT gateways: one line each, e.g. "Regional NAT gateway: 3 zones, 3 Elastic IPs (automatic)". */
  readonly regionalNat: string[];
  readonly gatewayEndpoints: string[];
  readonly interfaceEndpoints: string[];
  readonly flowLogs: string[];
}

/** A box outside the VPCs. `id` is the logical ID (stable, for the layout). */
export interface ServiceNode {
  readonly id: string;
  readonly title: string;
  readonly lines: string[];
}

/** An arrow between two service boxes, with a short label. */
export interface ServiceEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface ServiceGroup {
  readonly name: string;
  readonly nodes: ServiceNode[];
}

export interface ArchitectureModel {
  readonly title: string;
  readonly vpcs: VpcModel[];
  readonly groups: ServiceGroup[];
  readonly edges: ServiceEdge[];
}

/** Flow-log destinations as a reader knows them. */
const DESTINATIONS: { [type: string]: string } = { 'cloud-watch-logs': 'CloudWatch Logs', 's3': 'S3', 'kinesis-data-firehose': 'Firehose' };

/** Subnet types in the order a reader expects them, top to bottom. */
const TIER_TYPE_ORDER = ['Public', 'Private', 'Isolated'];

/** The model of a template. `title` is the diagram's caption (e.g. the stack name and region). */
export function architectureOf(template: Template, title: string): ArchitectureModel {
  const resources = Object.entries(template.Resources ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const vpcs = ofType('AWS::EC2::VPC').map(([id, vpc]) => vpcOf(id, vpc, resources));
  const { groups, edges } = servicesOf(resources, ofType);
  return { title, vpcs, groups, edges };
}

type Entries = Array<[string, Resource]>;

function vpcOf(vpcId: string, vpc: Resource, resources: Entries): VpcModel {
  const inVpc = (r: Resource) => targetOf(r.Properties?.VpcId) === vpcId;
  const subnets = resources.filter(([, r]) => r.Type === 'AWS::EC2::Subnet' && inVpc(r));
  const zones = [...new Set(subnets.map(([, s]) => textOf(s.Properties?.AvailabilityZone)))].sort();
  const contents = subnetContents(resources);
  const tierKey = (s: Resource) => tag(s, 'aws-cdk:subnet-name') ?? tag(s, 'aws-cdk:subnet-type') ?? 'Subnets';
  const tierNames = [...new Set(subnets.map(([, s]) => tierKey(s)))];
  const typeOf = (name: string) => tag(subnets.find(([, s]) => tierKey(s) === name)![1], 'aws-cdk:subnet-type') ?? '';
  const rank = (name: string) => {
    const i = TIER_TYPE_ORDER.indexOf(typeOf(name));
    return i < 0 ? TIER_TYPE_ORDER.length : i;
  };
  tierNames.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const acls = networkAclsBySubnet(resources);
  const tiers = tierNames.map((name) => {
    const tierSubnets = subnets.filter(([, s]) => tierKey(s) === name);
    const cells = zones.map((zone) => {
      const found = tierSubnets.find(([, s]) => textOf(s.Properties?.AvailabilityZone) === zone);
      return found ? { logicalId: found[0], cidr: textOf(found[1].Properties?.CidrBlock), contents: contents.get(found[0]) ?? [] } : undefined;
    });
    const networkAcls = [...new Set(tierSubnets.flatMap(([id]) => acls.get(id) ?? []))].sort();
    return { name, type: typeOf(name), cells, networkAcls };
  });

  const endpoints = resources.filter(([, r]) => r.Type === 'AWS::EC2::VPCEndpoint' && inVpc(r));
  const serviceOf = (r: Resource) => serviceName(r.Properties?.ServiceName);
  const regionalNat = resources
    .filter(([, r]) => r.Type === 'AWS::EC2::NatGateway' && inVpc(r) && r.Properties?.AvailabilityMode === 'regional')
    .map(([, r]) => {
      const manual = r.Properties?.AvailabilityZoneAddresses;
      return Array.isArray(manual)
        ? `Regional NAT gateway: ${manual.length} zones, Elastic IPs given per zone`
        : 'Regional NAT gateway: every zone, one Elastic IP each (automatic)';
    });
  const flowLogs = resources
    .filter(([, r]) => r.Type === 'AWS::EC2::FlowLog' && targetOf(r.Properties?.ResourceId) === vpcId)
    .map(([, r]) => `flow logs (${r.Properties?.TrafficType ?? 'ALL'}) to ${DESTINATIONS[r.Properties?.LogDestinationType] ?? 'CloudWatch Logs'}`);
  return {
    logicalId: vpcId,
    cidr: textOf(vpc.Properties?.CidrBlock),
    zones,
    tiers,
    internetGateway: resources.some(([, r]) => r.Type === 'AWS::EC2::VPCGatewayAttachment' && inVpc(r)),
    regionalNat,
    gatewayEndpoints: endpoints.filter(([, r]) => (r.Properties?.VpcEndpointType ?? 'Gateway') === 'Gateway').map(([, r]) => serviceOf(r)),
    interfaceEndpoints: endpoints.filter(([, r]) => r.Properties?.VpcEndpointType === 'Interface').map(([, r]) => serviceOf(r)),
    flowLogs,
  };
}

/** What each subnet holds, by subnet logical ID, in a fixed order. */
function subnetContents(resources: Entries): Map<string, string[]> {
  const byId = new Map(resources);
  const contents = new Map<string, string[]>();
  const add = (subnet: string | undefined, line: string) => {
    if (!subnet) return;
    contents.set(subnet, [...(contents.get(subnet) ?? []), line]);
  };
  for (const [, r] of resources.filter(([, x]) => x.Type === 'AWS::EC2::NatGateway' && x.Properties?.SubnetId)) {
    const eip = byId.get(targetOf(r.Properties?.AllocationId) ?? '');
    add(targetOf(r.Properties?.SubnetId), eip ? 'NAT gateway + Elastic IP' : 'NAT gateway');
  }
  for (const [id, r] of resources.filter(([, x]) => x.Type === 'AWS::EC2::Instance')) {
    const volume = (r.Properties?.BlockDeviceMappings ?? []).map((m: any) => m.Ebs).find((e: any) => e?.VolumeSize);
    add(targetOf(r.Properties?.SubnetId), `${ownerName(r, id)}: ${textOf(r.Properties?.InstanceType)}`);
    if (volume) add(targetOf(r.Properties?.SubnetId), `  ${volume.VolumeSize} GiB ${volume.VolumeType ?? 'gp2'} volume`);
    // Patched by a maintenance window, sessions logged by Session Manager: what keeps the instance current and audited.
    for (const line of operationsOf(id, r, resources)) add(targetOf(r.Properties?.SubnetId), `  ${line}`);
  }
  for (const [, r] of resources.filter(([, x]) => x.Type === 'AWS::EFS::MountTarget')) {
    add(targetOf(r.Properties?.SubnetId), 'EFS mount target');
  }
  const endpointsBySubnet = new Map<string, string[]>();
  for (const [, r] of resources.filter(([, x]) => x.Type === 'AWS::EC2::VPCEndpoint' && x.Properties?.VpcEndpointType === 'Interface')) {
    for (const subnet of r.Properties?.SubnetIds ?? []) {
      const id = targetOf(subnet);
      if (id) endpointsBySubnet.set(id, [...(endpointsBySubnet.get(id) ?? []), serviceName(r.Properties?.ServiceName)]);
    }
  }
  for (const [subnet, services] of endpointsBySubnet) {
    add(subnet, `${services.length} endpoint ENI${services.length === 1 ? '' : 's'}`);
  }
  return contents;
}

function networkAclsBySubnet(resources: Entries): Map<string, string[]> {
  const byId = new Map(resources);
  const acls = new Map<string, string[]>();
  for (const [, r] of resources.filter(([, x]) => x.Type === 'AWS::EC2::SubnetNetworkAclAssociation')) {
    const subnet = targetOf(r.Properties?.SubnetId);
    const aclId = targetOf(r.Properties?.NetworkAclId);
    if (!subnet || !aclId) continue;
    const acl = byId.get(aclId);
    acls.set(subnet, [...(acls.get(subnet) ?? []), acl ? ownerName(acl, aclId) : aclId]);
  }
  return acls;
}
