import { CisVariant } from './monitoring-props';

/**
 * One CIS AWS Foundations Benchmark monitoring recommendation: a metric filter on the trail's log group and its alarm.
 */
export interface CisControl {
  /** Construct IDs and metric name (construct IDs are API: never rename one). */
  readonly id: string;
  /** The alarm's name after `<project>-<environment>-cis-`. No CIS number: the benchmark renumbers between versions. */
  readonly alarmName: string;
  /** What a match means, first line of the alarm description. */
  readonly title: string;
  /** Where the pattern is published: the Security Hub control and the CIS recommendations that carry it. */
  readonly references: string;
  /** The pattern exactly as Security Hub (or, for Organizations changes, CIS) publishes it. */
  readonly pattern: string;
  /** The CIS v3.0.0+ pattern, where it differs from `pattern`. */
  readonly cisV3Pattern?: string;
}

/**
 * The fifteen filters, in Security Hub's order, patterns as published: CloudWatch.1-14 from the Security Hub user guide
 * (its remediation steps say "copy the following pattern"; the control fails on any other text), 4.15 and the v3+
 * variants from the CIS benchmark's audit text (as mitre/aws-foundations-cis-baseline restates it). Not one character
 * may change: Security Hub compares the strings.
 *
 * Built on each call, not held at module level: a table the tests reach only through a synthesis is then judged
 * per test by mutation testing (module-level code reruns every test of its group for each change).
 */
