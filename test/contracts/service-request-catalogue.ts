import type { Citation, ServiceRequest } from './service-requests';

/*
 * The requests AWS services make against the baseline's policies, as AWS documents them. Every key of every request
 * is quoted from its page (read 2026-12; where AWS's pages changed over time, the quote says which version). A request
 * that is not here cannot be simulated by a contract, and a policy statement for a service may only require keys
 * listed for that service's request (test/contracts/service-requests.test.ts).
 */

const CLOUDTRAIL_BUCKET: Citation = {
  url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
  says: 'As a security best practice, add an aws:SourceArn condition key to the Amazon S3 bucket policy. [...] The value of ' +
    'aws:SourceArn is always the ARN of the trail (or array of trail ARNs) that is using the bucket to store logs.',
};
const CLOUDTRAIL_BUCKET_ACCOUNT: Citation = {
  url: CLOUDTRAIL_BUCKET.url,
  says: 'As a security best practice, add an aws:SourceArn or aws:SourceAccount condition key to the Amazon S3 bucket policy.',
};
const CLOUDTRAIL_KEY: Citation = {
  url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html',
  says: 'As a security best practice, add an aws:SourceArn condition key to the KMS key policy. [...] The value of aws:SourceArn ' +
    'is always the trail ARN (or array of trail ARNs) that is using the KMS key.',
};
const CLOUDTRAIL_KEY_ACCOUNT: Citation = {
  url: CLOUDTRAIL_KEY.url,
  says: 'The aws:SourceAccount condition key is also supported, but not recommended. The value of aws:SourceAccount is the ' +
    'account ID of the trail owner, or for organization trails, the management account ID.',
};
const CLOUDTRAIL_LOGS_ROLE: Citation = {
  url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html',
  says: 'Confused deputy prevention is not applicable to the role policy for CloudWatch Logs monitoring. The role policy ' +
    'doesn\'t support the use of aws:SourceArn and aws:SourceAccount.',
};
const LOGS_KEY: Citation = {
  url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  says: 'CloudWatch Logs now supports encryption context, using kms:EncryptionContext:aws:logs:arn as the key and the ARN of ' +
    'the log group as the value for that key.',
};
const FLOW_LOGS_ROLE: Citation = {
  url: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html',
  says: 'We recommend that you use the aws:SourceAccount and aws:SourceArn condition keys to protect yourself against the ' +
    'confused deputy problem. [...] The source account is the owner of the flow log and the source ARN is the flow log ARN.',
};
const LOG_DELIVERY_BUCKET: Citation = {
  url: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-permissions.html',
  says: 'It is also a best practice to use the aws:SourceAccount and aws:SourceArn condition keys to protect against the ' +
    'confused deputy problem. The source account is the owner of the flow log and the source ARN is the wildcard (*) ARN of ' +
    'the logs service.',
};
const LOG_DELIVERY_ACL: Citation = {
  url: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-permissions.html',
  says: '"Sid": "AWSLogDeliveryWrite", [...] "Action": "s3:PutObject", [...] "Condition": { "StringEquals": { ' +
    '"aws:SourceAccount": "123456789012", "s3:x-amz-acl": "bucket-owner-full-control" }, "ArnLike": { "aws:SourceArn": ' +
    '"arn:aws:logs:us-east-1:123456789012:*" } }',
};
const LOG_DELIVERY_LIST: Citation = {
  url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html',
  says: 'In some cases, you may see AccessDenied errors in AWS CloudTrail if the s3:ListBucket permission has not been granted ' +
    'to delivery.logs.amazonaws.com. To avoid these errors in your CloudTrail logs, you must grant the s3:ListBucket permission ' +
    'to delivery.logs.amazonaws.com and you must include the Condition parameters shown with the s3:GetBucketAcl permission ' +
    'set in the preceding bucket policy.',
};
const LOG_DELIVERY_KEY: Citation = {
  url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html#AWS-logs-SSE-KMS-S3',
  says: '"Principal": { "Service": [ "delivery.logs.amazonaws.com" ] }, "Action": [ "kms:Encrypt", "kms:Decrypt", ' +
    '"kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey" ], "Resource": "*", "Condition": { "StringEquals": { ' +
    '"aws:SourceAccount": ["0123456789"] }, "ArnLike": { "aws:SourceArn": ["arn:aws:logs:us-east-1:0123456789:*"] } }',
};
const ALARM_TOPIC: Citation = {
  url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html',
  says: 'The value of aws:SourceArn must be the ARN of the alarm that is sending notifications. [...] The following example ' +
    'shows how you can use the aws:SourceArn and aws:SourceAccount global condition context keys in CloudWatch to prevent ' +
    'the confused deputy problem.',
};
const ALARM_TOPIC_KEY: Citation = {
  url: 'https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns',
  says: '"Sid": "Allow_CloudWatch_for_CMK", "Effect": "Allow", "Principal": { "Service": [ "cloudwatch.amazonaws.com" ] }, ' +
    '"Action": [ "kms:Decrypt", "kms:GenerateDataKey*" ], "Resource": "*" (no condition; the SNS Developer Guide\'s ' +
    'generic advice to add aws:SourceAccount and aws:SourceArn, sns-key-management.html, names no CloudWatch request and ' +
    'says of EventBridge that the keys are not supported)',
};
const EVENTBRIDGE_TOPIC: Citation = {
  url: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions',
  says: 'To allow EventBridge to publish to an Amazon SNS topic, use the aws sns get-topic-attributes and the aws sns ' +
    'set-topic-attributes commands. Note: You can\'t use Condition blocks in Amazon SNS topic policies for EventBridge. ' +
    '[...] "Principal": { "Service": "events.amazonaws.com" }, "Action": "sns:Publish", "Resource": ' +
    '"arn:aws:sns:region:account-id:topic-name"',
};
const EVENTBRIDGE_TOPIC_KEY: Citation = {
  url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services',
  says: 'To allow the AWS service to have the kms:GenerateDataKey* and kms:Decrypt permissions, add the following statement ' +
    'to the KMS policy. [...] Amazon CloudWatch Events | events.amazonaws.com [...] Important: Adding the aws:SourceAccount, ' +
    'aws:SourceArn, and aws:SourceOrgID to a AWS KMS policy is not supported for EventBridge-to-encrypted topics.',
};
const POD_IDENTITY_ROLE: Citation = {
  url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html',
  says: 'EKS Pod Identity uses TagSession to include session tags in the requests to AWS STS. [...] You can use these tags in ' +
    'the condition keys in the trust policy to restrict which service accounts, namespaces, and clusters can use this role.',
};
const POD_IDENTITY_TAGS: Citation = {
  url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html',
  says: 'EKS Pod Identity adds a pre-defined set of session tags when it assumes the role. [...] eks-cluster-arn, ' +
    'eks-cluster-name, kubernetes-namespace, kubernetes-service-account, kubernetes-pod-name, kubernetes-pod-uid',
};
const SESSION_TAG_KEYS: Citation = {
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
  says: 'You can use the sts:TagSession action with the following condition keys. [...] aws:TagKeys – Compares the tag keys ' +
    'in a request with the keys that you specified in the policy.',
};
const SERVER_ACCESS_LOGS: Citation = {
  url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  says: '"Principal": { "Service": "logging.s3.amazonaws.com" }, "Action": [ "s3:PutObject" ], [...] "Condition": { ' +
    '"ArnLike": { "aws:SourceArn": "arn:aws:s3:::amzn-s3-demo-source-bucket" }, "StringEquals": { "aws:SourceAccount": ' +
    '"SOURCE-ACCOUNT-ID" } }',
};
const EC2_ROLE: Citation = {
  url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
  says: 'Instead of creating and distributing your AWS credentials, you can delegate permission to make API requests using ' +
    'IAM roles as follows: 1. Create an IAM role. 2. Define which accounts or AWS services can assume the role. [...] (no ' +
    'condition key of EC2\'s request is documented)',
};
const LAMBDA_ROLE: Citation = {
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
  says: 'In order for Lambda to properly assume your execution role, the role\'s trust policy must specify the Lambda service ' +
    'principal (lambda.amazonaws.com) as a trusted service. (no condition key of Lambda\'s request is documented)',
};

