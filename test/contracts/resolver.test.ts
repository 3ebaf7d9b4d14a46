import { anonymousPrincipal, decide, withContextKeyStandIns } from './contract';
import { CONTRACT_ENV, TemplateResolver } from './resolver';

const template = {
  Parameters: { Image: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/aws/service/ami' } },
  Resources: {
    Role: { Type: 'AWS::IAM::Role', Properties: {} },
    NamedRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'fixed-name' } },
    Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Fs: { Type: 'AWS::EFS::FileSystem', Properties: {} },
    Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { TrailName: 'audit' } },
    Group: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/flow' } },
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Custom: { Type: 'Custom::Thing', Properties: {} },
  },
};
const r = new TemplateResolver(template);

describe('the contract resolver', () => {
  test('pseudo parameters are the contract environment', () => {
    expect(r.resolve({ 'Fn::Join': [':', [{ Ref: 'AWS::Partition' }, { Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, { Ref: 'AWS::URLSuffix' }]] }))
      .toBe(`aws:${CONTRACT_ENV.region}:${CONTRACT_ENV.account}:amazonaws.com`);
  });

  test('Ref and GetAtt give physical names and ARNs, the template\'s own names where it sets them', () => {
    expect(r.resolve({ 'Fn::GetAtt': ['Role', 'Arn'] })).toBe('arn:aws:iam::111111111111:role/Role');
    expect(r.resolve({ 'Fn::GetAtt': ['NamedRole', 'Arn'] })).toBe('arn:aws:iam::111111111111:role/fixed-name');
    expect(r.resolve({ 'Fn::GetAtt': ['Bucket', 'Arn'] })).toBe('arn:aws:s3:::bucket');
    expect(r.resolve({ 'Fn::GetAtt': ['Key', 'Arn'] })).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r.resolve({ 'Fn::GetAtt': ['Fs', 'Arn'] })).toMatch(/^arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system\/fs-[0-9a-f]{17}$/);
    expect(r.resolve({ 'Fn::GetAtt': ['Trail', 'Arn'] })).toBe('arn:aws:cloudtrail:eu-west-1:111111111111:trail/audit');
    expect(r.resolve({ 'Fn::GetAtt': ['Group', 'Arn'] })).toBe('arn:aws:logs:eu-west-1:111111111111:log-group:/flow:*');
    expect(r.resolve({ 'Fn::GetAtt': 'Vpc.CidrBlock' })).toBe('10.0.0.0/16');
    expect(r.resolve({ Ref: 'Image' })).toBe('/aws/service/ami');
  });

  test('the same logical ID always resolves to the same value, and two resources never to the same one', () => {
    expect(new TemplateResolver(template).ref('Fs')).toBe(r.ref('Fs'));
    expect(r.ref('Key')).not.toBe(new TemplateResolver({ Resources: { Key2: { Type: 'AWS::KMS::Key' } } }).ref('Key2'));
  });

  test('Fn::Sub, Fn::Select, Fn::Split and AWS::NoValue', () => {
    expect(r.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' })).toBe('arn:aws:s3:::bucket');
    expect(r.resolve({ 'Fn::Sub': ['${Bucket}/${Prefix}/${Role.Arn}', { Prefix: 'logs' }] })).toBe('bucket/logs/arn:aws:iam::111111111111:role/Role');
    expect(r.resolve({ 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] })).toBe('b');
    expect(r.resolve({ A: 1, B: { Ref: 'AWS::NoValue' }, C: ['x', { Ref: 'AWS::NoValue' }] })).toEqual({ A: 1, C: ['x'] });
  });

  test('fails clearly on what it does not model, rather than guessing', () => {
    expect(() => r.resolve({ Ref: 'Missing' })).toThrow(/Ref to Missing: no such resource/);
    expect(() => r.resolve({ 'Fn::GetAtt': ['Custom', 'Value'] })).toThrow(/Custom.Value \(Custom::Thing\): not modelled/);
    expect(() => r.resolve({ 'Fn::If': ['C', 1, 2] })).toThrow(/Fn::If: an intrinsic the contract resolver does not model/);
  });
});

describe('the contract evaluation', () => {
  const keyPolicy = {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Action: 'kms:Encrypt',
      Resource: '*',
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:111111111111:log-group:*' } },
    }],
  };
  const encrypt = (logGroupAccount: string) => decide({
    reason: 'test',
    expected: 'Allowed',
    principal: 'logs.eu-west-1.amazonaws.com',
    action: 'kms:Encrypt',
    resource: 'arn:aws:kms:eu-west-1:111111111111:key/1',
    context: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:eu-west-1:${logGroupAccount}:log-group:/x` },
    resourcePolicy: keyPolicy,
  });

  test('encryption-context conditions are evaluated (through the stand-in), both ways', async () => {
    expect(await encrypt('111111111111')).toBe('Allowed');
    expect(await encrypt('222222222222')).toBe('ImplicitlyDenied');
  });

  test('the stand-in renames only the keys the simulator drops', () => {
    expect(withContextKeyStandIns({ 'kms:EncryptionContext:aws:logs:arn': 'a', 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'b', 'aws:SourceArn': 'c' })).toEqual({
      'aws:RequestTag/kms:EncryptionContext:aws:logs:arn': 'a',
      'aws:RequestTag/oidc:oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'b',
      'aws:SourceArn': 'c',
    });
  });

  test('the principal\'s account is in the context, as AWS puts it there', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111111111111' } } }] };
    const read = (principal: string) => decide({ reason: 'test', expected: 'Allowed', principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourcePolicy: policy });
    expect(await read('arn:aws:sts::111111111111:assumed-role/R/s')).toBe('Allowed');
    expect(await read('arn:aws:sts::222222222222:assumed-role/R/s')).toBe('ImplicitlyDenied');
    expect(await decide({ reason: 'test', expected: 'Denied', principal: anonymousPrincipal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourcePolicy: policy })).toBe('ImplicitlyDenied');
  });

  test('a request the simulator cannot evaluate is an error, not a denial', async () => {
    await expect(decide({ reason: 'a made-up action', expected: 'Denied', principal: 'arn:aws:iam::111111111111:role/R', action: 's3:NoSuchAction', resource: 'arn:aws:s3:::b' })).rejects.toThrow(/the simulator refused the request "a made-up action"/);
  });
});
