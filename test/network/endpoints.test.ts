import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { InterfaceEndpointPreset, NatGateways, S3EndpointPolicy } from '../../src';
import { gatewayServiceName } from '../../src/network/endpoints';
import { synthTemplate } from '../util';

type Json = any;

const serviceOf = (endpoint: Json) => {
  const name = endpoint.Properties.ServiceName;
  return typeof name === 'string' ? name.replace(/^com\.amazonaws\.eu-west-1\./, '') : 's3';
};
const interfaceServices = (props: Json) =>
  Object.values<Json>(synthTemplate(props).findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } })).map(serviceOf).sort();

describe('endpoint presets', () => {
  test('PRIVATE_EKS adds what a private EKS cluster needs, each service once (eks and logs are defaults already)', () => {
    expect(interfaceServices({ network: { interfaceEndpointPresets: [InterfaceEndpointPreset.PRIVATE_EKS] } })).toEqual([
      'ec2', 'ec2messages', 'ecr.api', 'ecr.dkr', 'eks', 'eks-auth', 'elasticfilesystem', 'elasticloadbalancing', 'logs', 'ssm', 'ssmmessages', 'sts',
    ]);
  });

  test('a preset, additional endpoints and the SSM endpoints of a NAT-less VPC are deduplicated', () => {
    expect(interfaceServices({
      network: {
        natGateways: NatGateways.NONE,
        interfaceEndpointPresets: [InterfaceEndpointPreset.SESSION_MANAGER, InterfaceEndpointPreset.of('mine', [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.SSM])],
        additionalInterfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS],
      },
    })).toEqual(['ec2messages', 'eks', 'logs', 'ssm', 'ssmmessages', 'sts']);
  });

  test('a preset of another copy of the library (two copies in node_modules) is accepted by its shape', () => {
    const { name, services } = InterfaceEndpointPreset.SESSION_MANAGER;
    expect(interfaceServices({ network: { interfaceEndpointPresets: [{ name, services }] } })).toEqual(['ec2messages', 'eks', 'logs', 'ssm', 'ssmmessages']);
  });

  test('the defaults are unchanged: eks and logs', () => {
    expect(interfaceServices({})).toEqual(['eks', 'logs']);
  });

  test('their security group lets HTTPS in from the VPC only, and nothing out (an endpoint never opens a connection)', () => {
    const groups = Object.values<Json>(synthTemplate().findResources('AWS::EC2::SecurityGroup', {
      Properties: { GroupDescription: 'Interface VPC endpoints: HTTPS from inside the VPC only' },
    }));
    expect(groups.map((g) => [g.Properties.SecurityGroupIngress, g.Properties.SecurityGroupEgress])).toEqual([[
      [{ CidrIp: '10.0.0.0/16', Description: 'HTTPS from the VPC', FromPort: 443, IpProtocol: 'tcp', ToPort: 443 }],
      // aws-cdk-lib's rule for "no egress": ICMP type 252 code 86 to 255.255.255.255/32 matches no packet.
      [{ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 }],
    ]]);
  });
});

