/**
 * The guard that keeps the deployment tests on the local emulator: it must refuse anything that could reach AWS.
 */
import * as os from 'os';
import { assertEmulatorOnly, assertLocalEndpoint, emulatorChildEnv, looksLikeRealAccessKey } from './harness/emulator-env';

const SAFE = {
  AWS_ENDPOINT_URL: 'http://localhost:5000',
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
};

describe('assertLocalEndpoint', () => {
  test.each(['http://localhost:5000', 'http://127.0.0.1:5000', 'http://localhost:5000/'])('accepts %s', (url) => {
    expect(() => assertLocalEndpoint(url)).not.toThrow();
  });

  test.each([
    undefined, '', 'not a url', 'https://cloudformation.eu-west-1.amazonaws.com', 'http://localhost.example.com:5000',
    'http://10.0.0.5:5000', 'https://localhost:5000', 'http://[::1]:5000',
  ])('refuses %s', (url) => {
    expect(() => assertLocalEndpoint(url)).toThrow(/refusing/);
  });
});

describe('assertEmulatorOnly', () => {
  test('accepts the local endpoint with the dummy credentials', () => {
    expect(() => assertEmulatorOnly(SAFE)).not.toThrow();
  });

  test.each<[string, NodeJS.ProcessEnv]>([
    ['a remote endpoint', { ...SAFE, AWS_ENDPOINT_URL: 'https://sts.amazonaws.com' }],
    ['a remote per-service endpoint', { ...SAFE, AWS_ENDPOINT_URL_S3: 'https://s3.eu-west-1.amazonaws.com' }],
    ['real-looking credentials', { ...SAFE, AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }],
    ['a profile', { ...SAFE, AWS_PROFILE: 'prod' }],
    ['a session token', { ...SAFE, AWS_SESSION_TOKEN: 'token' }],
    ['a web identity', { ...SAFE, AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/ci', AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/token' }],
    ['no credentials', { AWS_ENDPOINT_URL: SAFE.AWS_ENDPOINT_URL }],
  ])('refuses %s', (_what, env) => {
    expect(() => assertEmulatorOnly(env)).toThrow(/refusing/);
  });

  test('recognises real access key IDs', () => {
    expect(looksLikeRealAccessKey('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(looksLikeRealAccessKey('ASIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(looksLikeRealAccessKey('testing')).toBe(false);
  });
});

describe('emulatorChildEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('drops every AWS and CDK setting of the parent and sets only the emulator, dummy credentials and a dead proxy', () => {
    Object.assign(process.env, {
      AWS_PROFILE: 'prod',
      AWS_SESSION_TOKEN: 'token',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_ENDPOINT_URL_STS: 'https://sts.amazonaws.com',
      CDK_DEFAULT_ACCOUNT: '111111111111',
      HTTPS_PROXY: 'http://corporate-proxy:3128',
      SOMETHING_ELSE: 'kept',
    });
    const env = emulatorChildEnv('http://localhost:5000', os.tmpdir());
    expect(env).toMatchObject({
      AWS_ENDPOINT_URL: 'http://localhost:5000',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'eu-west-1',
      CDK_DEFAULT_ACCOUNT: '123456789012',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: 'localhost,127.0.0.1',
      SOMETHING_ELSE: 'kept',
    });
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_STS']) {
      expect(env[name]).toBeUndefined();
    }
  });

  test('refuses an endpoint that is not local', () => {
    expect(() => emulatorChildEnv('https://cloudformation.eu-west-1.amazonaws.com', os.tmpdir())).toThrow(/refusing/);
  });
});
