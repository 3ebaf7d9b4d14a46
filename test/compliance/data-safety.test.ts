import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CisVariant, FlowLogDestinations, InterfaceEndpointPreset, NatGateways, NuminiaBaselineProps, S3EndpointPolicy } from '../../src';
import { STATEFUL_TYPES, synthTemplate } from '../util';

const STATEFUL = new Set(STATEFUL_TYPES);

/** Options that hold no data: changing any of them must leave every stateful resource in place. */
const NON_STATEFUL_CHANGES: Array<[string, Partial<NuminiaBaselineProps>]> = [
  ['bastion instance type', { bastion: { instanceType: new ec2.InstanceType('t3.small') } }],
  ['NAT strategy SINGLE', { network: { natGateways: NatGateways.SINGLE } }],
  ['NAT strategy NONE', { network: { natGateways: NatGateways.NONE } }],
  ['NAT strategy REGIONAL', { network: { natGateways: NatGateways.REGIONAL } }],
  ['network ACLs off', { network: { networkAcls: false } }],
  ['the private-EKS endpoint preset and a restricted S3 endpoint', {
    network: { interfaceEndpointPresets: [InterfaceEndpointPreset.PRIVATE_EKS], s3EndpointPolicy: S3EndpointPolicy.restrictTo({ organizationId: 'o-a1b2c3d4e5' }) },
  }],
  ['flow logs to CloudWatch Logs and S3, in a custom format', {
    logging: { flowLogDestinations: FlowLogDestinations.CLOUDWATCH_LOGS_AND_S3, flowLogFormat: [ec2.LogFormat.VERSION, ec2.LogFormat.ACTION] },
  }],
  ['subnet tags per tier', { network: { privateSubnetTags: { 'karpenter.sh/discovery': 'numinia-production' } } }],
  ['more interface endpoints', { network: { additionalInterfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] } }],
  ['flow-log retention', { logging: { flowLogRetention: logs.RetentionDays.THREE_MONTHS } }],
  ['trail lifecycle', { logging: { cloudTrail: { transitionToGlacierAfter: Duration.days(30), expireAfter: Duration.days(2555) } } }],
  ['user tags', { tags: { CostCentre: 'cc-42' } }],
  ['bastion off', { bastion: { enabled: false } }],
  ['the bastion through the SSM endpoints, on Graviton', { bastion: { ssmEndpoints: true, instanceType: new ec2.InstanceType('t4g.micro') } }],
  ['the logs key for every log group', { encryption: { logsKeyForAllLogGroups: true } }],
  ['key rotation period', { encryption: { rotationPeriod: Duration.days(180) } }],
  ['a database tier added', { network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] } }],
  ['alarm e-mails added', { monitoring: { alarmEmails: ['ops@numinia.io'] } }],
  ['alarm thresholds and the CIS variant', { monitoring: { cisVariant: CisVariant.CIS_V3, unauthorizedApiCallsThreshold: 5, natPacketDropPercentThreshold: 0.1 } }],
  ['operational alarms and the dashboard off', { monitoring: { operationalAlarms: false, dashboard: false } }],
];

/** Stateful resources that the change would replace, destroy or may replace, as `cdk diff` reports them. */
function statefulImpacts(before: object, after: object): string[] {
  const impacts: string[] = [];
  fullDiff(before, after).resources.forEachDifference((logicalId, change) => {
    const type = change.oldResourceType ?? change.newResourceType ?? '';
    const impact = change.changeImpact;
    if (STATEFUL.has(type) && [ResourceImpact.WILL_REPLACE, ResourceImpact.MAY_REPLACE, ResourceImpact.WILL_DESTROY].includes(impact)) {
      impacts.push(`${impact} ${type} ${logicalId}`);
    }
  });
  return impacts;
}

