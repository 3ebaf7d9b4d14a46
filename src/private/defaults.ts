/**
 * Every default of the architecture document (`aws-architecture-overview.md`) in one place.
 * Values that differ from the document say why.
 */

/** The project name, used in tags, key aliases and EKS cluster name patterns. */
export const SEED_PROJECT = 'numinia';

/** The VPC CIDR of the document (`vpc_cidr`). */
export const SEED_VPC_CIDR = '10.0.0.0/16';

/** The availability-zone suffixes of the document (`eu-west-1a/b/c`), applied to the stack's region. */
export const SEED_AZ_SUFFIXES = ['a', 'b', 'c'];

/** Private subnets, one per AZ, in AZ order. */
export const SEED_PRIVATE_SUBNET_CIDRS = ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'];

/** Public subnets, one per AZ, in AZ order: the 10.0.101.0/24 range tells them apart from private ones. */
export const SEED_PUBLIC_SUBNET_CIDRS = ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24'];

/** Flow-log and other log retention of the document: 30 days. */
export const SEED_FLOW_LOG_RETENTION_DAYS = 30;

/** Annual key rotation of the document. */
export const SEED_KEY_ROTATION_DAYS = 365;

/** KMS accepts rotation periods from 90 to 2560 days (CloudFormation `RotationPeriodInDays`). */
export const KMS_MIN_ROTATION_DAYS = 90;
export const KMS_MAX_ROTATION_DAYS = 2560;

/** The bastion instance type of the document. */
export const SEED_BASTION_INSTANCE_TYPE = 't3.micro';

/** The root device of Amazon Linux images, where the bastion's encrypted root volume goes. */
export const AMAZON_LINUX_ROOT_DEVICE = '/dev/xvda';

/** Root volume of the bastion: the Amazon Linux 2023 AMI snapshot is 8 GiB, so less would fail to launch. */
export const BASTION_ROOT_VOLUME_GIB = 8;

/** The document's `ManagedBy` tag value, `terragrunt`, becomes the CDK equivalent. */
export const MANAGED_BY = 'cdk';

/** Tag keys the baseline sets itself. */
export const TAG_ENVIRONMENT = 'Environment';
export const TAG_PROJECT = 'Project';
export const TAG_MANAGED_BY = 'ManagedBy';

/** CloudTrail's CloudWatch Logs copy is an audit record: kept a year (PCI DSS 10.7 asks for one). */
export const TRAIL_LOG_RETENTION_DAYS = 365;

/** Trail objects move to Glacier Flexible Retrieval after 90 days (PCI DSS 10.7: 3 months immediately available). */
export const TRAIL_BUCKET_GLACIER_AFTER_DAYS = 90;

/** Server access logs of the trail bucket. */
export const ACCESS_LOG_EXPIRY_DAYS = 365;

/** Subnet prefixes that AWS accepts for a VPC and its subnets. */
export const MIN_PREFIX_LENGTH = 16;
export const MAX_PREFIX_LENGTH = 28;

/** Subnet group names: they appear in construct IDs (logical IDs) and in subnet selections. */
export const PUBLIC_SUBNET_GROUP = 'Public';
export const PRIVATE_SUBNET_GROUP = 'Private';
export const DATABASE_SUBNET_GROUP = 'Database';

/** Names used in identifiers (tags, aliases, parameter paths): lowercase, digits, hyphens. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
export const NAME_RULE = '2-32 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen';

/**
 * Physical names the baseline fixes, so that key and bucket policies can name the resources before they exist
 * (the confused-deputy conditions AWS documents need the trail's ARN and the log groups' ARNs). Unique per project
 * and environment in an account and region: a second baseline with the same pair there is refused.
 */
/**
 * The EKS clusters a baseline's bastion may describe and whose EFS CSI driver may use its roles: the environment's own
 * (`numinia-production`, `numinia-production-blue`), not every cluster of the project. Two patterns rather than
 * `<project>-<environment>*`, which would let `numinia-dev` trust `numinia-development`'s clusters.
 */
export const defaultClusterNames = (project: string, environment: string) => [`${project}-${environment}`, `${project}-${environment}-*`];

export const trailName = (project: string, environment: string) => `${project}-${environment}-audit`;
export const flowLogGroupName = (project: string, environment: string) => `/${project}/${environment}/vpc-flow-logs`;
export const trailLogGroupName = (project: string, environment: string) => `/${project}/${environment}/cloudtrail`;
