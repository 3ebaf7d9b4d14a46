import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CisVariant } from '../../src';
import { baselineStack, synthTemplate } from '../util';

/**
 * The patterns as published, written here from the sources (never from the library's output):
 * - Security Hub user guide, "Amazon CloudWatch controls" (awsdocs/aws-security-hub-user-guide,
 *   doc_source/cloudwatch-controls.md; docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html),
 *   each control's remediation step "Copy the following pattern and then paste it into the Filter Pattern field";
 * - CIS AWS Foundations Benchmark 4.15 and the v3.0.0+ texts of 4.1 and 4.2, audit step 3 ("Ensure the output from the
 *   above command contains the following"), as restated in mitre/aws-foundations-cis-baseline
 *   controls/aws-foundations-cis-4.15.rb, -4.1.rb and -4.2.rb.
 */
const SECURITY_HUB_PATTERNS: Record<string, string> = {
  'CloudWatch.1': '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
  'CloudWatch.2': '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
  'CloudWatch.3': '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  'CloudWatch.4': '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}',
  'CloudWatch.5': '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}',
  'CloudWatch.6': '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
  'CloudWatch.7': '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}',
  'CloudWatch.8': '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}',
  'CloudWatch.9': '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}',
  'CloudWatch.10': '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}',
  'CloudWatch.11': '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}',
  'CloudWatch.12': '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}',
  'CloudWatch.13': '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}',
  'CloudWatch.14': '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}',
};
const CIS_4_15 = '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }';
const CIS_V3_4_1 = '{ ($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }';
const CIS_V3_4_2 = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }';

/** The CIS filters: in the LogMetrics namespace (the bastion's tunnel count has its own). */
const cisFilters = (template: Template) => template.findResources('AWS::Logs::MetricFilter', {
  Properties: { MetricTransformations: Match.arrayWith([Match.objectLike({ MetricNamespace: 'LogMetrics' })]) },
});
const filterPatterns = (template: Template) =>
  Object.values(cisFilters(template)).map((f) => f.Properties.FilterPattern as string).sort();

