import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { decide } from './contract';
import { SERVICE_REQUEST_CATALOGUE } from './service-request-catalogue';
import { actionMatches, ALWAYS_PRESENT, contextOf, serviceRequests, serviceStatements, undocumentedConditions, undocumentedRequest } from './service-requests';

type Json = any;
import { buildEksApp } from '../../examples/eks/app';
import { complianceMatrix } from '../compliance/matrix';
import { synthStackSetTemplate } from '../fleet/stackset-template';
import { synthTemplate } from '../util';

/** The templates users deploy: every configuration of the compliance matrix, the EKS example's, the StackSet variant's. */
function deployedTemplates(): Array<[string, Json]> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-requests-'));
  try {
    return [
      ...complianceMatrix().map(([name, props]): [string, Json] => [
        name, synthTemplate(props, { appProps: { builtinCloudFormationValidation: false } }).toJSON(),
      ]),
      ['the EKS example', Template.fromStack(buildEksApp().stack).toJSON()],
      ['the StackSet variant', synthStackSetTemplate(outdir).json],
    ];
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('service requests: every statement for an AWS service asks only for what AWS documents it sends', () => {
  test('each service principal and action of every deployed template is catalogued, and each condition key it uses is one the request carries', () => {
    const statements = deployedTemplates().flatMap(([name, template]) => serviceStatements(name, template));
    // The walk reaches every kind of service statement the baseline writes.
    expect([...new Set(statements.map((s) => s.principal))].sort()).toEqual([
      'cloudtrail.amazonaws.com',
      'cloudwatch.amazonaws.com',
      'delivery.logs.amazonaws.com',
      'ec2.amazonaws.com',
      'eks.amazonaws.com',
      'events.amazonaws.com',
      'lambda.amazonaws.com',
      'logging.s3.amazonaws.com',
      'logs.<region>.amazonaws.com',
      'pods.eks.amazonaws.com',
      'vpc-flow-logs.amazonaws.com',
    ]);
    expect(statements.flatMap(undocumentedConditions)).toEqual([]);
  });

  test('the walk finds a key the request does not carry, and an action the catalogue lacks', () => {
    const template = {
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/t' } } },
                { 'Fn::If': ['IsHome', { Effect: 'Allow', Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } }, Action: 'kms:Describe*' }, { Ref: 'AWS::NoValue' }] },
              ],
            },
          },
        },
      },
    };
    expect(serviceStatements('t', template).flatMap(undocumentedConditions)).toEqual([
      't.Role.Properties.AssumeRolePolicyDocument.Statement[0]: cloudtrail.amazonaws.com sts:AssumeRole requires aws:SourceArn, which '
        + '"CloudTrail assumes its CloudWatch Logs delivery role" does not carry (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html)',
      't.Role.Properties.AssumeRolePolicyDocument.Statement[1]: logs.<region>.amazonaws.com kms:Describe* is not in the service-request catalogue',
    ]);
  });
});

describe('service requests: the catalogue', () => {
  test('every entry cites an AWS page for the request and for each key, names concrete actions, and never lists a key as both sent and not sent', () => {
    const problems = serviceRequests().flatMap((request) => [
      ...[request.source, ...Object.values(request.keys), ...Object.values(request.notSent ?? {}).filter((c) => c !== 'undocumented')]
        .filter((c) => typeof c === 'string' || !/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//.test(c.url) || c.says.length < 20)
        .map((c) => `${request.name}: a citation without an AWS page or its words: ${JSON.stringify(c)}`),
      ...request.actions.filter((a) => a.includes('*')).map((a) => `${request.name}: ${a} is a pattern, not an action`),
      ...Object.keys(request.notSent ?? {}).filter((k) => k in request.keys).map((k) => `${request.name}: ${k} is both sent and not sent`),
    ]);
    expect(problems).toEqual([]);
    expect(Object.keys(ALWAYS_PRESENT)).toEqual(['aws:SecureTransport']);
  });

  test('CloudTrail sends no source keys when it assumes its CloudWatch Logs role, and AWS says so', () => {
    const request = SERVICE_REQUEST_CATALOGUE.cloudTrailLogsRole;
    expect(Object.keys(request.keys)).toEqual([]);
    expect(request.notSent['aws:SourceArn'].says).toBe('Confused deputy prevention is not applicable to the role policy for CloudWatch Logs '
      + 'monitoring. The role policy doesn\'t support the use of aws:SourceArn and aws:SourceAccount.');
    expect(() => contextOf(request, { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/t' }))
      .toThrow('CloudTrail assumes its CloudWatch Logs delivery role: AWS does not document aws:SourceArn in this request\'s context');
  });

  test('a contract row of a service is refused when it simulates what AWS does not document', async () => {
    const row = { reason: 'r', expected: 'Allowed' as const, principal: 'pods.eks.amazonaws.com', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111111111111:role/r', context: { 'aws:SourceAccount': '111111111111' } };
    await expect(decide(row)).rejects.toThrow('"r": pods.eks.amazonaws.com sts:AssumeRole: no AWS document says the request carries aws:SourceAccount '
      + '(catalogued: EKS Pod Identity assumes a role for a pod and tags the session)');
    expect(undocumentedRequest('scheduler.amazonaws.com', 'sns:Publish', {}, false)).toMatch(/is not in the service-request catalogue/);
    expect(undocumentedRequest('scheduler.amazonaws.com', 'sns:Publish', { 'aws:SecureTransport': 'true' }, true)).toBeUndefined();
    expect(undocumentedRequest('scheduler.amazonaws.com', 'sns:Publish', { 'aws:SourceArn': 'x' }, true)).toMatch(/may carry no keys \(got aws:SourceArn\)/);
    // EventBridge's publishing is catalogued, and documented to carry no aws:SourceArn.
    expect(undocumentedRequest('events.amazonaws.com', 'sns:Publish', { 'aws:SourceArn': 'x' }, false)).toMatch(/aws:SourceArn/);
    // Regional principals are one catalogue entry; IAM reads actions and keys case-insensitively.
    expect(undocumentedRequest('logs.us-east-1.amazonaws.com', 'KMS:Encrypt', { 'KMS:EncryptionContext:aws:logs:arn': 'x' }, false)).toBeUndefined();
    expect(actionMatches('kms:GenerateDataKey*', 'kms:GenerateDataKeyWithoutPlaintext')).toBe(true);
    expect(actionMatches('kms:GenerateDataKey*', 'kms:Decrypt')).toBe(false);
  });
});
