import type { Citation } from './service-requests';

/**
 * A request that leaves the VPC for an AWS-owned bucket through the S3 gateway endpoint, as AWS documents it. Their
 * owner is AWS, so `aws:ResourceOrgID` is never the user's organization (IAM User Guide: "Some AWS services require
 * access to AWS owned resources that are hosted in another AWS account. Using aws:ResourceOrgID [...] might impact
 * your identity's ability to access these resources."), and many are anonymous (no principal keys at all): the
 * endpoint policy must name the bucket, for any principal.
 */
export interface EndpointRequest {
  /** Who sends it, and why. */
  readonly name: string;
  readonly action: 's3:GetObject' | 's3:PutObject';
  /** The bucket, in the region the VPC is in. */
  readonly bucket: (region: string) => string;
  readonly source: Citation;
}

const SSM_BUCKETS: Citation = {
  url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-technical-details.html#ssm-agent-minimum-s3-permissions',
  says: 'In the course of performing various Systems Manager operations, AWS Systems Manager Agent (SSM Agent) accesses a ' +
    'number of Amazon Simple Storage Service (Amazon S3) buckets. [...] However, if you\'re using a virtual private cloud ' +
    '(VPC) endpoint in your Systems Manager operations, you must provide explicit permission',
};
/** AWS's data-perimeter examples; the AL2023 User Guide's live-patching page only says the patches come from the AL2023 repositories. */
const AL2023_BUCKETS: Citation = {
  url: 'https://github.com/aws-samples/data-perimeter-policy-examples/blob/main/service_owned_resources.md',
  says: 'arn:aws:s3:::al2023-<region>/* arn:aws:s3:::al2023-repos-<region>-de612dc2/* | Kernel Live Patching on Amazon Linux ' +
    '2023 allows you to apply security vulnerability and critical bug patches to a running Linux kernel. To download ' +
    'packages from Amazon Linux repositories hosted on service-owned Amazon S3 buckets, Amazon EC2 makes an unauthenticated ' +
    'call to Amazon S3 which originates from your VPC.',
};
const PATCH_BUCKETS: Citation = {
  url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-operations-s3-buckets.html',
  says: 'Buckets with the format aws-patch-manager-region-unique-suffix contain the following documents used by Patch ' +
    'Manager patching operations [...] Buckets with the format patch-baseline-snapshot-region or ' +
    'patch-baseline-snapshot-region-unique-suffix contain AWS managed patch baseline snapshots.',
};
const CLOUDFORMATION_RESPONSES: Citation = {
  url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/vpc-interface-endpoints.html',
  says: 'If a template includes custom resources or wait conditions in a VPC, the VPC endpoint policy must allow users to ' +
    'send responses to the following buckets: - For custom resources, permit traffic to the ' +
    'cloudformation-custom-resource-response-region bucket. When using custom resources, AWS Region names don\'t contain ' +
    'dashes. For example, uswest2. - For wait conditions, permit traffic to the cloudformation-waitcondition-region bucket.',
};

