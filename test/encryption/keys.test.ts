import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { FlowLogDestinations } from '../../src';
import { baselineStack, synthTemplate } from '../util';

/** The keys of the encryption area (the monitoring area makes the alarm topic's own, tested in test/monitoring). */
const encryptionKeys = (template: Template) => Object.keys(template.findResources('AWS::KMS::Key')).filter((id) => id.startsWith('BaselineEncryption'));

describe('encryption', () => {
  test('three customer-managed keys rotate every 365 days', () => {
    const template = synthTemplate();
    expect(encryptionKeys(template)).toHaveLength(3);
    const keys = Object.values(template.findResources('AWS::KMS::Key'));
    for (const key of keys) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.Properties.RotationPeriodInDays).toBe(365);
    }
  });

  test('keys are retained on delete and on replacement', () => {
    const keys = Object.values(synthTemplate().findResources('AWS::KMS::Key'));
    for (const key of keys) {
      expect(key.DeletionPolicy).toBe('Retain');
      expect(key.UpdateReplacePolicy).toBe('Retain');
    }
  });

  test.each(['eks-secrets', 'efs', 'logs'])('the %s key has the alias alias/<project>/<environment>/<purpose>', (purpose) => {
    synthTemplate({ project: 'acme', environment: 'staging' }).hasResourceProperties('AWS::KMS::Alias', {
      AliasName: `alias/acme/staging/${purpose}`,
    });
  });

  test.each([
    ['eks-secrets', 'EKS secrets envelope encryption'],
    ['efs', 'EFS file system encryption at rest'],
    ['logs', 'VPC flow logs and CloudTrail encryption'],
  ])('the %s key says whose it is and what it is for', (purpose, use) => {
    const template = synthTemplate({ project: 'acme', environment: 'staging' });
    const [alias] = Object.values(template.findResources('AWS::KMS::Alias', { Properties: { AliasName: `alias/acme/staging/${purpose}` } }));
    const key = template.toJSON().Resources[alias.Properties.TargetKeyId['Fn::GetAtt'][0]];
    expect(key.Properties.Description).toBe(`acme staging: ${use}`);
  });

  test('a logs key no log group uses grants CloudWatch Logs nothing (flow logs to S3, no trail)', () => {
    // The bastion's log groups (patching, sessions) use the logs key too: without the bastion, no group does.
    const template = synthTemplate({
      logging: { flowLogDestinations: FlowLogDestinations.S3, cloudTrail: { enabled: false } },
      bastion: { enabled: false },
    });
    const [logsKey] = Object.entries(template.findResources('AWS::KMS::Key')).filter(([id]) => id.startsWith('BaselineEncryptionLogsKey')).map(([, key]) => key);
    expect(logsKey.Properties.KeyPolicy.Statement.map((s: any) => s.Sid ?? s.Principal)).toEqual([
      { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } },
      'AllowFlowLogDeliveryToS3',
    ]);
  });

  test('the rotation period can be changed', () => {
    const template = synthTemplate({ encryption: { rotationPeriod: Duration.days(90) } });
    for (const key of Object.values(template.findResources('AWS::KMS::Key'))) {
      expect(key.Properties.RotationPeriodInDays).toBe(90);
    }
  });

  const arnIn = (service: string, resource: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:${resource}`]],
  });

  test('the logs key lets CloudWatch Logs use it for the baseline\'s own log groups only', () => {
    synthTemplate().hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudWatchLogsOfTheBaselineLogGroups',
            Effect: 'Allow',
            Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
            // AWS's statement's kms:Describe* is left out: DescribeKey carries no encryption context, so it never applied.
            Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
            Resource: '*',
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': [
                  arnIn('logs', 'log-group:/numinia/production/vpc-flow-logs'),
                  arnIn('logs', 'log-group:/numinia/production/cloudtrail'),
                  arnIn('logs', 'log-group:/numinia/production/bastion-patching'),
                  arnIn('logs', 'log-group:/numinia/production/bastion-sessions'),
                  arnIn('logs', 'log-group:/numinia/production/session-preferences'),
                ],
              },
            },
          },
        ]),
      },
    });
  });

  test('with logsKeyForAllLogGroups, any log group of this account and region may use the logs key', () => {
    synthTemplate({ encryption: { logsKeyForAllLogGroups: true } }).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogsOfThisAccount',
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': arnIn('logs', 'log-group:*') } },
          }),
        ]),
      },
    });
  });

  test('the logs key lets the baseline\'s trail, and no other, encrypt (aws:SourceArn with aws:SourceAccount)', () => {
    const fromTheTrail = { 'aws:SourceArn': arnIn('cloudtrail', 'trail/numinia-production-audit'), 'aws:SourceAccount': { Ref: 'AWS::AccountId' } };
    synthTemplate().hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudTrailToEncryptLogsOfThisAccount',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:GenerateDataKey*',
            Resource: '*',
            Condition: {
              StringEquals: fromTheTrail,
              StringLike: {
                'kms:EncryptionContext:aws:cloudtrail:arn': {
                  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:*:', { Ref: 'AWS::AccountId' }, ':trail/*']],
                },
              },
            },
          },
          {
            Sid: 'AllowCloudTrailToDescribeKey',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:DescribeKey',
            Resource: '*',
            Condition: { StringEquals: fromTheTrail },
          },
        ]),
      },
    });
  });

  test('a key grants a service without a condition only where AWS documents none for its request: CloudWatch and EventBridge on the alarm topic\'s key', () => {
    const unconditioned = Object.entries(synthTemplate().findResources('AWS::KMS::Key')).flatMap(([id, key]) => key.Properties.KeyPolicy.Statement
      .filter((statement: any) => statement.Principal.Service && statement.Condition === undefined)
      .map((statement: any) => `${id.replace(/[0-9A-F]{8}$/, '')}: ${statement.Principal.Service} ${[statement.Action].flat().join(', ')}`));
    // test/contracts/service-request-catalogue.ts, alarmTopicEncryption: AWS's statement for CloudWatch has no condition.
    // eventBridgeTopicEncryption: AWS says aws:SourceArn and aws:SourceAccount are not supported for EventBridge there.
    expect(unconditioned).toEqual([
      'BaselineMonitoringAlarmTopicKey: cloudwatch.amazonaws.com kms:Decrypt, kms:GenerateDataKey*',
      'BaselineMonitoringAlarmTopicKey: events.amazonaws.com kms:Decrypt, kms:GenerateDataKey*',
    ]);
  });

  test('without CloudTrail the logs key grants CloudTrail nothing', () => {
    const template = synthTemplate({ logging: { cloudTrail: { enabled: false } } });
    expect(JSON.stringify(template.findResources('AWS::KMS::Key'))).not.toContain('cloudtrail.amazonaws.com');
  });

  test('brought-in keys are used and no key is created for them', () => {
    const keyStack = new Stack(undefined, 'Keys', { env: { region: 'eu-west-1' } });
    const arn = (n: number) => `arn:aws:kms:eu-west-1:111111111111:key/${n}1111111-2222-3333-4444-555555555555`;
    const external = (n: number) => kms.Key.fromKeyArn(keyStack, `Key${n}`, arn(n));
    const { stack, baseline } = baselineStack({
      encryption: { eksSecretsKey: external(1), fileSystemKey: external(2), logsKey: external(3) },
    });
    const template = Template.fromStack(stack);
    expect(encryptionKeys(template)).toEqual([]);
    template.hasResourceProperties('AWS::EFS::FileSystem', { KmsKeyId: arn(2) });
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: arn(3) });
    expect(baseline.keys.eksSecrets.keyArn).toBe(arn(1));
  });

  test('the file-system key is not created when the file system is disabled', () => {
    const template = synthTemplate({ fileSystem: { enabled: false } });
    expect(encryptionKeys(template)).toHaveLength(2);
    template.resourcePropertiesCountIs('AWS::KMS::Alias', { AliasName: 'alias/numinia/production/efs' }, 0);
  });
});
