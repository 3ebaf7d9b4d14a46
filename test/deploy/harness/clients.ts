import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient } from '@aws-sdk/client-efs';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { AwsQueryProtocol } from '@aws-sdk/core/protocols';
import { assertLocalEndpoint, DUMMY_CREDENTIALS, EMULATOR_REGION } from './emulator-env';

export interface EmulatorClients {
  readonly cloudFormation: CloudFormationClient;
  readonly cloudWatch: CloudWatchClient;
  readonly ec2: EC2Client;
  readonly efs: EFSClient;
  readonly iam: IAMClient;
  readonly kms: KMSClient;
  readonly logs: CloudWatchLogsClient;
  readonly s3: S3Client;
  readonly sns: SNSClient;
}

/**
 * AWS SDK v3 clients for the emulator only: endpoint, region and credentials are all explicit, so nothing is read
 * from the environment, a profile or instance metadata.
 */
export function emulatorClients(endpoint: string): EmulatorClients {
  assertLocalEndpoint(endpoint);
  const config = {
    endpoint,
    region: EMULATOR_REGION,
    credentials: DUMMY_CREDENTIALS,
    // moto answers a crash with HTTP 500 at once: retrying with back-off only delays the failure.
    maxAttempts: 1,
  };
  return {
    cloudFormation: new CloudFormationClient(config),
    // QUIRK (moto 5.2): moto speaks only the query protocol for CloudWatch (its botocore model lists ["query"]) and
    // answers the SDK's default, JSON 1.0, with HTTP 500. CloudWatch itself accepts both, so the client uses query.
    cloudWatch: new CloudWatchClient({ ...config, protocol: AwsQueryProtocol }),
    ec2: new EC2Client(config),
    efs: new EFSClient(config),
    iam: new IAMClient(config),
    kms: new KMSClient(config),
    logs: new CloudWatchLogsClient(config),
    // Path-style (http://localhost:PORT/bucket/key): moto's host is not a DNS zone for bucket names.
    s3: new S3Client({ ...config, forcePathStyle: true }),
    sns: new SNSClient(config),
  };
}

export function destroyClients(clients: EmulatorClients): void {
  for (const client of Object.values(clients)) {
    client.destroy();
  }
}
