import { Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { synthTemplate } from '../util';

type Json = any;

describe('the bastion\'s operations in monitoring', () => {
  test('a bastion reporting missing patches notifies the alarm topic: the rule matches Patch Manager\'s compliance change to non-compliant', () => {
    const template = synthTemplate();
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    const rule = rules[0].Properties;
    const instance = Object.keys(template.findResources('AWS::EC2::Instance'))[0];
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    // The event Systems Manager sends (Systems Manager User Guide, "Configuration Compliance State Change", Patch
    // Non-Compliant example): source aws.ssm; detail compliance-type Patch, compliance-status non_compliant, resource-id.
    expect(rule.EventPattern).toEqual({
      'source': ['aws.ssm'],
      'detail-type': ['Configuration Compliance State Change'],
      'detail': { 'compliance-type': ['Patch'], 'compliance-status': ['non_compliant'], 'resource-id': [{ Ref: instance }] },
    });
    expect(rule.Name).toBe('numinia-production-bastion-missing-patches');
    expect(rule.Targets).toHaveLength(1);
    expect(rule.Targets[0].Arn).toEqual({ Ref: topic });
    expect(rule.Targets[0].InputTransformer.InputPathsMap).toEqual({
      'detail-resource-id': '$.detail.resource-id', 'detail-severity': '$.detail.severity', 'detail-patch-baseline-id': '$.detail.patch-baseline-id',
    });
  });

  test('tunnels opened are counted from the trail: StartSession of the port-forwarding and SSH documents', () => {
    const template = synthTemplate();
    const tunnels = Object.values(template.findResources('AWS::Logs::MetricFilter')).map((f) => f.Properties as Json)
      .filter((p) => p.MetricTransformations[0].MetricNamespace === 'BastionOperations');
    const trailGroup = Object.keys(template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/numinia/production/cloudtrail' } }))[0];
    // The documents Session Manager cannot content-log (its "Logging session data" page: port forwarding and SSH).
    expect(tunnels).toEqual([{
      FilterName: 'BastionTunnelSessions',
      LogGroupName: { Ref: trailGroup },
      FilterPattern: '{ ($.eventSource = "ssm.amazonaws.com") && ($.eventName = "StartSession") && (($.requestParameters.documentName = '
        + '"AWS-StartPortForwardingSession") || ($.requestParameters.documentName = "AWS-StartPortForwardingSessionToRemoteHost") || '
        + '($.requestParameters.documentName = "AWS-StartSSHSession")) }',
      MetricTransformations: [{ MetricName: 'BastionTunnelSessions', MetricNamespace: 'BastionOperations', MetricValue: '1' }],
    }]);
  });

  test('a topic brought in gets no policy from the baseline: the rule targets it, the owner lets EventBridge publish', () => {
    const arn = 'arn:aws:sns:eu-west-1:111111111111:ops-alarms';
    const template = synthTemplate({ monitoring: { alarmTopic: sns.Topic.fromTopicArn(new Stack(), 'Ops', arn) } });
    template.resourceCountIs('AWS::SNS::TopicPolicy', 0);
    expect(Object.values(template.findResources('AWS::Events::Rule')).map((r) => r.Properties.Targets[0].Arn)).toEqual([arn]);
  });
});