/** Every replacement, removal and orphaning `cdk diff` would report, counted by impact and type. */
function allImpacts(before: object, after: object): Record<string, number> {
  const counts: Record<string, number> = {};
  fullDiff(before, after).resources.forEachDifference((_logicalId, change) => {
    const impact = change.changeImpact;
    if ([ResourceImpact.WILL_REPLACE, ResourceImpact.MAY_REPLACE, ResourceImpact.WILL_DESTROY, ResourceImpact.WILL_ORPHAN].includes(impact)) {
      const key = `${impact} ${change.oldResourceType ?? change.newResourceType}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  });
  return counts;
}

const keyArn = (n: number) => `arn:aws:kms:eu-west-1:111111111111:key/${n}1111111-2222-3333-4444-555555555555`;
const broughtInKey = (n: number) => kms.Key.fromKeyArn(new Stack(), `Key${n}`, keyArn(n));

/**
 * The changes the README lists as replacing resources, with what they replace: if aws-cdk-lib or the baseline changes
 * what they do, this fails and the README's list is corrected.
 */
const DOCUMENTED_REPLACEMENTS: Array<[string, Partial<NuminiaBaselineProps>, Record<string, number>]> = [
  ['the zone order (a, c, b)', { network: { availabilityZones: ['eu-west-1a', 'eu-west-1c', 'eu-west-1b'] } }, {
    'WILL_REPLACE AWS::EC2::Subnet': 4,
    'WILL_REPLACE AWS::EC2::SubnetRouteTableAssociation': 4,
    'WILL_REPLACE AWS::EC2::NatGateway': 2,
    'WILL_REPLACE AWS::EFS::MountTarget': 2,
    'WILL_REPLACE AWS::EC2::SubnetNetworkAclAssociation': 4,
  }],
  ['the project', { project: 'acme' }, {
    'WILL_REPLACE AWS::KMS::Alias': 4,
    'WILL_REPLACE AWS::Logs::LogGroup': 5,
    'WILL_REPLACE AWS::EC2::FlowLog': 1,
    'WILL_REPLACE AWS::CloudTrail::Trail': 1,
    'WILL_REPLACE AWS::SSM::Parameter': 18,
    'WILL_REPLACE AWS::SNS::Topic': 1,
    'WILL_REPLACE AWS::CloudWatch::Alarm': 27,
    'WILL_REPLACE AWS::Logs::MetricFilter': 16,
    'WILL_REPLACE AWS::Events::Rule': 1,
    'WILL_REPLACE AWS::CloudWatch::Dashboard': 1,
  }],
  ['the parameter prefix', { sharing: { parameterPrefix: '/platform/production/' } }, { 'WILL_REPLACE AWS::SSM::Parameter': 18 }],
  ['an EFS key brought in later', { encryption: { fileSystemKey: broughtInKey(1) } }, {
    'WILL_ORPHAN AWS::KMS::Key': 1, 'WILL_DESTROY AWS::KMS::Alias': 1, 'WILL_REPLACE AWS::EFS::FileSystem': 1, 'WILL_REPLACE AWS::EFS::MountTarget': 3,
  }],
  ['a logs key brought in later', { encryption: { logsKey: broughtInKey(2) } }, { 'WILL_ORPHAN AWS::KMS::Key': 1, 'WILL_DESTROY AWS::KMS::Alias': 1 }],
];

describe('data safety', () => {
  const baseline = synthTemplate().toJSON();

  test.each(NON_STATEFUL_CHANGES)('changing %s replaces no stateful resource', (_name, props) => {
    expect(statefulImpacts(baseline, synthTemplate(props).toJSON())).toEqual([]);
  });

  describe('switching NAT strategy', () => {
    const strategies = Object.values(NatGateways);
    const templates = new Map(strategies.map((strategy) => [strategy, synthTemplate({ network: { natGateways: strategy } }).toJSON()]));
    const pairs = strategies.flatMap((from) => strategies.filter((to) => to !== from).map((to) => [from, to]));

    test('covers every ordered pair of the four strategies', () => {
      expect(pairs).toHaveLength(12);
    });

    test.each(pairs)('from %s to %s replaces no stateful resource', (from, to) => {
      expect(statefulImpacts(templates.get(from)!, templates.get(to)!)).toEqual([]);
    });
  });

  test.each(DOCUMENTED_REPLACEMENTS)('changing %s replaces exactly what the README says', (_name, props, expected) => {
    expect(allImpacts(baseline, synthTemplate(props).toJSON())).toEqual(expected);
  });

  test('the check can fail: a new VPC CIDR replaces the VPC and its subnets', () => {
    const impacts = statefulImpacts(baseline, synthTemplate({ network: { cidr: '10.1.0.0/16', publicSubnetCidrs: ['10.1.101.0/24', '10.1.102.0/24', '10.1.103.0/24'], privateSubnetCidrs: ['10.1.1.0/24', '10.1.2.0/24', '10.1.3.0/24'] } }).toJSON());
    expect(impacts).toEqual(expect.arrayContaining([expect.stringMatching(/^WILL_REPLACE AWS::EC2::VPC /)]));
  });
});
