import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { NuminiaBaseline } from '../../src';
import { SESSION_PREFERENCES_HANDLER } from '../../src/access/session-preferences-function';
import { pythonTool } from '../compliance/templates';
import { synthTemplate } from '../util';

type Json = any;
/** The preferences document's content, a reference (the key's ID) shown as <Ref id>. */
const preferencesOf = (template: Template): Json => {
  const found = Object.values(template.findResources('Custom::SessionManagerPreferences'));
  expect(found).toHaveLength(1);
  const content = found[0].Properties.Content;
  const text = typeof content === 'string' ? content
    : content['Fn::Join'][1].map((part: Json) => (typeof part === 'string' ? part : `<Ref ${part.Ref}>`)).join('');
  return JSON.parse(text);
};

describe('the bastion\'s session logging (Session Manager)', () => {
  test('the preferences: shell output streamed to the session log group, which must be encrypted; 20 minutes idle, 4 hours at most', () => {
    // Session Manager's preferences schema (Session document schema 1.0, sessionType Standard_Stream): idle 1-60 and
    // maximum 1-1440 minutes, as strings.
    expect(preferencesOf(synthTemplate())).toEqual({
      schemaVersion: '1.0',
      description: 'Session Manager preferences of numinia production (numinia-baseline)',
      sessionType: 'Standard_Stream',
      inputs: {
        s3BucketName: '',
        s3KeyPrefix: '',
        s3EncryptionEnabled: true,
        cloudWatchLogGroupName: '/numinia/production/bastion-sessions',
        cloudWatchEncryptionEnabled: true,
        cloudWatchStreamingEnabled: true,
        kmsKeyId: '',
        runAsEnabled: false,
        runAsDefaultUser: '',
        idleSessionTimeout: '20',
        maxSessionDuration: '240',
        shellProfile: { windows: '', linux: '' },
      },
    });
  });

  test('the session log group is retained and encrypted with the logs key, which CloudWatch Logs may use for it', () => {
    const template = synthTemplate();
    const logsKey = Object.keys(template.findResources('AWS::KMS::Key')).find((id) => id.startsWith('BaselineEncryptionLogsKey'))!;
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/numinia/production/bastion-sessions', KmsKeyId: { 'Fn::GetAtt': [logsKey, 'Arn'] }, RetentionInDays: 365 },
      DeletionPolicy: 'Retain',
    });
    const statement = template.toJSON().Resources[logsKey].Properties.KeyPolicy.Statement
      .find((s: Json) => s.Sid === 'AllowCloudWatchLogsOfTheBaselineLogGroups');
    const groups = statement.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn'].map((arn: Json) => arn['Fn::Join'][1].at(-1));
    expect(groups).toEqual(expect.arrayContaining([
      ':log-group:/numinia/production/bastion-patching', ':log-group:/numinia/production/bastion-sessions', ':log-group:/numinia/production/session-preferences',
    ]));
  });

  test('timeouts, run-as and session data encryption can be set', () => {
    const template = synthTemplate({ bastion: { sessionLogging: { idleTimeout: Duration.minutes(5), maxSessionDuration: Duration.hours(1), runAsUser: 'ops', encryptSessionData: true } } });
    const logsKey = Object.keys(template.findResources('AWS::KMS::Key')).find((id) => id.startsWith('BaselineEncryptionLogsKey'))!;
    expect(preferencesOf(template).inputs).toMatchObject({
      kmsKeyId: `<Ref ${logsKey}>`, runAsEnabled: true, runAsDefaultUser: 'ops', idleSessionTimeout: '5', maxSessionDuration: '60',
    });
  });

  test('the handler holds the document: creates it, or updates an existing one and makes each new version the default', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preferences-'));
    fs.writeFileSync(path.join(dir, 'index.py'), SESSION_PREFERENCES_HANDLER);
    const run = (start: string) => JSON.parse(execFileSync(pythonTool('python'), [path.join(__dirname, 'fixtures', 'run-preferences-handler.py'), dir, start], { encoding: 'utf8' }));
    const ok = { status: 'SUCCESS', physicalId: 'SSM-SessionManagerRunShell', reason: null };
    expect(run('fresh')).toEqual({
      create: { response: ok, default: '1', latest: '1', idle: '20' },
      update: { response: ok, default: '2', latest: '2', idle: '30' },
      same: { response: ok, default: '2', latest: '2', idle: '30' },
      // Back to earlier preferences: Systems Manager refuses a version with the same content, so the handler finds the
      // version that holds them and makes it the default.
      back: { response: ok, default: '1', latest: '2', idle: '20' },
      // Delete leaves the account's preferences as they are.
      delete: { response: ok, default: '1', latest: '2', idle: '20' },
    });
    // The console made the document first (what CloudFormation's AWS::SSM::Document cannot take over).
    expect(run('existing')).toEqual({
      create: { response: ok, default: '2', latest: '2', idle: '20' },
      update: { response: ok, default: '3', latest: '3', idle: '30' },
      same: { response: ok, default: '3', latest: '3', idle: '30' },
      back: { response: ok, default: '2', latest: '3', idle: '20' },
      delete: { response: ok, default: '2', latest: '3', idle: '20' },
    });
  });

  test('the function may touch only that document and its own log group', () => {
    const template = synthTemplate();
    const role = Object.values(template.findResources('AWS::IAM::Role')).find((r) => /Session Manager preferences/.test(r.Properties.Description))!;
    expect(role.Properties.Policies[0].PolicyDocument.Statement).toEqual([
      {
        Sid: 'HoldSessionPreferences',
        Effect: 'Allow',
        Action: ['ssm:CreateDocument', 'ssm:UpdateDocument', 'ssm:DescribeDocument', 'ssm:GetDocument', 'ssm:UpdateDocumentDefaultVersion'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':document/SSM-SessionManagerRunShell']] },
      },
      {
        Sid: 'WriteItsLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^BaselineBastionSessionLoggingPreferencesLogGroup/), 'Arn'] },
      },
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('the preferences, once per account and region', () => {
  const baselines = (second: object = {}) => {
    const app = new App();
    const env = { account: '111111111111', region: 'eu-west-1' };
    const first = new Stack(app, 'First', { env });
    new NuminiaBaseline(first, 'Baseline', { environment: 'production' });
    const other = new Stack(app, 'Second', { env });
    new NuminiaBaseline(other, 'Baseline', { environment: 'staging', ...second });
    return { first, other };
  };

  test('the first baseline holds them; the second logs its sessions to the holder\'s group, and says so', () => {
    const { first, other } = baselines();
    Template.fromStack(first).resourceCountIs('Custom::SessionManagerPreferences', 1);
    const second = Template.fromStack(other);
    second.resourceCountIs('Custom::SessionManagerPreferences', 0);
    expect(Object.values(second.findResources('AWS::Logs::LogGroup')).map((g) => g.Properties.LogGroupName)).not.toContain('/numinia/staging/bastion-sessions');
    second.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'StreamSessionOutput',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:/numinia/production/bastion-sessions:*']] },
        })]),
      },
    });
    Annotations.fromStack(other).hasInfo('*', Match.stringLikeRegexp('baseline at First/Baseline holds the Session Manager preferences of 111111111111/eu-west-1'));
  });

  test('a second baseline told to hold them too is refused at synth', () => {
    expect(() => baselines({ bastion: { sessionLogging: { holdPreferences: true } } }))
      .toThrow(/bastion.sessionLogging.holdPreferences: true, but the baseline at First\/Baseline already holds the Session Manager preferences of 111111111111\/eu-west-1/);
  });

  test('holdPreferences false leaves them to someone else: the baseline keeps its log group, its bastion writes there', () => {
    const template = synthTemplate({ bastion: { sessionLogging: { holdPreferences: false } } });
    template.resourceCountIs('Custom::SessionManagerPreferences', 0);
    expect(Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => id.includes('Preferences'))).toEqual([]);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/numinia/production/bastion-sessions' });
  });

  test('session logging off: no preferences, no log group, no grant', () => {
    const template = synthTemplate({ bastion: { sessionLogging: { enabled: false } } });
    template.resourceCountIs('Custom::SessionManagerPreferences', 0);
    expect(Object.values(template.findResources('AWS::Logs::LogGroup')).map((g) => g.Properties.LogGroupName)).not.toContain('/numinia/production/bastion-sessions');
    expect(JSON.stringify(template.toJSON())).not.toContain('StreamSessionOutput');
  });
});