describe('CIS metric filters and alarms', () => {
  test('the default baseline has the fifteen filters, with exactly the patterns Security Hub and CIS publish', () => {
    expect(filterPatterns(synthTemplate())).toEqual([...Object.values(SECURITY_HUB_PATTERNS), CIS_4_15].sort());
  });

  test('CisVariant.CIS_V3 swaps in the v3+ texts of 4.1 and 4.2 and keeps the other thirteen', () => {
    const expected = { ...SECURITY_HUB_PATTERNS, 'CloudWatch.2': CIS_V3_4_1, 'CloudWatch.3': CIS_V3_4_2 };
    expect(filterPatterns(synthTemplate({ monitoring: { cisVariant: CisVariant.CIS_V3 } }))).toEqual([...Object.values(expected), CIS_4_15].sort());
  });

  test('every filter reads the trail\'s log group and counts 1 per match in the LogMetrics namespace', () => {
    const template = synthTemplate();
    const trailGroup = Object.keys(template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/numinia/production/cloudtrail' } }));
    expect(trailGroup).toHaveLength(1);
    for (const filter of Object.values(cisFilters(template))) {
      expect(filter.Properties).toMatchObject({
        LogGroupName: { Ref: trailGroup[0] },
        MetricTransformations: [{ MetricNamespace: 'LogMetrics', MetricValue: '1', MetricName: expect.any(String) }],
      });
    }
  });

  test('one alarm per filter, on its metric: Sum over 300 s, 1 of 1, >= 1, missing data not breaching, notifying the topic', () => {
    const template = synthTemplate();
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    const filters = Object.values(cisFilters(template)).map((f) => f.Properties.MetricTransformations[0]);
    const cisAlarms = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'LogMetrics' } }));
    expect(cisAlarms.map((a) => a.Properties.MetricName).sort()).toEqual(filters.map((f) => f.MetricName).sort());
    for (const alarm of cisAlarms) {
      expect(alarm.Properties).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        ActionsEnabled: true,
        AlarmActions: [{ Ref: topic }],
      });
      expect(alarm.Properties.AlarmName).toMatch(/^numinia-production-cis-[a-z0-9-]+$/);
    }
  });

  test('unauthorizedApiCallsThreshold tunes only the unauthorized-calls alarm', () => {
    const template = synthTemplate({ monitoring: { unauthorizedApiCallsThreshold: 5 } });
    const thresholds = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'LogMetrics' } }))
      .map((a) => [a.Properties.AlarmName, a.Properties.Threshold]);
    expect(thresholds.filter(([, t]) => t !== 1)).toEqual([['numinia-production-cis-unauthorized-api-calls', 5]]);
  });

  test('each alarm names the Security Hub control and CIS recommendations it answers', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'numinia-production-cis-root-user-usage',
      AlarmDescription: Match.stringLikeRegexp('Security Hub CloudWatch\\.1;.*CIS v1\\.2\\.0 1\\.1 and 3\\.3, v1\\.4\\.0 1\\.7 and 4\\.3'),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'numinia-production-cis-organizations-changes',
      AlarmDescription: Match.stringLikeRegexp('CIS v1\\.4\\.0 4\\.15.*no Security Hub control'),
    });
  });

  test.each([
    ['the trail is off', { logging: { cloudTrail: { enabled: false } } }],
    ['the trail does not deliver to CloudWatch Logs', { logging: { cloudTrail: { sendToCloudWatchLogs: false } } }],
  ])('when %s there are no filters, and the synth says so with a warning', (_name, props) => {
    const { stack } = baselineStack(props);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Logs::MetricFilter', 0);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 1 + 12 - 1); // the recovery alarm, the operational ones but the trail's delivery
    Annotations.fromStack(stack).hasWarning('/TestStack/Baseline/Monitoring',
      Match.stringLikeRegexp('CIS AWS Foundations metric filters and alarms .* are not created.*logging\\.cloudTrail'));
  });

  test('cisAlarms: false turns them off without a warning', () => {
    const { stack } = baselineStack({ logging: { cloudTrail: { enabled: false } }, monitoring: { cisAlarms: false } });
    Template.fromStack(stack).resourceCountIs('AWS::Logs::MetricFilter', 0);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('CIS AWS Foundations'));
  });

  test('fails when cisAlarms is true and the trail does not deliver to CloudWatch Logs', () => {
    expect(() => baselineStack({ logging: { cloudTrail: { sendToCloudWatchLogs: false } }, monitoring: { cisAlarms: true } }))
      .toThrow(/monitoring\.cisAlarms: true, but the trail does not deliver to CloudWatch Logs/);
  });

  test('each control\'s metric, filter and construct names are API (alarms and dashboards elsewhere read the metrics): never renamed', () => {
    // The control each pattern answers, as the sources above number them, and the name its metric was published under.
    const METRIC_OF_CONTROL: Record<string, string> = {
      'CloudWatch.1': 'RootUserUsage',
      'CloudWatch.2': 'UnauthorizedApiCalls',
      'CloudWatch.3': 'ConsoleSignInWithoutMfa',
      'CloudWatch.4': 'IamPolicyChanges',
      'CloudWatch.5': 'CloudTrailConfigurationChanges',
      'CloudWatch.6': 'ConsoleAuthenticationFailures',
      'CloudWatch.7': 'DisableOrDeleteCmk',
      'CloudWatch.8': 'S3BucketPolicyChanges',
      'CloudWatch.9': 'AwsConfigChanges',
      'CloudWatch.10': 'SecurityGroupChanges',
      'CloudWatch.11': 'NetworkAclChanges',
      'CloudWatch.12': 'NetworkGatewayChanges',
      'CloudWatch.13': 'RouteTableChanges',
      'CloudWatch.14': 'VpcChanges',
      'CIS 4.15': 'OrganizationsChanges',
    };
    const controlOf = Object.fromEntries([...Object.entries(SECURITY_HUB_PATTERNS).map(([control, pattern]) => [pattern, control]), [CIS_4_15, 'CIS 4.15']]);
    const template = synthTemplate();
    const filters = Object.entries(cisFilters(template)).map(([id, f]) => {
      const metric = METRIC_OF_CONTROL[controlOf[f.Properties.FilterPattern]];
      return [id.replace(/[0-9A-F]{8}$/, ''), f.Properties.FilterName, f.Properties.MetricTransformations[0].MetricName, metric];
    });
    expect(filters.map(([id, name, metricName]) => [id, name, metricName]))
      .toEqual(filters.map(([, , , metric]) => [`BaselineMonitoringCis${metric}Filter`, `CIS-${metric}`, metric]));
    expect(filters.map(([, , , metric]) => metric).sort()).toEqual(Object.values(METRIC_OF_CONTROL).sort());
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'LogMetrics' } }));
    expect(alarms.map(([id, a]) => id.replace(/[0-9A-F]{8}$/, '') === `BaselineMonitoringCis${a.Properties.MetricName}Alarm`)).toEqual(alarms.map(() => true));
  });

  test('each alarm says what happened, at what threshold, and links the Security Hub control of its pattern (CIS 4.15: the benchmark)', () => {
    const template = synthTemplate({ monitoring: { unauthorizedApiCallsThreshold: 7 } });
    const patternOf = Object.fromEntries(Object.values(cisFilters(template))
      .map((f) => [f.Properties.MetricTransformations[0].MetricName, f.Properties.FilterPattern]));
    const wrong = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'LogMetrics' } })).filter((alarm) => {
      const { MetricName, AlarmDescription, Threshold } = alarm.Properties;
      const control = Object.entries(SECURITY_HUB_PATTERNS).find(([, pattern]) => pattern === patternOf[MetricName])?.[0];
      const source = control === undefined
        ? 'CIS v1\\.4\\.0 4\\.15, v3\\.0\\.0 4\\.15'
        : `Security Hub ${control.replace('.', '\\.')};.*\\(https://docs\\.aws\\.amazon\\.com/securityhub/latest/userguide/cloudwatch-controls\\.html#cloudwatch-${control.split('.')[1]}\\)`;
      return !new RegExp(`^[A-Z].*? \\(at least ${Threshold} in 5 minutes\\)\\. ${source}`).test(AlarmDescription);
    }).map((alarm) => alarm.Properties.AlarmDescription);
    expect(wrong).toEqual([]);
  });

  test('CIS alarms notify on ALARM only: each match is an event, its end is not news', () => {
    const cisAlarms = Object.values(synthTemplate().findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'LogMetrics' } }));
    expect(cisAlarms).toHaveLength(15);
    expect(cisAlarms.filter((a) => a.Properties.OKActions !== undefined)).toEqual([]);
  });
});

