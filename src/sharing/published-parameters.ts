import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { PARAMETER } from './parameter-names';
import { BaselineKeys } from '../encryption/baseline-keys';
import { DATABASE_SUBNET_GROUP, PRIVATE_SUBNET_GROUP, PUBLIC_SUBNET_GROUP } from '../private/defaults';

export interface PublishedParametersProps {
  readonly prefix: string;
  readonly vpc: ec2.IVpc;
  readonly vpcCidr: string;
  readonly availabilityZones: string[];
  readonly hasDatabaseTier: boolean;
  readonly keys: BaselineKeys;
  readonly fileSystemId?: string;
  readonly fileSystemSecurityGroupId?: string;
  readonly efsCsiDriverRoleArn?: string;
  readonly efsCsiNodeRoleArn?: string;
  readonly bastionRoleArn?: string;
  readonly bastionInstanceId?: string;
  readonly bastionSecurityGroupId?: string;
  readonly natGatewayPublicIps: string[];
}

/**
 * The baseline's outputs as SSM parameters under one prefix, for application repos to read at deploy time.
 */
export class PublishedParameters extends Construct {
  constructor(scope: Construct, id: string, private readonly props: PublishedParametersProps) {
    super(scope, id);
    const { vpc } = props;
    this.string('VpcId', PARAMETER.vpcId, vpc.vpcId, 'VPC ID');
    this.string('VpcCidr', PARAMETER.vpcCidr, props.vpcCidr, 'VPC IPv4 CIDR');
    this.list('AvailabilityZones', PARAMETER.availabilityZones, props.availabilityZones, 'availability zones, in subnet order');
    if (props.natGatewayPublicIps.length > 0) {
      this.list('NatPublicIps', PARAMETER.natPublicIps, props.natGatewayPublicIps, 'public IPv4 addresses of the NAT gateways');
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

    this.string('EksSecretsKeyArn', PARAMETER.eksSecretsKeyArn, props.keys.eksSecrets.keyArn, 'KMS key for EKS secrets');
    this.string('LogsKeyArn', PARAMETER.logsKeyArn, props.keys.logs.keyArn, 'KMS key for logs');
    if (props.keys.fileSystem) {
      this.string('FileSystemKeyArn', PARAMETER.fileSystemKeyArn, props.keys.fileSystem.keyArn, 'KMS key for EFS');
    }
    this.optional('FileSystemId', PARAMETER.fileSystemId, props.fileSystemId, 'EFS file system ID');
    this.optional('FileSystemSecurityGroupId', PARAMETER.fileSystemSecurityGroupId, props.fileSystemSecurityGroupId, 'EFS security group ID');
    this.optional('EfsCsiDriverRoleArn', PARAMETER.efsCsiDriverRoleArn, props.efsCsiDriverRoleArn, 'EFS CSI driver controller role ARN');
    this.optional('EfsCsiNodeRoleArn', PARAMETER.efsCsiNodeRoleArn, props.efsCsiNodeRoleArn, 'EFS CSI driver node role ARN');
    this.optional('BastionRoleArn', PARAMETER.bastionRoleArn, props.bastionRoleArn, 'bastion role ARN');
    this.optional('BastionInstanceId', PARAMETER.bastionInstanceId, props.bastionInstanceId, 'bastion instance ID');
    this.optional('BastionSecurityGroupId', PARAMETER.bastionSecurityGroupId, props.bastionSecurityGroupId, 'bastion security group ID');
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
