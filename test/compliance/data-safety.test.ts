import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CisVariant, NatGateways, NuminiaBaselineProps } from '../../src';
import { STATEFUL_TYPES, synthTemplate } from '../util';

const STATEFUL = new Set(STATEFUL_TYPES);

/** Options that hold no data: changing any of them must leave every stateful resource in place. */
const NON_STATEFUL_CHANGES: Array<[string, Partial<NuminiaBaselineProps>]> = [
  ['bastion instance type', { bastion: { instanceType: new ec2.InstanceType('t3.small') } }],
  ['NAT strategy SINGLE', { network: { natGateways: NatGateways.SINGLE } }],
  ['NAT strategy NONE', { network: { natGateways: NatGateways.NONE } }],
  ['more interface endpoints', { network: { additionalInterfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] } }],
  ['flow-log retention', { logging: { flowLogRetention: logs.RetentionDays.THREE_MONTHS } }],
  ['trail lifecycle', { logging: { cloudTrail: { transitionToGlacierAfter: Duration.days(30), expireAfter: Duration.days(2555) } } }],
  ['user tags', { tags: { CostCentre: 'cc-42' } }],
  ['bastion off', { bastion: { enabled: false } }],
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

describe('data safety', () => {
  const baseline = synthTemplate().toJSON();

  test.each(NON_STATEFUL_CHANGES)('changing %s replaces no stateful resource', (_name, props) => {
    expect(statefulImpacts(baseline, synthTemplate(props).toJSON())).toEqual([]);
  });

  test('the check can fail: a new VPC CIDR replaces the VPC and its subnets', () => {
    const impacts = statefulImpacts(baseline, synthTemplate({ network: { cidr: '10.1.0.0/16', publicSubnetCidrs: ['10.1.101.0/24', '10.1.102.0/24', '10.1.103.0/24'], privateSubnetCidrs: ['10.1.1.0/24', '10.1.2.0/24', '10.1.3.0/24'] } }).toJSON());
    expect(impacts).toEqual(expect.arrayContaining([expect.stringMatching(/^WILL_REPLACE AWS::EC2::VPC /)]));
  });
});