describe('the S3 gateway endpoint policy', () => {
  const s3Endpoint = (props: Json) => Object.values<Json>(synthTemplate(props).findResources('AWS::EC2::VPCEndpoint')).find((e) => serviceOf(e) === 's3');

  test('by default AWS\'s own (no policy document): nothing reaching S3 from the VPC breaks', () => {
    expect(s3Endpoint({}).Properties.PolicyDocument).toBeUndefined();
  });

  test('restricted: the organisation\'s buckets, named buckets, the AWS-owned buckets of the region read-only, CloudFormation\'s response buckets write-only', () => {
    const policy = s3Endpoint({
      network: { s3EndpointPolicy: S3EndpointPolicy.restrictTo({ organizationId: 'o-a1b2c3d4e5', bucketArns: ['arn:aws:s3:::numinia-artifacts'] }) },
    }).Properties.PolicyDocument;
    expect(policy.Statement.map((s: Json) => s.Sid)).toEqual(['BucketsOfTheOrganization', 'NamedBuckets', 'AwsServiceBuckets', 'CloudFormationResponses']);
    expect(policy.Statement[0]).toEqual({
      Sid: 'BucketsOfTheOrganization',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceOrgID': 'o-a1b2c3d4e5' } },
    });
    expect(policy.Statement[1].Resource).toEqual(['arn:aws:s3:::numinia-artifacts', 'arn:aws:s3:::numinia-artifacts/*']);
    expect(policy.Statement[2].Action).toBe('s3:GetObject');
    // ECR layers, Amazon Linux 2023 and 2 repositories and live patches, the SSM agent's, Patch Manager's and the
    // CloudWatch agent's buckets (sources in s3-endpoint-policy.ts; each request is a contract in network.contracts).
    expect(JSON.stringify(policy.Statement[2].Resource)).toEqual(expect.stringContaining('-starport-layer-bucket/*'));
    expect(JSON.stringify(policy.Statement[2].Resource)).toEqual(expect.stringContaining('-de612dc2/*'));
    expect(policy.Statement[2].Resource).toHaveLength(18);
    expect(policy.Statement[3]).toEqual({
      Sid: 'CloudFormationResponses',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:PutObject',
      Resource: [
        // Custom resources: the region without its dashes (uswest2); wait conditions: with them.
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::cloudformation-custom-resource-response-', { 'Fn::Join': ['', { 'Fn::Split': ['-', { Ref: 'AWS::Region' }] }] }, '/*']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::cloudformation-waitcondition-', { Ref: 'AWS::Region' }, '/*']] },
      ],
    });
  });

  test('fails when a restriction would allow nothing', () => {
    expect(() => S3EndpointPolicy.restrictTo({ allowAwsServiceBuckets: false })).toThrow(/nothing allowed; give organizationId or bucketArns/);
  });
});

describe('where the endpoints are and what they are called', () => {
  const idsOf = (template: Json, type: string) => Object.keys(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: type } }))
    .map((id) => id.replace(/^BaselineNetworkVpc/, '').replace(/[0-9A-F]{8}$/, '')).sort();

  test('each endpoint is named after its service (dots and dashes become words), so adding one never renames another', () => {
    const template = synthTemplate({
      network: {
        interfaceEndpointPresets: [InterfaceEndpointPreset.PRIVATE_EKS],
        additionalGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.DYNAMODB],
      },
    });
    expect(idsOf(template, 'Interface')).toEqual([
      'Ec2Endpoint', 'Ec2messagesEndpoint', 'EcrApiEndpoint', 'EcrDkrEndpoint', 'EksAuthEndpoint', 'EksEndpoint',
      'ElasticfilesystemEndpoint', 'ElasticloadbalancingEndpoint', 'LogsEndpoint', 'SsmEndpoint', 'SsmmessagesEndpoint', 'StsEndpoint',
    ]);
    expect(idsOf(template, 'Gateway')).toEqual(['DynamodbEndpoint', 'S3Endpoint']);
  });

  test('interface endpoints are in the private subnets, also when the VPC has no NAT and the database tier is isolated too', () => {
    const template = synthTemplate({ network: { natGateways: NatGateways.NONE, databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] } });
    const endpoints = Object.values<Json>(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } }));
    expect(endpoints.length).toBeGreaterThan(0);
    for (const endpoint of endpoints) {
      expect(endpoint.Properties.SubnetIds.map((s: Json) => s.Ref.replace(/[0-9A-F]{8}$/, ''))).toEqual([
        'BaselineNetworkVpcPrivateSubnet1Subnet', 'BaselineNetworkVpcPrivateSubnet2Subnet', 'BaselineNetworkVpcPrivateSubnet3Subnet',
      ]);
    }
  });

  test('the presets carry their names', () => {
    expect([InterfaceEndpointPreset.PRIVATE_EKS.name, InterfaceEndpointPreset.SESSION_MANAGER.name, InterfaceEndpointPreset.of('mine', []).name])
      .toEqual(['PRIVATE_EKS', 'SESSION_MANAGER', 'mine']);
  });

  test('a gateway service\'s name is read after its region (a token whose text holds dots): s3, dynamodb, dotted names with dashes', () => {
    expect([ec2.GatewayVpcEndpointAwsService.S3, ec2.GatewayVpcEndpointAwsService.DYNAMODB, new ec2.GatewayVpcEndpointAwsService('example.service')].map(gatewayServiceName))
      .toEqual(['s3', 'dynamodb', 'example-service']);
  });
});
