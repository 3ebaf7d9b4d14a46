import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { PARAMETER } from './parameter-names';
import { BaselineKeys } from '../encryption/baseline-keys';
import { DATABASE_SUBNET_GROUP, PRIVATE_SUBNET_GROUP, PUBLIC_SUBNET_GROUP } from '../private/defaults';

/** What the baseline publishes: its resources, as the construct exposes them (the construct itself is one). */
export interface PublishedResources {
  readonly vpc: ec2.IVpc;
  readonly keys: BaselineKeys;
  readonly natGatewayPublicIps: string[];
  readonly fileSystem?: efs.IFileSystem;
  readonly fileSystemSecurityGroup?: ec2.ISecurityGroup;
  readonly efsCsiDriverRole?: iam.IRole;
  readonly efsCsiNodeRole?: iam.IRole;
  readonly bastion?: ec2.IInstance;
  readonly bastionRole?: iam.IRole;
  readonly bastionSecurityGroup?: ec2.ISecurityGroup;
}

export interface PublishedParametersProps {
  readonly prefix: string;
  readonly vpcCidr: string;
  readonly availabilityZones: string[];
  readonly hasDatabaseTier: boolean;
  readonly resources: PublishedResources;
}

/**
 * The baseline's outputs as SSM parameters under one prefix, for application repos to read at deploy time.
 */
export class PublishedParameters extends Construct {
  constructor(scope: Construct, id: string, private readonly props: PublishedParametersProps) {
    super(scope, id);
    const r = props.resources;
    const { vpc, keys } = r;
    this.string('VpcId', PARAMETER.vpcId, vpc.vpcId, 'VPC ID');
    this.string('VpcCidr', PARAMETER.vpcCidr, props.vpcCidr, 'VPC IPv4 CIDR');
    this.list('AvailabilityZones', PARAMETER.availabilityZones, props.availabilityZones, 'availability zones, in subnet order');
    if (r.natGatewayPublicIps.length > 0) {
      this.list('NatPublicIps', PARAMETER.natPublicIps, r.natGatewayPublicIps, 'public IPv4 addresses of the NAT gateways');
    }

    const tiers: Array<[string, string, string, string]> = [
      ['Public', PUBLIC_SUBNET_GROUP, PARAMETER.publicSubnetIds, PARAMETER.publicRouteTableIds],
      ['Private', PRIVATE_SUBNET_GROUP, PARAMETER.privateSubnetIds, PARAMETER.privateRouteTableIds],
    ];
    if (props.hasDatabaseTier) {
      tiers.push(['Database', DATABASE_SUBNET_GROUP, PARAMETER.databaseSubnetIds, PARAMETER.databaseRouteTableIds]);
    }
    for (const [idPrefix, group, subnetName, routeTableName] of tiers) {
      const subnets = vpc.selectSubnets({ subnetGroupName: group }).subnets;
      this.list(`${idPrefix}SubnetIds`, subnetName, subnets.map((s) => s.subnetId), `${group} subnet IDs, in zone order`);
      this.list(`${idPrefix}RouteTableIds`, routeTableName, subnets.map((s) => s.routeTable.routeTableId), `${group} route table IDs, in zone order`);
    }

    this.string('EksSecretsKeyArn', PARAMETER.eksSecretsKeyArn, keys.eksSecrets.keyArn, 'KMS key for EKS secrets');
    this.string('LogsKeyArn', PARAMETER.logsKeyArn, keys.logs.keyArn, 'KMS key for logs');
    if (keys.fileSystem) {
      this.string('FileSystemKeyArn', PARAMETER.fileSystemKeyArn, keys.fileSystem.keyArn, 'KMS key for EFS');
    }
    this.optional('FileSystemId', PARAMETER.fileSystemId, r.fileSystem?.fileSystemId, 'EFS file system ID');
    this.optional('FileSystemSecurityGroupId', PARAMETER.fileSystemSecurityGroupId, r.fileSystemSecurityGroup?.securityGroupId, 'EFS security group ID');
    this.optional('EfsCsiDriverRoleArn', PARAMETER.efsCsiDriverRoleArn, r.efsCsiDriverRole?.roleArn, 'EFS CSI driver controller role ARN');
    this.optional('EfsCsiNodeRoleArn', PARAMETER.efsCsiNodeRoleArn, r.efsCsiNodeRole?.roleArn, 'EFS CSI driver node role ARN');
    this.optional('BastionRoleArn', PARAMETER.bastionRoleArn, r.bastionRole?.roleArn, 'bastion role ARN');
    this.optional('BastionInstanceId', PARAMETER.bastionInstanceId, r.bastion?.instanceId, 'bastion instance ID');
    this.optional('BastionSecurityGroupId', PARAMETER.bastionSecurityGroupId, r.bastionSecurityGroup?.securityGroupId, 'bastion security group ID');
  }

  private string(id: string, name: string, value: string, what: string): void {
    new ssm.StringParameter(this, id, { parameterName: this.props.prefix + name, stringValue: value, description: `Baseline: ${what}` });
  }

  private optional(id: string, name: string, value: string | undefined, what: string): void {
    if (value !== undefined) {
      this.string(id, name, value, what);
    }
  }

  private list(id: string, name: string, values: string[], what: string): void {
    new ssm.StringListParameter(this, id, { parameterName: this.props.prefix + name, stringListValue: values, description: `Baseline: ${what}` });
  }
}
