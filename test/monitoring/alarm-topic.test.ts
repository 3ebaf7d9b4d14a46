import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { baselineStack, synthTemplate } from '../util';

type Json = any;

const alarmArns = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alarm:*']] };
const fromAlarmsOfThisAccount = { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': alarmArns } };

function topicKey(template: Template): [string, Json] {
  const aliases = Object.values(template.findResources('AWS::KMS::Alias', { Properties: { AliasName: 'alias/numinia/production/alarms' } }));
  expect(aliases).toHaveLength(1);
  const id = aliases[0].Properties.TargetKeyId['Fn::GetAtt'][0];
  return [id, template.toJSON().Resources[id]];
}

describe('the alarm topic', () => {
  test('one topic, <project>-<environment>-alarms, encrypted with a key of its own', () => {
    const template = synthTemplate();
    template.resourceCountIs('AWS::SNS::Topic', 1);
    const [keyId] = topicKey(template);
    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'numinia-production-alarms',
      DisplayName: 'numinia production alarms',
      KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
  });

  test('its key is customer-managed, rotating every 365 days (the baseline\'s period), retained, aliased alias/<project>/<environment>/alarms', () => {
    const [, key] = topicKey(synthTemplate());
    expect([key.Properties.EnableKeyRotation, key.Properties.RotationPeriodInDays, key.DeletionPolicy, key.UpdateReplacePolicy]).toEqual([true, 365, 'Retain', 'Retain']);
  });

  test('its key policy: the account (which delegates to IAM), CloudWatch and EventBridge as AWS\'s statements have them (no condition); nobody else', () => {
    const [, key] = topicKey(synthTemplate());
    // AWS's statement for CloudWatch (re:Post, cloudwatch-configure-alarm-sns) has no condition, and no AWS document
    // names a key CloudWatch sends to KMS: a condition here could silence every alarm. The topic policy below is where
    // other accounts' alarms are refused.
    expect(key.Properties.KeyPolicy.Statement).toEqual([
      { Action: 'kms:*', Effect: 'Allow', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } }, Resource: '*' },
      {
        Sid: 'AllowCloudWatchAlarmsToUseTheKey',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
      },
      // The bastion's patch compliance rule: "Adding the aws:SourceAccount, aws:SourceArn, and aws:SourceOrgID to a AWS KMS
      // policy is not supported for EventBridge-to-encrypted topics" (SNS Developer Guide, sns-key-management.html).
      {
        Sid: 'AllowEventBridgeToUseTheKey',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
      },
    ]);
  });

  test('its policy: CloudWatch alarms of this account and EventBridge rules may publish, nobody may publish without TLS', () => {
    const template = synthTemplate();
    const topic = { Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] };
    template.resourceCountIs('AWS::SNS::TopicPolicy', 1);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topic],
      PolicyDocument: {
        Statement: [
          { Sid: 'AllowPublishThroughSSLOnly', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: topic, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          { Sid: 'AllowCloudWatchAlarmsOfThisAccountToPublish', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: topic, Condition: fromAlarmsOfThisAccount },
          // "You can't use Condition blocks in Amazon SNS topic policies for EventBridge" (EventBridge User Guide, eb-use-resource-based).
          { Sid: 'AllowEventBridgeRulesToPublish', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: topic },
        ],
      },
    });
  });

  test('alarmEmails subscribe each address by e-mail', () => {
    const template = synthTemplate({ monitoring: { alarmEmails: ['ops@numinia.io', 'security@numinia.io'] } });
    const topic = { Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] };
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).map((s) => s.Properties);
    expect(subscriptions).toEqual([
      { Protocol: 'email', Endpoint: 'ops@numinia.io', TopicArn: topic },
      { Protocol: 'email', Endpoint: 'security@numinia.io', TopicArn: topic },
    ]);
  });

  test('a subscription\'s logical ID comes from its address: removing one address leaves the others (and their confirmations) alone', () => {
    const ids = (emails: string[]) => Object.keys(synthTemplate({ monitoring: { alarmEmails: emails } }).findResources('AWS::SNS::Subscription'));
    const both = ids(['ops@numinia.io', 'security@numinia.io']);
    expect(ids(['security@numinia.io'])).toEqual([both[1]]);
  });

  test('without a subscriber the synth warns that the alarms reach nobody; with one it does not', () => {
    const warned = baselineStack();
    Annotations.fromStack(warned.stack).hasWarning('/TestStack/Baseline/Monitoring', Match.stringLikeRegexp('has no subscriber.*monitoring\\.alarmEmails'));
    const subscribed = baselineStack({ monitoring: { alarmEmails: ['ops@numinia.io'] } });
    Annotations.fromStack(subscribed.stack).hasNoWarning('*', Match.stringLikeRegexp('has no subscriber'));
  });

  test('a topic brought in replaces the topic and its key: every alarm notifies it, nothing else is made for it', () => {
    const central = sns.Topic.fromTopicArn(new Stack(), 'Central', 'arn:aws:sns:eu-west-1:222222222222:central-alerts');
    const withTopic = baselineStack({ monitoring: { alarmTopic: central } });
    const template = Template.fromStack(withTopic.stack);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::SNS::TopicPolicy', 0);
    // The baseline's three keys, not a fourth.
    template.resourceCountIs('AWS::KMS::Key', 3);
    expect(template.findResources('AWS::KMS::Alias', { Properties: { AliasName: 'alias/numinia/production/alarms' } })).toEqual({});
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a) => a.Properties.AlarmName);
    expect(alarms).toHaveLength(27);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:eu-west-1:222222222222:central-alerts']);
    }
    expect(withTopic.baseline.alarmTopic).toBe(central);
    expect(withTopic.baseline.keys.alarms).toBeUndefined();
    Annotations.fromStack(withTopic.stack).hasNoWarning('*', Match.stringLikeRegexp('has no subscriber'));
  });
});
