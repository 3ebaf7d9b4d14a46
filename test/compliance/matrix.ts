import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { CisVariant, FlowLogDestinations, InterfaceEndpointPreset, NatGateways, NuminiaBaselineProps, S3EndpointPolicy } from '../../src';

const keyArn = (n: number) => `arn:aws:kms:eu-west-1:111111111111:key/${n}1111111-2222-3333-4444-555555555555`;
const externalKey = (n: number) => kms.Key.fromKeyArn(new Stack(), `Key${n}`, keyArn(n));
const externalTopic = () => sns.Topic.fromTopicArn(new Stack(), 'Topic', 'arn:aws:sns:eu-west-1:111111111111:central-alerts');

/**
 * Every configuration a user can choose, at least once: each must come out clean under every compliance tool.
 * A function, so each run gets fresh constructs.
 */
export function complianceMatrix(): Array<[string, Partial<NuminiaBaselineProps>]> {
  return [
    ['the default baseline', {}],
    ['NAT: single', { network: { natGateways: NatGateways.SINGLE } }],
    ['NAT: none', { network: { natGateways: NatGateways.NONE } }],
    ['NAT: regional', { network: { natGateways: NatGateways.REGIONAL } }],
    ['a private-EKS VPC: no NAT, the EKS endpoint preset, a restricted S3 endpoint, no network ACLs', {
      network: {
        natGateways: NatGateways.NONE,
        interfaceEndpointPresets: [InterfaceEndpointPreset.PRIVATE_EKS],
        s3EndpointPolicy: S3EndpointPolicy.restrictTo({ organizationId: 'o-a1b2c3d4e5' }),
        networkAcls: false,
        privateSubnetTags: { 'karpenter.sh/discovery': 'numinia-production' },
      },
    }],
    ['flow logs to S3 only, custom format, one-minute aggregation, CloudTrail off', {
      logging: {
        flowLogDestinations: FlowLogDestinations.S3,
        flowLogFormat: [ec2.LogFormat.VERSION, ec2.LogFormat.SRC_ADDR, ec2.LogFormat.DST_ADDR, ec2.LogFormat.ACTION],
        flowLogAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
        cloudTrail: { enabled: false },
      },
    }],
    ['flow logs to CloudWatch Logs and S3', { logging: { flowLogDestinations: FlowLogDestinations.CLOUDWATCH_LOGS_AND_S3 } }],
    ['file system off', { fileSystem: { enabled: false } }],
    ['bastion off', { bastion: { enabled: false } }],
    ['CloudTrail off', { logging: { cloudTrail: { enabled: false } } }],
    [
      'a custom CIDR plan over 2 zones with a database tier',
      {
        network: {
          cidr: '172.20.0.0/16',
          availabilityZones: ['eu-west-1a', 'eu-west-1b'],
          publicSubnetCidrs: ['172.20.0.0/24', '172.20.1.0/24'],
          privateSubnetCidrs: ['172.20.16.0/20', '172.20.32.0/20'],
          databaseSubnetCidrs: ['172.20.64.0/24', '172.20.65.0/24'],
        },
      },
    ],
    ['bring-your-own keys', { encryption: { eksSecretsKey: externalKey(1), fileSystemKey: externalKey(2), logsKey: externalKey(3) } }],
    ['another project and cluster names', { project: 'acme', bastion: { eksClusterNames: ['platform-*', 'tools'] } }],
    [
      'a file system shared with the account and the database tier, with root access',
      {
        network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] },
        fileSystem: { allowFromDatabaseTier: true, allowMountsFromAccount: true, clientRootAccess: true },
      },
    ],
    ['a Graviton bastion through the SSM endpoints, the logs key for every log group', {
      bastion: { instanceType: new ec2.InstanceType('t4g.micro'), ssmEndpoints: true },
      encryption: { logsKeyForAllLogGroups: true },
    }],
    ['the bastion in the database tier', {
      network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] },
      bastion: { vpcSubnets: { subnetGroupName: 'Database' } },
    }],
    ['monitoring off', { monitoring: { enabled: false } }],
    ['monitoring: a topic brought in', { monitoring: { alarmTopic: externalTopic() } }],
    [
      'monitoring: the CIS v3 variant, e-mail subscribers, tuned thresholds',
      { monitoring: { cisVariant: CisVariant.CIS_V3, alarmEmails: ['ops@numinia.io'], unauthorizedApiCallsThreshold: 5, natPacketDropPercentThreshold: 0.1 } },
    ],
    ['file system in Elastic throughput (no burst-credit alarm)', { fileSystem: { throughputMode: efs.ThroughputMode.ELASTIC } }],
    ['file system in Max I/O (no I/O-limit alarm)', { fileSystem: { performanceMode: efs.PerformanceMode.MAX_IO } }],
  ];
}
