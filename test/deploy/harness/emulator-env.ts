import * as path from 'path';

/** moto's default account: STS GetCallerIdentity answers it for any credentials. */
export const EMULATOR_ACCOUNT = '123456789012';
export const EMULATOR_REGION = 'eu-west-1';

/** moto accepts any credentials; these cannot be mistaken for real ones (real access key IDs start with AKIA/ASIA). */
export const DUMMY_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

/** Hosts that only ever mean this machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** A port nothing listens on: anything that ignores the endpoint and tries a proxy fails at once instead of reaching out. */
const DEAD_PROXY = 'http://127.0.0.1:9';

/**
 * Variables that could point a child at a real account or a non-local endpoint: scrubbed from every child env.
 * Everything AWS_ and CDK_ goes (profiles, session tokens, role ARNs, web identity, container credentials,
 * endpoint overrides, CDK_DEFAULT_ACCOUNT, ...); the safe ones are then set explicitly.
 */
const SCRUBBED = /^(AWS_|CDK_|AMAZON_|ECS_CONTAINER_METADATA)/;

/** Variables whose mere presence means real credentials or a real profile could be used. */
const FORBIDDEN = [
  'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
];

/**
 * The endpoint every AWS call goes to. The host is `localhost`, not 127.0.0.1: moto resolves a CloudFormation
 * TemplateURL (path-style S3, as `cdk deploy` and our CreateStack pass it) only when its host contains "localhost".
 */
export function emulatorEndpoint(port: number): string {
  return `http://localhost:${port}`;
}

/** Throws unless `url` is plain HTTP to this machine. */
export function assertLocalEndpoint(url: string | undefined, name = 'AWS_ENDPOINT_URL'): void {
  if (!url) {
    throw new Error(`${name} is not set: refusing to run anything that could reach real AWS`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name}=${url} is not a URL: refusing to run`);
  }
  if (parsed.protocol !== 'http:' || !LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`${name}=${url} is not http://localhost or http://127.0.0.1: refusing to run against anything but the local emulator`);
  }
}

/** Real long-term or temporary access key IDs: AKIA.../ASIA... followed by 16 upper-case letters or digits. */
export function looksLikeRealAccessKey(accessKeyId: string): boolean {
  return /^(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$/.test(accessKeyId);
}

/**
 * Fails fast unless `env` can only reach the local emulator: a local endpoint (and local per-service endpoints),
 * dummy credentials, no profile, session token or role to fall back on.
 */
export function assertEmulatorOnly(env: NodeJS.ProcessEnv): void {
  assertLocalEndpoint(env.AWS_ENDPOINT_URL);
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('AWS_ENDPOINT_URL_')) {
      assertLocalEndpoint(value, name);
    }
  }
  const present = FORBIDDEN.filter((name) => env[name] !== undefined);
  if (present.length > 0) {
    throw new Error(`${present.join(', ')} set: refusing to run with anything but the emulator's dummy credentials`);
  }
  const keyId = env.AWS_ACCESS_KEY_ID ?? '';
  if (keyId !== DUMMY_CREDENTIALS.accessKeyId || env.AWS_SECRET_ACCESS_KEY !== DUMMY_CREDENTIALS.secretAccessKey) {
    const what = looksLikeRealAccessKey(keyId) ? 'look real' : 'are not the dummy ones';
    throw new Error(`AWS credentials ${what}: refusing to run`);
  }
}

/**
 * The complete environment of every child process (CDK CLI, moto): the parent's environment without any AWS or
 * CDK setting, plus the emulator's endpoint and dummy credentials. `scratchDir` is where the CLI may write; the AWS
 * config and credentials files point into it (they do not exist), so no profile in ~/.aws can be picked up.
 */
export function emulatorChildEnv(endpoint: string, scratchDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!SCRUBBED.test(name) && !/^(HTTPS?_PROXY|NO_PROXY)$/i.test(name)) {
      env[name] = value;
    }
  }
  Object.assign(env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_REGION: EMULATOR_REGION,
    AWS_DEFAULT_REGION: EMULATOR_REGION,
    AWS_CONFIG_FILE: path.join(scratchDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(scratchDir, 'no-aws-credentials'),
    // No instance-metadata credential lookups (they would time out, or worse, succeed on a cloud machine).
    AWS_EC2_METADATA_DISABLED: 'true',
    CDK_DEFAULT_ACCOUNT: EMULATOR_ACCOUNT,
    CDK_DEFAULT_REGION: EMULATOR_REGION,
    // The CLI's own outbound calls: usage telemetry, the npm version check, and (through CDK_HOME) its caches.
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    CDK_DISABLE_VERSION_CHECK: 'true',
    CDK_HOME: scratchDir,
    // The CLI's AWS SDK would print a Node 20 end-of-support notice into every output we capture.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Belt and braces: anything that is not for the emulator goes to a proxy that does not exist.
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    NO_PROXY: 'localhost,127.0.0.1',
  });
  assertEmulatorOnly(env);
  return env;
}
