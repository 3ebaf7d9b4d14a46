import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { InterfaceEndpointPreset } from './endpoint-presets';
import { S3EndpointPolicy } from './s3-endpoint-policy';
import { PRIVATE_SUBNET_GROUP } from '../private/defaults';

/** The interface endpoints of the document (EKS API, CloudWatch Logs): always there. */
export const DEFAULT_INTERFACE_ENDPOINTS = [ec2.InterfaceVpcEndpointAwsService.EKS, ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS];

export interface EndpointsProps {
  readonly vpc: ec2.Vpc;
  readonly vpcCidr: string;
  readonly additionalInterfaceEndpoints: ec2.InterfaceVpcEndpointAwsService[];
  readonly additionalGatewayEndpoints: ec2.GatewayVpcEndpointAwsService[];
  readonly presets: InterfaceEndpointPreset[];
  readonly s3EndpointPolicy: S3EndpointPolicy;
  /** Session Manager's endpoints (the bastion reaches Systems Manager through them). */
  readonly ssmEndpoints: boolean;
}

/**
 * The VPC endpoints: the S3 gateway endpoint (with its policy) and any other gateway endpoint, and the interface
 * endpoints (the defaults, the presets, the SSM ones, the additional ones: each service once), with private DNS, in the
 * private subnets, behind one security group that allows HTTPS from the VPC only (returned: the bastion's egress
 * rule points at it).
 */
export function createEndpoints(scope: Construct, props: EndpointsProps): ec2.SecurityGroup {
  const { vpc } = props;
  // Made on the VPC, as aws-cdk-lib's addGatewayEndpoint does, so that their logical IDs stay where they were.
  const s3 = vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });
  for (const statement of props.s3EndpointPolicy._statements() ?? []) {
    s3.addToPolicy(statement);
  }
  for (const service of props.additionalGatewayEndpoints) {
    vpc.addGatewayEndpoint(endpointId(gatewayServiceName(service)), { service });
  }

  const securityGroup = new ec2.SecurityGroup(scope, 'EndpointSecurityGroup', {
    vpc,
    description: 'Interface VPC endpoints: HTTPS from inside the VPC only',
    allowAllOutbound: false,
  });
  securityGroup.addIngressRule(ec2.Peer.ipv4(props.vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');

  const wanted = [
    ...DEFAULT_INTERFACE_ENDPOINTS,
    ...props.presets.flatMap((preset) => preset.services),
    ...(props.ssmEndpoints ? InterfaceEndpointPreset.SESSION_MANAGER.services : []),
    ...props.additionalInterfaceEndpoints,
  ];
  const unique = wanted.filter((service, i) => wanted.findIndex((other) => other.shortName === service.shortName) === i);
  for (const service of unique) {
    vpc.addInterfaceEndpoint(endpointId(service.shortName), {
      service,
      privateDnsEnabled: true,
      // Stryker disable next-line ObjectLiteral: equivalent: by default aws-cdk-lib takes one subnet per zone of the first subnet type present (with egress, else isolated), and the private group comes before the database group
      subnets: { subnetGroupName: PRIVATE_SUBNET_GROUP },
      securityGroups: [securityGroup],
      open: false,
    });
  }
  return securityGroup;
}

/**
 * `com.amazonaws.${Token[AWS.Region.1]}.dynamodb` -> `dynamodb`: gateway services carry the region as a token
 * (whose text holds dots) followed by the service's short name.
 */
export function gatewayServiceName(service: ec2.GatewayVpcEndpointAwsService): string {
  const afterRegion = service.name.slice(service.name.lastIndexOf('}') + 1);
  return afterRegion.split('.').filter(Boolean).join('-');
}

/** `ssmmessages` -> `SsmmessagesEndpoint`, `ecr.api` -> `EcrApiEndpoint`: a stable construct ID per service. */
function endpointId(shortName: string): string {
  // A service's short name is words joined by single dots or dashes (ecr.api, execute-api), none at either end.
  const pascal = shortName.split(/[.-]/).map((part) => part[0].toUpperCase() + part.slice(1)).join('');
  return `${pascal}Endpoint`;
}