/** The requests, by name. */
export const SERVICE_REQUEST_CATALOGUE = {
  cloudTrailAclCheck: {
    name: 'CloudTrail checks the trail bucket\'s ACL before delivering',
    principal: 'cloudtrail.amazonaws.com',
    actions: ['s3:GetBucketAcl'],
    source: CLOUDTRAIL_BUCKET,
    keys: { 'aws:SourceArn': CLOUDTRAIL_BUCKET, 'aws:SourceAccount': CLOUDTRAIL_BUCKET_ACCOUNT },
    realAccountOnly: 'For a multi-Region trail, AWS does not say which Region\'s trail ARN the other Regions\' deliveries carry ' +
      'in aws:SourceArn; its examples use the trail\'s own ARN (its home Region), which is what the policies name.',
  },
  cloudTrailDelivery: {
    name: 'CloudTrail delivers a log file to the trail bucket',
    principal: 'cloudtrail.amazonaws.com',
    actions: ['s3:PutObject'],
    source: CLOUDTRAIL_BUCKET,
    keys: {
      'aws:SourceArn': CLOUDTRAIL_BUCKET,
      'aws:SourceAccount': CLOUDTRAIL_BUCKET_ACCOUNT,
      's3:x-amz-acl': {
        url: CLOUDTRAIL_BUCKET.url,
        says: '"Action": "s3:PutObject", [...] "Condition": { "StringEquals": { "s3:x-amz-acl": "bucket-owner-full-control", ' +
          '"aws:SourceArn": "arn:aws:cloudtrail:region:myAccountID:trail/trailName" } }',
      },
    },
  },
  cloudTrailEncryption: {
    name: 'CloudTrail asks the logs key for a data key to encrypt a log file',
    principal: 'cloudtrail.amazonaws.com',
    actions: ['kms:GenerateDataKey'],
    source: CLOUDTRAIL_KEY,
    keys: {
      'aws:SourceArn': CLOUDTRAIL_KEY,
      'aws:SourceAccount': CLOUDTRAIL_KEY_ACCOUNT,
      'kms:EncryptionContext:aws:cloudtrail:arn': {
        url: CLOUDTRAIL_KEY.url,
        says: '"Action": "kms:GenerateDataKey*", [...] "StringLike": { "kms:EncryptionContext:aws:cloudtrail:arn": ' +
          '"arn:aws:cloudtrail:*:account-id:trail/*" }',
      },
    },
  },
  cloudTrailDescribeKey: {
    name: 'CloudTrail describes the logs key',
    principal: 'cloudtrail.amazonaws.com',
    actions: ['kms:DescribeKey'],
    source: {
      url: CLOUDTRAIL_KEY.url,
      says: 'CloudTrail requires the ability to describe the properties of the KMS key. [...] As a security best practice, add ' +
        'an aws:SourceArn condition key to the KMS key policy.',
    },
    keys: { 'aws:SourceArn': CLOUDTRAIL_KEY, 'aws:SourceAccount': CLOUDTRAIL_KEY_ACCOUNT },
  },
  cloudTrailDecrypt: {
    name: 'CloudTrail decrypts trail logs (AWS\'s example grants it without a condition; the baseline does not grant it)',
    principal: 'cloudtrail.amazonaws.com',
    actions: ['kms:Decrypt'],
    source: {
      url: CLOUDTRAIL_KEY.url,
      says: 'The following is an example policy that is required to allow the CloudTrail service principal to decrypt trail logs.',
    },
    keys: {},
  },
  cloudTrailLogsRole: {
    name: 'CloudTrail assumes its CloudWatch Logs delivery role',
    principal: 'cloudtrail.amazonaws.com',
    actions: ['sts:AssumeRole'],
    source: {
      url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
      says: '{ "Sid": "", "Effect": "Allow", "Principal": { "Service": "cloudtrail.amazonaws.com" }, "Action": "sts:AssumeRole" }',
    },
    keys: {},
    notSent: { 'aws:SourceArn': CLOUDTRAIL_LOGS_ROLE, 'aws:SourceAccount': CLOUDTRAIL_LOGS_ROLE },
  },
  cloudWatchLogsEncryption: {
    name: 'CloudWatch Logs encrypts and decrypts the events of a log group with its key',
    principal: 'logs.<region>.amazonaws.com',
    actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'],
    source: LOGS_KEY,
    keys: { 'kms:EncryptionContext:aws:logs:arn': LOGS_KEY },
    notSent: { 'aws:SourceArn': 'undocumented', 'aws:SourceAccount': 'undocumented' },
  },
  flowLogsRole: {
    name: 'VPC Flow Logs assumes the role that publishes flow logs to CloudWatch Logs',
    principal: 'vpc-flow-logs.amazonaws.com',
    actions: ['sts:AssumeRole'],
    source: FLOW_LOGS_ROLE,
    keys: { 'aws:SourceAccount': FLOW_LOGS_ROLE, 'aws:SourceArn': FLOW_LOGS_ROLE },
  },
  logDeliveryWrite: {
    name: 'Log delivery writes flow-log files to their bucket',
    principal: 'delivery.logs.amazonaws.com',
    actions: ['s3:PutObject'],
    source: LOG_DELIVERY_BUCKET,
    keys: { 'aws:SourceAccount': LOG_DELIVERY_BUCKET, 'aws:SourceArn': LOG_DELIVERY_BUCKET, 's3:x-amz-acl': LOG_DELIVERY_ACL },
  },
  logDeliveryAclCheck: {
    name: 'Log delivery checks the flow-log bucket\'s ACL and lists it',
    principal: 'delivery.logs.amazonaws.com',
    actions: ['s3:GetBucketAcl', 's3:ListBucket'],
    source: LOG_DELIVERY_LIST,
    keys: { 'aws:SourceAccount': LOG_DELIVERY_BUCKET, 'aws:SourceArn': LOG_DELIVERY_BUCKET },
  },
  logDeliveryEncryption: {
    name: 'Log delivery encrypts flow-log files with the bucket\'s key',
    principal: 'delivery.logs.amazonaws.com',
    actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:DescribeKey'],
    source: LOG_DELIVERY_KEY,
    keys: { 'aws:SourceAccount': LOG_DELIVERY_KEY, 'aws:SourceArn': LOG_DELIVERY_KEY },
  },
  alarmNotification: {
    name: 'A CloudWatch alarm publishes to the alarm topic',
    principal: 'cloudwatch.amazonaws.com',
    actions: ['sns:Publish'],
    source: ALARM_TOPIC,
    keys: { 'aws:SourceArn': ALARM_TOPIC, 'aws:SourceAccount': ALARM_TOPIC },
  },
  alarmTopicEncryption: {
    name: 'A CloudWatch alarm uses the key of the encrypted alarm topic it publishes to',
    principal: 'cloudwatch.amazonaws.com',
    actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
    source: ALARM_TOPIC_KEY,
    keys: {},
    notSent: { 'aws:SourceArn': 'undocumented', 'aws:SourceAccount': 'undocumented' },
  },
  eventBridgeToTopic: {
    name: 'An EventBridge rule (the bastion\'s patch compliance) publishes to the alarm topic',
    principal: 'events.amazonaws.com',
    actions: ['sns:Publish'],
    source: EVENTBRIDGE_TOPIC,
    keys: {},
    notSent: { 'aws:SourceArn': EVENTBRIDGE_TOPIC, 'aws:SourceAccount': EVENTBRIDGE_TOPIC },
  },
  eventBridgeTopicEncryption: {
    name: 'An EventBridge rule uses the key of the encrypted alarm topic it publishes to',
    principal: 'events.amazonaws.com',
    actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
    source: EVENTBRIDGE_TOPIC_KEY,
    keys: {},
    notSent: { 'aws:SourceArn': EVENTBRIDGE_TOPIC_KEY, 'aws:SourceAccount': EVENTBRIDGE_TOPIC_KEY },
  },
  podIdentity: {
    name: 'EKS Pod Identity assumes a role for a pod and tags the session',
    principal: 'pods.eks.amazonaws.com',
    actions: ['sts:AssumeRole', 'sts:TagSession'],
    source: POD_IDENTITY_ROLE,
    keys: {
      'aws:RequestTag/eks-cluster-arn': POD_IDENTITY_TAGS,
      'aws:RequestTag/eks-cluster-name': POD_IDENTITY_TAGS,
      'aws:RequestTag/kubernetes-namespace': POD_IDENTITY_TAGS,
      'aws:RequestTag/kubernetes-service-account': POD_IDENTITY_TAGS,
      'aws:RequestTag/kubernetes-pod-name': POD_IDENTITY_TAGS,
      'aws:RequestTag/kubernetes-pod-uid': POD_IDENTITY_TAGS,
      'aws:TagKeys': SESSION_TAG_KEYS,
    },
    notSent: { 'aws:SourceAccount': 'undocumented', 'aws:SourceArn': 'undocumented' },
  },
  serverAccessLogs: {
    name: 'S3 server access logging writes a bucket\'s access logs to the access-log bucket',
    principal: 'logging.s3.amazonaws.com',
    actions: ['s3:PutObject'],
    source: SERVER_ACCESS_LOGS,
    keys: { 'aws:SourceArn': SERVER_ACCESS_LOGS, 'aws:SourceAccount': SERVER_ACCESS_LOGS },
  },
  instanceProfile: {
    name: 'EC2 assumes the role of an instance profile',
    principal: 'ec2.amazonaws.com',
    actions: ['sts:AssumeRole'],
    source: EC2_ROLE,
    keys: {},
    notSent: { 'aws:SourceArn': 'undocumented', 'aws:SourceAccount': 'undocumented' },
  },
  eksClusterRole: {
    name: 'EKS assumes a cluster\'s IAM role (the EKS example\'s cluster, aws-eks-v2)',
    principal: 'eks.amazonaws.com',
    actions: ['sts:AssumeRole'],
    source: {
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html',
      says: '{ "Effect": "Allow", "Principal": { "Service": "eks.amazonaws.com" }, "Action": "sts:AssumeRole" }',
    },
    keys: {},
    notSent: { 'aws:SourceArn': 'undocumented', 'aws:SourceAccount': 'undocumented' },
  },
  lambdaExecution: {
    name: 'Lambda assumes a function\'s execution role (aws-cdk-lib\'s custom-resource handlers)',
    principal: 'lambda.amazonaws.com',
    actions: ['sts:AssumeRole'],
    source: LAMBDA_ROLE,
    keys: {},
    notSent: { 'aws:SourceArn': 'undocumented', 'aws:SourceAccount': 'undocumented' },
  },
} satisfies Record<string, ServiceRequest>;
