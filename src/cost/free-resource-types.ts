/**
 * Resource types with no fixed monthly charge: free, or billed only by use (storage, requests, data), which the
 * estimate gives as unit prices. Any other type the estimate does not price is listed as unpriced, never as zero.
 */
const FREE_OR_USAGE_ONLY = new Set([
  'AWS::CDK::Metadata',
  'AWS::CloudFormation::CustomResource',
  'AWS::EC2::DHCPOptions',
  'AWS::EC2::EgressOnlyInternetGateway',
  'AWS::EC2::FlowLog',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::LaunchTemplate',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::Route',
  'AWS::EC2::RouteTable',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::Subnet',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::VPC',
  'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EFS::AccessPoint',
  'AWS::EFS::MountTarget',
  'AWS::EKS::AccessEntry',
  'AWS::EKS::Addon',
  'AWS::EKS::PodIdentityAssociation',
  'AWS::Events::Rule',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::OIDCProvider',
  'AWS::IAM::Policy',
  'AWS::IAM::Role',
  'AWS::KMS::Alias',
  // Custom-resource handlers run at deploy time only: a few invocations a deployment (the default security group's
  // restriction, Session Manager's preferences), a negligible charge per request and GB-second.
  'AWS::Lambda::Function',
  'AWS::Lambda::Permission',
  // Billed per GB ingested and per GB-month stored (the estimate's usage prices): the trail's copy, flow logs, the
  // bastion's sessions and patching output, the preferences handler's logs.
  'AWS::Logs::LogGroup',
  'AWS::Logs::ResourcePolicy',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::SNS::Subscription',
  'AWS::SNS::Topic',
  'AWS::SNS::TopicInlinePolicy',
  'AWS::SNS::TopicPolicy',
  // Parts of a maintenance window, which the estimate shows as free; a task's own work is billed by its service (Run
  // Command: no charge; Automation, Lambda, Step Functions: by use).
  'AWS::SSM::MaintenanceWindowTarget',
  'AWS::SSM::MaintenanceWindowTask',
]);

/** Whether a resource type has no fixed monthly charge (custom resources, `Custom::*`, included). */
export function freeOrUsageOnly(type: string): boolean {
  return FREE_OR_USAGE_ONLY.has(type) || type.startsWith('Custom::');
}
