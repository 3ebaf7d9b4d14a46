import { Aws, Fn } from 'aws-cdk-lib';
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
   * Let the VPC reach the AWS-owned buckets of this region the baseline's parts and the workloads on it need: read the
   * Amazon Linux package repositories (and kernel live patches), ECR image layers, the SSM agent's and Patch Manager's
   * buckets and the CloudWatch agent's; and send CloudFormation's custom-resource and wait-condition responses. Without
   * them `dnf`, image pulls from ECR, agent updates, patching and custom resources in the VPC (aws-eks-v2's kubectl
   * provider) fail. Each bucket is listed with its source in `src/network/s3-endpoint-policy.ts`.
   *
   * @default true
   */
  readonly allowAwsServiceBuckets?: boolean;
}

/**
 * The AWS-owned buckets instances and functions in the VPC read through the S3 gateway endpoint. Their owner is not the
 * organization (`aws:ResourceOrgID` never matches them), and many requests to them are anonymous (dnf, the SSM agent's
 * fallback, the CloudWatch agent's download), so they are named, for any principal. Each comment names the page that
 * lists the bucket. A trailing `*` stands for a suffix that differs per region (the pages list them region by region);
 * it only opens reads, never writes.
 */
function awsServiceBucketsToRead(): string[] {
  const region = Aws.REGION;
  return [
    // Amazon ECR User Guide, "Amazon ECR interface VPC endpoints": image layers
    // (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).
    `prod-${region}-starport-layer-bucket`,
    // Amazon Linux 2023 package repositories, kernel live patches included (AL2023 User Guide, "Kernel Live Patching on
    // AL2023": live patches come from the existing AL2023 repositories); bucket names as AWS's data-perimeter examples
    // list them (aws-samples/data-perimeter-policy-examples, service_owned_resources.md).
    `al2023-repos-${region}-de612dc2`,
    `al2023-${region}`,
    // Amazon Linux 2 User Guide, "Kernel Live Patching on AL2": its repositories
    // (https://docs.aws.amazon.com/linux/al2/ug/al2-live-patching.html).
    `amazonlinux-2-repos-${region}`,
    `amazonlinux.${region}.amazonaws.com`,
    `packages.${region}.amazonaws.com`,
    `repo.${region}.amazonaws.com`,
    // AWS Systems Manager User Guide, "SSM Agent communications with AWS managed S3 buckets", its whole table
    // (https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-technical-details.html#ssm-agent-minimum-s3-permissions).
    `amazon-ssm-${region}`,
    `amazon-ssm-packages-${region}`,
    `${region}-birdwatcher-prod`,
    `aws-ssm-distributor-file-${region}`,
    `aws-ssm-document-attachments-${region}`,
    `aws-ssm-${region}`,
    `aws-windows-downloads-${region}`,
    `aws-patchmanager-macos-${region}*`,
    // Patch Manager, "Reference: Amazon S3 buckets for patching operations": patch baseline snapshots
    // (patch-baseline-snapshot-<region>, with a suffix in some regions) and AWS-RunPatchBaseline's payloads
    // (aws-patch-manager-<region>-<suffix>) (https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-operations-s3-buckets.html).
    `patch-baseline-snapshot-${region}*`,
    `aws-patch-manager-${region}-*`,
    // Amazon CloudWatch User Guide, "Download the CloudWatch agent": the regional download links
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/download-cloudwatch-agent-commandline.html).
    `amazoncloudwatch-agent-${region}`,
  ];
}

/**
 * The AWS-owned buckets that receive CloudFormation's responses from the VPC, by PUT to a URL CloudFormation presigned:
 * custom resources whose function runs in the VPC (aws-eks-v2's kubectl provider does) and wait conditions. AWS
 * CloudFormation User Guide, "Access CloudFormation using an interface endpoint": "If a template includes custom
 * resources or wait conditions in a VPC, the VPC endpoint policy must allow users to send responses to the following
 * buckets" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/vpc-interface-endpoints.html).
 */
function cloudFormationResponseBuckets(): string[] {
  return [
    // "When using custom resources, AWS Region names don't contain dashes. For example, uswest2."
    `cloudformation-custom-resource-response-${Fn.join('', Fn.split('-', Aws.REGION))}`,
    // "When using wait conditions, AWS Region names do contain dashes."
    `cloudformation-waitcondition-${Aws.REGION}`,
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
   * package repositories, ECR image layers, the agents and patches live in, and CloudFormation's response buckets: a
   * data-exfiltration guard for the VPC.
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
        resources: awsServiceBucketsToRead().map((bucket) => `arn:${Aws.PARTITION}:s3:::${bucket}/*`),
      }));
      statements.push(new iam.PolicyStatement({
        sid: 'CloudFormationResponses',
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: cloudFormationResponseBuckets().map((bucket) => `arn:${Aws.PARTITION}:s3:::${bucket}/*`),
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