/** Every AWS-owned bucket request the baseline's parts (and the workloads on it) send through the endpoint. */
export function endpointRequests(): EndpointRequest[] {
  const read = (name: string, bucket: (region: string) => string, source: Citation): EndpointRequest => ({ name, action: 's3:GetObject', bucket, source });
  return [
    read('dnf reads the Amazon Linux 2023 repository (anonymous)', (r) => `al2023-repos-${r}-de612dc2`, AL2023_BUCKETS),
    read('kernel live patching on Amazon Linux 2023 (anonymous)', (r) => `al2023-${r}`, AL2023_BUCKETS),
    read('yum reads the Amazon Linux 2 repository (anonymous)', (r) => `amazonlinux-2-repos-${r}`, {
      url: 'https://docs.aws.amazon.com/linux/al2/ug/al2-live-patching.html',
      says: 'arn:aws:s3:::amazonlinux-2-repos-region/* | Amazon S3 bucket containing Amazon Linux 2 repositories',
    }),
    // Amazon Linux 2 User Guide, "Kernel Live Patching on AL2", its table of buckets, row by row.
    read('yum reads Amazon Linux 2 repositories (anonymous)', (r) => `amazonlinux.${r}.amazonaws.com`, {
      url: 'https://docs.aws.amazon.com/linux/al2/ug/al2-live-patching.html',
      says: 'arn:aws:s3:::amazonlinux.region.amazonaws.com/* | Amazon S3 bucket containing Amazon Linux 2 repositories',
    }),
    read('yum reads Amazon Linux AMI packages (anonymous)', (r) => `packages.${r}.amazonaws.com`, {
      url: 'https://docs.aws.amazon.com/linux/al2/ug/al2-live-patching.html',
      says: 'arn:aws:s3:::packages.region.amazonaws.com/* | Amazon S3 bucket containing Amazon Linux AMI packages',
    }),
    read('yum reads Amazon Linux AMI repositories (anonymous)', (r) => `repo.${r}.amazonaws.com`, {
      url: 'https://docs.aws.amazon.com/linux/al2/ug/al2-live-patching.html',
      says: 'arn:aws:s3:::repo.region.amazonaws.com/* | Amazon S3 bucket containing Amazon Linux AMI repositories',
    }),
    read('the kubelet pulls an ECR image layer (presigned by ECR)', (r) => `prod-${r}-starport-layer-bucket`, {
      url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
      says: 'arn:aws:s3:::prod-region-starport-layer-bucket/*',
    }),
    read('the SSM agent updates itself', (r) => `amazon-ssm-${r}`, SSM_BUCKETS),
    read('Distributor (AWS-ConfigureAWSPackage) downloads a package', (r) => `${r}-birdwatcher-prod`, SSM_BUCKETS),
    read('Distributor downloads an AWS-owned package', (r) => `aws-ssm-document-attachments-${r}`, SSM_BUCKETS),
    read('Distributor in af-south-1 and eu-south-1', (r) => `aws-ssm-distributor-file-${r}`, SSM_BUCKETS),
    read('an SSM agent before 2.2.45.0 runs AWS-ConfigureAWSPackage', (r) => `amazon-ssm-packages-${r}`, SSM_BUCKETS),
    read('SSM documents for Windows Server instances in the VPC', (r) => `aws-windows-downloads-${r}`, SSM_BUCKETS),
    read('Patch Manager\'s modules for EC2 macOS instances in the VPC (a suffix in some regions)', (r) => `aws-patchmanager-macos-${r}`, SSM_BUCKETS),
    read('AWS-RunPatchBaseline downloads its payload (older regions)', (r) => `aws-ssm-${r}`, SSM_BUCKETS),
    read('AWS-RunPatchBaseline downloads its payload', (r) => `aws-patch-manager-${r}-5522fb710`, PATCH_BUCKETS),
    read('AWS-RunPatchBaseline reads the patch baseline snapshot (presigned by Systems Manager)', (r) => `patch-baseline-snapshot-${r}`, PATCH_BUCKETS),
    read('the CloudWatch agent is downloaded (anonymous)', (r) => `amazoncloudwatch-agent-${r}`, {
      url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/download-cloudwatch-agent-commandline.html',
      says: 'https://s3.eu-central-1.amazonaws.com/amazoncloudwatch-agent-eu-central-1/amazon_linux/amd64/latest/amazon-cloudwatch-agent.rpm',
    }),
    {
      name: 'a custom resource in the VPC (aws-eks-v2\'s kubectl provider) sends its response (presigned by CloudFormation)',
      action: 's3:PutObject',
      bucket: (r) => `cloudformation-custom-resource-response-${r.replace(/-/g, '')}`,
      source: CLOUDFORMATION_RESPONSES,
    },
    {
      name: 'a wait condition is signalled from the VPC (presigned by CloudFormation)',
      action: 's3:PutObject',
      bucket: (r) => `cloudformation-waitcondition-${r}`,
      source: CLOUDFORMATION_RESPONSES,
    },
  ];
}