export function cisControls(): CisControl[] {
  const SECURITY_HUB = 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html';
  return [
    {
      id: 'RootUserUsage',
      alarmName: 'root-user-usage',
      title: 'The root user was used',
      references: `Security Hub CloudWatch.1; CIS v1.2.0 1.1 and 3.3, v1.4.0 1.7 and 4.3, v3.0.0 4.3 (${SECURITY_HUB}#cloudwatch-1)`,
      pattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    },
    {
      id: 'UnauthorizedApiCalls',
      alarmName: 'unauthorized-api-calls',
      title: 'API calls were refused (UnauthorizedOperation, AccessDenied)',
      references: `Security Hub CloudWatch.2; CIS v1.2.0 3.1, v3.0.0 4.1 (${SECURITY_HUB}#cloudwatch-2)`,
      pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
      cisV3Pattern:
      '{ ($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ' +
      '($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
    },
    {
      id: 'ConsoleSignInWithoutMfa',
      alarmName: 'console-sign-in-without-mfa',
      title: 'Someone signed in to the console without MFA',
      references: `Security Hub CloudWatch.3; CIS v1.2.0 3.2, v3.0.0 4.2 (${SECURITY_HUB}#cloudwatch-3)`,
      pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ' +
      '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
      cisV3Pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    },
    {
      id: 'IamPolicyChanges',
      alarmName: 'iam-policy-changes',
      title: 'An IAM policy was created, changed, attached or detached',
      references: `Security Hub CloudWatch.4; CIS v1.2.0 3.4, v1.4.0 4.4, v3.0.0 4.4 (${SECURITY_HUB}#cloudwatch-4)`,
      pattern:
      '{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ' +
      '($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ' +
      '($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ' +
      '($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ' +
      '($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ' +
      '($.eventName=DetachGroupPolicy)}',
    },
    {
      id: 'CloudTrailConfigurationChanges',
      alarmName: 'cloudtrail-configuration-changes',
      title: 'A CloudTrail trail was created, changed, deleted, started or stopped',
      references: `Security Hub CloudWatch.5; CIS v1.2.0 3.5, v1.4.0 4.5, v3.0.0 4.5 (${SECURITY_HUB}#cloudwatch-5)`,
      pattern:
      '{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ' +
      '($.eventName=StartLogging) || ($.eventName=StopLogging)}',
    },
    {
      id: 'ConsoleAuthenticationFailures',
      alarmName: 'console-authentication-failures',
      title: 'A console sign-in failed authentication',
      references: `Security Hub CloudWatch.6; CIS v1.2.0 3.6, v1.4.0 4.6, v3.0.0 4.6 (${SECURITY_HUB}#cloudwatch-6)`,
      pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    },
    {
      id: 'DisableOrDeleteCmk',
      alarmName: 'disable-or-delete-cmk',
      title: 'A customer-managed KMS key was disabled or scheduled for deletion',
      references: `Security Hub CloudWatch.7; CIS v1.2.0 3.7, v1.4.0 4.7, v3.0.0 4.7 (${SECURITY_HUB}#cloudwatch-7)`,
      pattern: '{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}',
    },
    {
      id: 'S3BucketPolicyChanges',
      alarmName: 's3-bucket-policy-changes',
      title: 'An S3 bucket policy, ACL, CORS, lifecycle or replication configuration changed',
      references: `Security Hub CloudWatch.8; CIS v1.2.0 3.8, v1.4.0 4.8, v3.0.0 4.8 (${SECURITY_HUB}#cloudwatch-8)`,
      pattern:
      '{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ' +
      '($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ' +
      '($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ' +
      '($.eventName=DeleteBucketReplication))}',
    },
    {
      id: 'AwsConfigChanges',
      alarmName: 'aws-config-changes',
      title: 'The AWS Config recorder or delivery channel was stopped, changed or deleted',
      references: `Security Hub CloudWatch.9; CIS v1.2.0 3.9, v1.4.0 4.9, v3.0.0 4.9 (${SECURITY_HUB}#cloudwatch-9)`,
      pattern:
      '{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ' +
      '($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}',
    },
    {
      id: 'SecurityGroupChanges',
      alarmName: 'security-group-changes',
      title: 'A security group or one of its rules was created, changed or deleted',
      references: `Security Hub CloudWatch.10; CIS v1.2.0 3.10, v1.4.0 4.10, v3.0.0 4.10 (${SECURITY_HUB}#cloudwatch-10)`,
      pattern:
      '{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ' +
      '($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ' +
      '($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}',
    },
    {
      id: 'NetworkAclChanges',
      alarmName: 'network-acl-changes',
      title: 'A network ACL, one of its entries or associations was created, changed or deleted',
      references: `Security Hub CloudWatch.11; CIS v1.2.0 3.11, v1.4.0 4.11, v3.0.0 4.11 (${SECURITY_HUB}#cloudwatch-11)`,
      pattern:
      '{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ' +
      '($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}',
    },
    {
      id: 'NetworkGatewayChanges',
      alarmName: 'network-gateway-changes',
      title: 'An internet or customer gateway was created, attached, detached or deleted',
      references: `Security Hub CloudWatch.12; CIS v1.2.0 3.12, v1.4.0 4.12, v3.0.0 4.12 (${SECURITY_HUB}#cloudwatch-12)`,
      pattern:
      '{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ' +
      '($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}',
    },
    {
      id: 'RouteTableChanges',
      alarmName: 'route-table-changes',
      title: 'A route or route table was created, replaced, disassociated or deleted',
      references: `Security Hub CloudWatch.13; CIS v1.2.0 3.13, v1.4.0 4.13, v3.0.0 4.13 (${SECURITY_HUB}#cloudwatch-13)`,
      pattern:
      '{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ' +
      '($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ' +
      '($.eventName=DisassociateRouteTable)}',
    },
    {
      id: 'VpcChanges',
      alarmName: 'vpc-changes',
      title: 'A VPC, its attributes, a peering connection or ClassicLink changed',
      references: `Security Hub CloudWatch.14; CIS v1.2.0 3.14, v1.4.0 4.14, v3.0.0 4.14 (${SECURITY_HUB}#cloudwatch-14)`,
      pattern:
      '{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ' +
      '($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ' +
      '($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ' +
      '($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ' +
      '($.eventName=EnableVpcClassicLink)}',
    },
    {
      id: 'OrganizationsChanges',
      alarmName: 'organizations-changes',
      title: 'The AWS Organizations organization, its accounts, units or policies changed',
      references: 'CIS v1.4.0 4.15, v3.0.0 4.15 (no Security Hub control); pattern from the benchmark\'s audit step 3',
      pattern:
      '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ' +
      '($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ' +
      '($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ' +
      '($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ' +
      '($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ' +
      '($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ' +
      '($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ' +
      '($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    },
  ];
}

/** The pattern a control uses in a variant. */
export function patternOf(control: CisControl, variant: CisVariant): string {
  return variant === CisVariant.CIS_V3 && control.cisV3Pattern !== undefined ? control.cisV3Pattern : control.pattern;
}
