import { Aws } from 'aws-cdk-lib';

/** The ARN of a trail of this account and region, known before the trail exists because its name is fixed. */
export function trailArnOf(name: string): string {
  return `arn:${Aws.PARTITION}:cloudtrail:${Aws.REGION}:${Aws.ACCOUNT_ID}:trail/${name}`;
}

/** The ARN CloudWatch Logs puts in the encryption context of a log group of this account and region. */
export function logGroupArnOf(name: string): string {
  return `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${name}`;
}
