import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * Options of a restrictive S3 gateway endpoint policy.
 */
export interface S3EndpointRestrictionOptions {
  /**
   * The AWS Organizations organization whose buckets the VPC may reach (`aws:ResourceOrgID`), such as `o-a1b2c3d4e5`.
   *
   * @default - no organization: only `bucketArns` and, with `allowAwsServiceBuckets`, the AWS-owned buckets
   */
  readonly organizationId?: string;

  /**
   * More buckets the VPC may reach, by ARN (`arn:aws:s3:::my-bucket`): their objects are allowed too.
   *
   * @default - none
   */
  readonly bucketArns?: string[];

  /**
   * Let instances read the AWS-owned buckets of this region that Amazon Linux package repositories, ECR image layers
   * and the SSM agent come from (each listed with its source in the baseline's documentation). Without them `dnf`,
   * image pulls from ECR and SSM agent updates fail.
   *
   * @default true
   */
  readonly allowAwsServiceBuckets?: boolean;
}

/**
 * The AWS-owned buckets the VPC reads through the S3 gateway endpoint; each comment names the document that lists it.
 */
function awsServiceBuckets(): string[] {
  return [
    // Amazon ECR User Guide, "Amazon ECR interface VPC endpoints": image layers
    // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).
    `prod-${Aws.REGION}-starport-layer-bucket`,
    // Amazon Linux 2023 User Guide: the package repositories (https://docs.aws.amazon.com/linux/al2023/ug/managing-repos-os-updates.html).
    `al2023-repos-${Aws.REGION}-de612dc2`,
    // Amazon Linux 2 FAQ: the package repositories (https://aws.amazon.com/amazon-linux-2/faqs/).
    `amazonlinux-2-repos-${Aws.REGION}`,
    // AWS Systems Manager User Guide, "SSM Agent communications with AWS managed S3 buckets"
    // (https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-minimum-s3-permissions.html).
    `amazon-ssm-${Aws.REGION}`,
    `aws-ssm-${Aws.REGION}`,
    `amazon-ssm-packages-${Aws.REGION}`,
    `${Aws.REGION}-birdwatcher-prod`,
    `patch-baseline-snapshot-${Aws.REGION}`,
  ];
}

/**
 * The policy of the VPC's S3 gateway endpoint.
 */
export class S3EndpointPolicy {
  /**
   * AWS's default endpoint policy: the endpoint lets through any request to any bucket (identity and bucket policies
   * still apply).
   */
  public static allowAll(): S3EndpointPolicy {
    return new S3EndpointPolicy(undefined);
  }

  /**
   * Only the organization's buckets, the buckets named, and (by default) the AWS-owned buckets of this region that
   * package repositories, ECR image layers and the SSM agent live in: a data-exfiltration guard for the VPC.
   */
  public static restrictTo(options: S3EndpointRestrictionOptions): S3EndpointPolicy {
    const statements: iam.PolicyStatement[] = [];
    if (options.organizationId !== undefined) {
      statements.push(new iam.PolicyStatement({
        sid: 'BucketsOfTheOrganization',
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:ResourceOrgID': options.organizationId } },
      }));
    }
    if ((options.bucketArns ?? []).length > 0) {
      statements.push(new iam.PolicyStatement({
        sid: 'NamedBuckets',
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:*'],
        resources: options.bucketArns!.flatMap((arn) => [arn, `${arn}/*`]),
      }));
    }
    if (options.allowAwsServiceBuckets ?? true) {
      statements.push(new iam.PolicyStatement({
        sid: 'AwsServiceBuckets',
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject'],
        resources: awsServiceBuckets().map((bucket) => `arn:${Aws.PARTITION}:s3:::${bucket}/*`),
      }));
    }
    if (statements.length === 0) {
      throw new Error('S3EndpointPolicy.restrictTo: nothing allowed; give organizationId or bucketArns, or keep allowAwsServiceBuckets');
    }
    return new S3EndpointPolicy(statements);
  }

  private constructor(private readonly statements: iam.PolicyStatement[] | undefined) {}

  /**
   * The statements of the policy; undefined for AWS's default (allow all).
   *
   * @internal
   */
  public _statements(): iam.PolicyStatement[] | undefined {
    return this.statements;
  }
}
