import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { alarmTopicKeyAlias, alarmTopicName } from './monitoring-defaults';

export interface AlarmTopicProps {
  readonly project: string;
  readonly environment: string;
  readonly rotationPeriod: Duration;
  readonly emails: string[];
}

/**
 * The alarm topic (construct ID `id`) and its key (`<id>Key`), side by side in `scope`.
 *
 * The key is customer-managed, rotating, retained and aliased `alias/<project>/<environment>/alarms`, like the
 * baseline's other keys: SNS's AWS-managed key (`alias/aws/sns`) cannot serve, its policy does not let CloudWatch use
 * it and cannot be changed (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns). Only CloudWatch alarms
 * of this account and region may publish to the topic, and CloudWatch may use the key; the account's own principals reach both
 * through their IAM policies (the key policy's account statement; same-account access to the topic); publishing
 * without TLS is refused to everyone.
 */
export function createAlarmTopic(scope: Construct, id: string, props: AlarmTopicProps): { key: kms.Key; topic: sns.Topic } {
  // Where CloudWatch says an alarm notification comes from: an alarm of this account and region
  // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html).
  const fromAlarmsOfThisAccount = {
    StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
    ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*` },
  };
  const cloudWatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');

  const key = new kms.Key(scope, `${id}Key`, {
    description: `${props.project} ${props.environment}: alarm topic (SNS) encryption`,
    alias: alarmTopicKeyAlias(props.project, props.environment),
    enableKeyRotation: true,
    rotationPeriod: props.rotationPeriod,
    // Messages waiting for delivery are encrypted with it, and a deleted key cannot come back: it outlives the stack.
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // What CloudWatch needs to publish to an encrypted topic
  // (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services), without a
  // condition: AWS's CloudWatch statement has none (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns),
  // and no AWS document says which keys CloudWatch's KMS request carries, so a condition could silence every alarm.
  // The topic policy below limits publishing to this account's alarms. In a key policy, resource "*" means "this key".
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchAlarmsToUseTheKey',
    principals: [cloudWatch],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
  }));

  const topic = new sns.Topic(scope, id, {
    topicName: alarmTopicName(props.project, props.environment),
    displayName: `${props.project} ${props.environment} alarms`,
    masterKey: key,
    // A Deny of sns:Publish without aws:SecureTransport, for every principal.
    enforceSSL: true,
  });
  // https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger: the service principal, narrowed to
  // alarms of this account and region by aws:SourceArn and aws:SourceAccount.
  topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchAlarmsOfThisAccountToPublish',
    principals: [cloudWatch],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: fromAlarmsOfThisAccount,
  }));
  for (const email of props.emails) {
    topic.addSubscription(new subscriptions.EmailSubscription(email));
  }
  return { key, topic };
}
