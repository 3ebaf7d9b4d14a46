import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { assertLocalEndpoint, DUMMY_CREDENTIALS } from './emulator-env';

/**
 * Clients of one account and region of the emulator. moto 5.2 serves many accounts from one server; it takes the
 * account of a request from the `x-moto-account-id` header (else from an access key that its IAM knows, else its
 * default account 123456789012). The header keeps the dummy credentials the guard requires.
 */
export interface AccountClients {
  readonly account: string;
  readonly region: string;
  readonly cloudFormation: CloudFormationClient;
  readonly ec2: EC2Client;
  readonly logs: CloudWatchLogsClient;
  readonly s3: S3Client;
}

type Client = { middlewareStack: { add: (middleware: any, options: { step: 'build'; name: string }) => void }; destroy: () => void };

function inAccount<T extends Client>(client: T, account: string): T {
  client.middlewareStack.add((next: any) => async (args: any) => {
    args.request.headers['x-moto-account-id'] = account;
    return next(args);
  }, { step: 'build', name: 'motoAccount' });
  return client;
}

export function accountClients(endpoint: string, account: string, region: string): AccountClients {
  assertLocalEndpoint(endpoint);
  const config = { endpoint, region, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  return {
    account,
    region,
    cloudFormation: inAccount(new CloudFormationClient(config), account),
    ec2: inAccount(new EC2Client(config), account),
    logs: inAccount(new CloudWatchLogsClient(config), account),
    s3: inAccount(new S3Client({ ...config, forcePathStyle: true }), account),
  };
}

export function destroyAccountClients(clients: AccountClients): void {
  for (const client of [clients.cloudFormation, clients.ec2, clients.logs, clients.s3]) {
    client.destroy();
  }
}
