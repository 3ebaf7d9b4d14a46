/**
 * The one reviewed list of cfn-lint and checkov findings we accept, each with its reason. The lint test fails on
 * any finding not listed here, and on any entry here that no longer matches a finding (no stale acceptances).
 * cdk-nag findings are acknowledged in the library itself, next to the resources (see docs/compliance.md).
 */
export interface AcceptedFinding {
  readonly tool: 'cfn-lint' | 'checkov';
  /** cfn-lint rule (W3005) or checkov check (CKV_AWS_18). */
  readonly rule: string;
  /** Logical ID of the resource the finding is on. */
  readonly resource: RegExp;
  readonly reason: string;
}

const RESTRICT_DEFAULT_SG_HANDLER = /^CustomVpcRestrictDefaultSGCustomResourceProviderHandler/;
/** aws-cdk-lib's AwsCustomResource handler: the bastion's S3 prefix list lookup, with bastion.ssmEndpoints. */
const AWS_CUSTOM_RESOURCE_HANDLER = /^AWS679f53fac002430cb0da5b7982bd22872D164C4C$/;
const LOOKUP_REASON =
  "aws-cdk-lib's AwsCustomResource handler that reads the region's S3 prefix list ID for the bastion's egress: " +
  'CloudFormation invokes it synchronously, only while the stack deploys, and fails the deployment if it fails';
const HANDLER_REASON =
  "aws-cdk-lib's handler for the custom resource that strips the default security group's rules: CloudFormation " +
  'invokes it synchronously, only while the stack deploys, and fails the deployment if it fails';

/** The function that holds Session Manager's preferences (SSM-SessionManagerRunShell), where a baseline holds them. */
const SESSION_PREFERENCES_HANDLER = /^BaselineBastionSessionLoggingPreferencesFunction[0-9A-F]{8}$/;
const PREFERENCES_REASON =
  'the handler of the custom resource that creates or updates the Session Manager preferences document: CloudFormation ' +
  'invokes it synchronously, only while the stack deploys, and fails the deployment if it fails';
export const ACCEPTED_FINDINGS: AcceptedFinding[] = [
  { tool: 'checkov', rule: 'CKV_AWS_115', resource: SESSION_PREFERENCES_HANDLER, reason: `${PREFERENCES_REASON}: a concurrency limit has nothing to limit` },
  { tool: 'checkov', rule: 'CKV_AWS_116', resource: SESSION_PREFERENCES_HANDLER, reason: `${PREFERENCES_REASON}: a dead-letter queue would hold no event CloudFormation does not already report` },
  {
    tool: 'checkov',
    rule: 'CKV_AWS_117',
    resource: SESSION_PREFERENCES_HANDLER,
    reason: `${PREFERENCES_REASON}: it calls only the Systems Manager API, and a VPC without NAT or endpoints would leave it no route there`,
  },

  {
    tool: 'cfn-lint',
    rule: 'W3010',
    // Only in the template synthesized without CDK metadata (cfn-lint skips W3010 for CDK templates).
    resource: /^Baseline(NetworkVpc(Public|Private|Database)Subnet\dSubnet|BastionInstance)[0-9A-F]{8}/,
    reason: 'the architecture document mandates the zones eu-west-1a/b/c (the subnets\' CIDRs are planned per zone); ' +
      'the baseline refuses, at synth time, any zone that is not <region><letter> of the stack\'s own region',
  },
  {
    tool: 'checkov',
    rule: 'CKV_AWS_18',
    resource: /^BaselineAuditTrailAccessLogsBucket/,
    reason: 'this is the bucket that receives the trail bucket\'s server access logs; logging it to itself would loop',
  },
  { tool: 'checkov', rule: 'CKV_AWS_115', resource: RESTRICT_DEFAULT_SG_HANDLER, reason: `${HANDLER_REASON}: a concurrency limit has nothing to limit` },
  { tool: 'checkov', rule: 'CKV_AWS_116', resource: RESTRICT_DEFAULT_SG_HANDLER, reason: `${HANDLER_REASON}: a dead-letter queue would hold no event CloudFormation does not already report` },
  {
    tool: 'checkov',
    rule: 'CKV_AWS_117',
    resource: RESTRICT_DEFAULT_SG_HANDLER,
    reason: `${HANDLER_REASON}: it calls only the EC2 API, and placing it in the VPC it configures would make the VPC depend on its own NAT or endpoints`,
  },
  { tool: 'checkov', rule: 'CKV_AWS_115', resource: AWS_CUSTOM_RESOURCE_HANDLER, reason: `${LOOKUP_REASON}: a concurrency limit has nothing to limit` },
  { tool: 'checkov', rule: 'CKV_AWS_116', resource: AWS_CUSTOM_RESOURCE_HANDLER, reason: `${LOOKUP_REASON}: a dead-letter queue would hold no event CloudFormation does not already report` },
  {
    tool: 'checkov',
    rule: 'CKV_AWS_117',
    resource: AWS_CUSTOM_RESOURCE_HANDLER,
    reason: `${LOOKUP_REASON}: it calls only the EC2 API, and in a VPC without NAT (where the lookup is made) it could not reach it`,
  },
];
