import { App, Duration, Lazy, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { CisVariant, FlowLogDestinations, NatGateways, NuminiaBaseline, NuminiaBaselineProps } from '../src';
import { baselineStack } from './util';

// A bare stack, not a baseline: the table is built when the file loads, and a baseline built then would run the code
// under test outside any test (a "static" mutant for StrykerJS, which then reruns every test for each).
const key = () => kms.Key.fromKeyArn(new Stack(), 'K', 'arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-3333-4444-555555555555');
const usKey = () => kms.Key.fromKeyArn(new Stack(), 'Us', 'arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555');
const topic = () => sns.Topic.fromTopicArn(new Stack(), 'T', 'arn:aws:sns:eu-west-1:111111111111:central-alerts');

/** Each invalid input, and a pattern its message must match (property, value, what is allowed). */
const INVALID_INPUTS: Array<[string, Partial<NuminiaBaselineProps>, RegExp]> = [
  ['environment is empty', { environment: '' }, /environment: got ""; expected 2-32 characters: lowercase letters/],
  ['environment has capitals', { environment: 'Production' }, /environment: got "Production"; expected/],
  ['environment has an underscore', { environment: 'prod_eu' }, /environment: got "prod_eu"/],
  ['environment is too long', { environment: 'p'.repeat(33) }, /environment: got "p{33}"/],
  ['environment is a token', { environment: Lazy.string({ produce: () => 'prod' }) }, /environment: got a token; .* must be a literal string/],
  ['project ends with a hyphen', { project: 'acme-' }, /project: got "acme-"; expected/],
  ['VPC CIDR is not CIDR notation', { network: { cidr: '10.0.0.0' } }, /network\.cidr: "10\.0\.0\.0" is not IPv4 CIDR notation/],
  ['VPC CIDR has an octet over 255', { network: { cidr: '10.0.256.0/16' } }, /network\.cidr: "10\.0\.256\.0\/16" has an octet outside 0-255/],
  ['VPC CIDR has host bits set', { network: { cidr: '10.0.1.0/16' } }, /network\.cidr: "10\.0\.1\.0\/16" has host bits set \(the network address of that block is 10\.0\.0\.0\/16\)/],
  ['VPC CIDR is too large', { network: { cidr: '10.0.0.0/8' } }, /network\.cidr: 10\.0\.0\.0\/8 has prefix \/8; AWS accepts \/16 to \/28/],
  ['VPC CIDR is too small', { network: { cidr: '10.0.0.0/29' } }, /network\.cidr: 10\.0\.0\.0\/29 has prefix \/29; AWS accepts \/16 to \/28/],
  ['a private subnet lies outside the VPC', { network: { privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24', '10.1.3.0/24'] } }, /network\.privateSubnetCidrs\[2\]: 10\.1\.3\.0\/24 lies outside the VPC CIDR 10\.0\.0\.0\/16/],
  ['two private subnets overlap', { network: { privateSubnetCidrs: ['10.0.1.0/24', '10.0.1.128/25', '10.0.3.0/24'] } }, /network\.privateSubnetCidrs\[1\]: 10\.0\.1\.128\/25 overlaps network\.privateSubnetCidrs\[0\] 10\.0\.1\.0\/24/],
  ['a public subnet overlaps a private one', { network: { publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.0.0/22'] } }, /network\.privateSubnetCidrs\[0\]: 10\.0\.1\.0\/24 overlaps network\.publicSubnetCidrs\[2\] 10\.0\.0\.0\/22/],
  ['a database subnet overlaps a public one', { network: { databaseSubnetCidrs: ['10.0.101.0/24', '10.0.202.0/24', '10.0.203.0/24'] } }, /network\.databaseSubnetCidrs\[0\]: 10\.0\.101\.0\/24 overlaps network\.publicSubnetCidrs\[0\]/],
  ['a subnet CIDR is malformed', { network: { publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', 'ten'] } }, /network\.publicSubnetCidrs\[2\]: "ten" is not IPv4 CIDR notation/],
  ['a subnet is smaller than /28', { network: { publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/30'] } }, /network\.publicSubnetCidrs\[2\]: 10\.0\.103\.0\/30 has prefix \/30; AWS accepts \/16 to \/28/],
  ['fewer private CIDRs than zones', { network: { privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24'] } }, /network\.privateSubnetCidrs: got 2 CIDRs for 3 availability zones \(eu-west-1a, eu-west-1b, eu-west-1c\); expected one per zone/],
  ['more public CIDRs than zones', { network: { availabilityZones: ['eu-west-1a', 'eu-west-1b'], privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24'] } }, /network\.publicSubnetCidrs: got 3 CIDRs for 2 availability zones/],
  ['database CIDRs do not match the zones', { network: { databaseSubnetCidrs: ['10.0.201.0/24'] } }, /network\.databaseSubnetCidrs: got 1 CIDRs for 3 availability zones/],
  ['no zones', { network: { availabilityZones: [] } }, /network\.availabilityZones: got \[\]; expected at least one zone/],
  ['a zone twice', { network: { availabilityZones: ['eu-west-1a', 'eu-west-1a', 'eu-west-1b'] } }, /network\.availabilityZones: got .*"eu-west-1a" appears twice/],
  ['an unknown NAT strategy', { network: { natGateways: 'TWO' as NatGateways } }, /network\.natGateways: got "TWO"; expected one of ONE_PER_AZ, SINGLE, NONE, REGIONAL/],
  ['the EKS endpoint listed again', { network: { additionalInterfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.EKS] } }, /network\.additionalInterfaceEndpoints: "eks" is always created/],
  ['an endpoint listed twice', { network: { additionalInterfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS, ec2.InterfaceVpcEndpointAwsService.STS] } }, /network\.additionalInterfaceEndpoints: "sts" is listed twice/],
  ['the S3 gateway endpoint listed again', { network: { additionalGatewayEndpoints: [ec2.GatewayVpcEndpointAwsService.S3] } }, /network\.additionalGatewayEndpoints: the S3 gateway endpoint is always created/],
  ['rotation below 90 days', { encryption: { rotationPeriod: Duration.days(30) } }, /encryption\.rotationPeriod: got 30 days; KMS accepts 90 to 2560 whole days/],
  ['rotation above 2560 days', { encryption: { rotationPeriod: Duration.days(3000) } }, /encryption\.rotationPeriod: got 3000 days; KMS accepts 90 to 2560/],
  ['rotation not in whole days', { encryption: { rotationPeriod: Duration.hours(2400 + 12) } }, /encryption\.rotationPeriod: got .*; KMS accepts 90 to 2560 whole days/],
  ['rotation with every key brought in and no alarm topic key', { encryption: { rotationPeriod: Duration.days(180), eksSecretsKey: key(), fileSystemKey: key(), logsKey: key() }, monitoring: { alarmTopic: topic() } }, /encryption\.rotationPeriod: every key is brought in/],
  ['a file-system key with the file system off', { fileSystem: { enabled: false }, encryption: { fileSystemKey: key() } }, /encryption\.fileSystemKey: given while fileSystem\.enabled is false/],
  ['file-system options with the file system off', { fileSystem: { enabled: false, performanceMode: efs.PerformanceMode.MAX_IO } }, /fileSystem\.enabled: false, yet fileSystem\.performanceMode is set/],
  ['provisioned throughput without a value', { fileSystem: { throughputMode: efs.ThroughputMode.PROVISIONED } }, /fileSystem\.provisionedThroughputPerSecond: required with throughputMode PROVISIONED/],
  ['a throughput value without provisioned mode', { fileSystem: { provisionedThroughputPerSecond: Size.mebibytes(10) } }, /fileSystem\.provisionedThroughputPerSecond: only applies with throughputMode PROVISIONED \(got bursting\)/],
  ['Max I/O with elastic throughput', { fileSystem: { performanceMode: efs.PerformanceMode.MAX_IO, throughputMode: efs.ThroughputMode.ELASTIC } }, /fileSystem\.performanceMode: MAX_IO cannot be combined with throughputMode ELASTIC/],
  ['bastion options with the bastion off', { bastion: { enabled: false, instanceType: new ec2.InstanceType('t3.large') } }, /bastion\.enabled: false, yet bastion\.instanceType is set/],
  ['no EKS cluster names', { bastion: { eksClusterNames: [] } }, /bastion\.eksClusterNames: got \[\]; expected at least one/],
  ['a malformed EKS cluster name', { bastion: { eksClusterNames: ['my cluster'] } }, /bastion\.eksClusterNames: "my cluster" is not an EKS cluster name or pattern/],
  ['a flow-log retention CloudWatch does not accept', { logging: { flowLogRetention: 45 as logs.RetentionDays } }, /logging\.flowLogRetention: got 45 days; CloudWatch Logs accepts 1, 3, 5, 7, 14, 30/],
  ['a trail log retention CloudWatch does not accept', { logging: { cloudTrail: { cloudWatchLogsRetention: 2 as logs.RetentionDays } } }, /logging\.cloudTrail\.cloudWatchLogsRetention: got 2 days/],
  ['trail options with the trail off', { logging: { cloudTrail: { enabled: false, expireAfter: Duration.days(400) } } }, /logging\.cloudTrail\.enabled: false, yet logging\.cloudTrail\.expireAfter is set/],
  ['a trail log retention without delivery', { logging: { cloudTrail: { sendToCloudWatchLogs: false, cloudWatchLogsRetention: logs.RetentionDays.ONE_YEAR } } }, /logging\.cloudTrail\.cloudWatchLogsRetention: set while sendToCloudWatchLogs is false/],
  ['trail expiry before the Glacier transition', { logging: { cloudTrail: { expireAfter: Duration.days(60) } } }, /logging\.cloudTrail\.expireAfter: got 60 days, not later than transitionToGlacierAfter \(90 days\)/],
  ['a zero-day Glacier transition', { logging: { cloudTrail: { transitionToGlacierAfter: Duration.days(0) } } }, /logging\.cloudTrail\.transitionToGlacierAfter: got 0 days?; expected a whole number of days, at least 1/],
  ['a reserved tag', { tags: { ManagedBy: 'terraform' } }, /tags\.ManagedBy: the baseline sets this tag itself/],
  ['an aws: tag', { tags: { 'aws:owner': 'me' } }, /tags\.aws:owner: keys starting with "aws:" are reserved by AWS/],
  ['monitoring options with monitoring off', { monitoring: { enabled: false, alarmEmails: ['ops@numinia.io'] } }, /monitoring\.enabled: false, yet monitoring\.alarmEmails is set/],
  ['an alarm e-mail that is not an address', { monitoring: { alarmEmails: ['ops@numinia.io, security@numinia.io'] } }, /monitoring\.alarmEmails: "ops@numinia\.io, security@numinia\.io" is not an e-mail address \(one address per entry\)/],
  ['an alarm e-mail listed twice', { monitoring: { alarmEmails: ['ops@numinia.io', 'OPS@numinia.io'] } }, /monitoring\.alarmEmails: "OPS@numinia\.io" is listed twice/],
  ['alarm e-mails with a topic brought in', { monitoring: { alarmTopic: topic(), alarmEmails: ['ops@numinia.io'] } }, /monitoring\.alarmEmails: given together with alarmTopic/],
  ['an unknown CIS variant', { monitoring: { cisVariant: 'CIS_V9' as CisVariant } }, /monitoring\.cisVariant: got "CIS_V9"; expected one of SECURITY_HUB, CIS_V3/],
  ['a CIS variant with the CIS alarms off', { monitoring: { cisAlarms: false, cisVariant: CisVariant.CIS_V3 } }, /monitoring\.cisAlarms: false, yet monitoring\.cisVariant set/],
  ['CIS alarms without the trail\'s CloudWatch Logs copy', { logging: { cloudTrail: { enabled: false } }, monitoring: { cisAlarms: true } }, /monitoring\.cisAlarms: true, but the trail does not deliver to CloudWatch Logs/],
  ['an unauthorized-calls threshold of 0', { monitoring: { unauthorizedApiCallsThreshold: 0 } }, /monitoring\.unauthorizedApiCallsThreshold: got 0; expected a whole number, at least 1/],
  ['a fractional endpoint threshold', { monitoring: { endpointPacketsDroppedThreshold: 1.5 } }, /monitoring\.endpointPacketsDroppedThreshold: got 1\.5; expected a whole number, at least 1/],
  ['a NAT drop share of 0 %', { monitoring: { natPacketDropPercentThreshold: 0 } }, /monitoring\.natPacketDropPercentThreshold: got 0; expected a percentage above 0 and at most 100/],
  ['an EFS I/O limit over 100 %', { monitoring: { efsPercentIoLimitThreshold: 150 } }, /monitoring\.efsPercentIoLimitThreshold: got 150; expected a percentage above 0 and at most 100/],
  ['a threshold with the operational alarms off', { monitoring: { operationalAlarms: false, natPortAllocationErrorsThreshold: 5 } }, /monitoring\.operationalAlarms: false, yet monitoring\.natPortAllocationErrorsThreshold set/],
  ['a NAT threshold without NAT gateways', { network: { natGateways: NatGateways.NONE }, monitoring: { natPacketDropPercentThreshold: 1 } }, /monitoring\.natPacketDropPercentThreshold: set, but network\.natGateways is NONE/],
  ['a burst-credit threshold with Elastic throughput', { fileSystem: { throughputMode: efs.ThroughputMode.ELASTIC }, monitoring: { efsBurstCreditBalanceThreshold: Size.gibibytes(100) } }, /monitoring\.efsBurstCreditBalanceThreshold: set, but the file system's throughput mode is elastic; only BURSTING has burst credits/],
  ['an I/O-limit threshold with Max I/O', { fileSystem: { performanceMode: efs.PerformanceMode.MAX_IO }, monitoring: { efsPercentIoLimitThreshold: 90 } }, /monitoring\.efsPercentIoLimitThreshold: set, but the file system's performance mode is maxIO; only GENERAL_PURPOSE publishes PercentIOLimit/],
  ['an EFS threshold without a file system', { fileSystem: { enabled: false }, monitoring: { efsPercentIoLimitThreshold: 90 } }, /monitoring\.efsPercentIoLimitThreshold: set, but there is no file system/],
  ['a trail-delivery threshold without delivery', { logging: { cloudTrail: { sendToCloudWatchLogs: false } }, monitoring: { trailMinimumIncomingEventsPerHour: 5 } }, /monitoring\.trailMinimumIncomingEventsPerHour: set, but the trail does not deliver to CloudWatch Logs/],
  ['a tag value over 256 characters', { tags: { Owner: 'x'.repeat(257) } }, /tags\.Owner: got "x{257}"; expected a string of at most 256 characters/],
  ['a zone of another region', { network: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'us-east-1c'] } }, /network\.availabilityZones\[2\]: us-east-1c is not a zone of the stack's region eu-west-1; expected eu-west-1a, eu-west-1b, \.\.\./],
  ['a zone name that is not <region><letter>', { network: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'euw1-az3'] } }, /network\.availabilityZones\[2\]: "euw1-az3" is not an availability zone name; expected <region><letter>, such as eu-west-1a/],
  // eu-west-1 has zones a, b and c (AWS documentation, "Regions and Zones"): refused in an account-agnostic stack, where
  // aws-cdk-lib looks no zone up and CloudFormation would fail at CreateSubnet.
  ['a zone its region does not have', { network: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1x'] } }, /network\.availabilityZones\[2\]: eu-west-1x is not an availability zone of eu-west-1, which has eu-west-1a, eu-west-1b, eu-west-1c$/m],
  ['an inbound port of the private tier that is SSH', { network: { privateTierInboundPorts: [ec2.Port.tcp(443), ec2.Port.tcp(22)] } }, /network\.privateTierInboundPorts\[1\]: 22 covers remote administration \(port 22\), which the ACLs never allow from the internet \(Security Hub EC2\.21\)/],
  ['an inbound range of the private tier that covers RDP', { network: { privateTierInboundPorts: [ec2.Port.tcpRange(3000, 4000)] } }, /network\.privateTierInboundPorts\[0\]: 3000-4000 covers remote administration \(port 3389\)/],
  ['every TCP port for the private tier', { network: { privateTierInboundPorts: [ec2.Port.allTcp()] } }, /network\.privateTierInboundPorts\[0\]: ALL PORTS covers remote administration \(port 22 and 3389\)/],
  ['ICMP as an inbound port of the private tier', { network: { privateTierInboundPorts: [ec2.Port.allIcmp()] } }, /network\.privateTierInboundPorts\[0\]: ALL ICMP is not a TCP or UDP port or range/],
  ['all traffic as an inbound port of the private tier', { network: { privateTierInboundPorts: [ec2.Port.allTraffic()] } }, /network\.privateTierInboundPorts\[0\]: ALL TRAFFIC is not a TCP or UDP port or range/],
  ['eleven inbound ports for the private tier', { network: { privateTierInboundPorts: Array.from({ length: 11 }, (_, i) => ec2.Port.tcp(8000 + i)) } }, /network\.privateTierInboundPorts: got 11 ports; the private tier's ACL has 10 inbound rules of its own and AWS allows 20 by default, so at most 10/],
  ['inbound ports for the private tier without network ACLs', { network: { networkAcls: false, privateTierInboundPorts: [ec2.Port.tcp(443)] } }, /network\.privateTierInboundPorts: given, but network\.networkAcls is false/],
  ['a region name given as a zone', { network: { availabilityZones: ['eu-west-1', 'eu-west-1b', 'eu-west-1c'] } }, /network\.availabilityZones\[0\]: "eu-west-1" is not an availability zone name/],
  ['NFS open to every IPv4 address', { fileSystem: { allowedPeers: [ec2.Peer.anyIpv4()] } }, /fileSystem\.allowedPeers\[0\]: 0\.0\.0\.0\/0 would open NFS to every address; expected the CIDRs or security groups of the clients/],
  ['NFS open to every IPv6 address', { fileSystem: { allowedPeers: [ec2.Peer.ipv4('10.0.1.0/24'), ec2.Peer.anyIpv6()] } }, /fileSystem\.allowedPeers\[1\]: ::\/0 would open NFS to every address/],
  ['the database tier reaching NFS without a database tier', { fileSystem: { allowFromDatabaseTier: true } }, /fileSystem\.allowFromDatabaseTier: true, but there is no database tier/],
  ['the database tier reaching NFS besides explicit peers', { network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] }, fileSystem: { allowFromDatabaseTier: true, allowedPeers: [ec2.Peer.ipv4('10.0.1.0/24')] } }, /fileSystem\.allowFromDatabaseTier: set together with allowedPeers/],
  ['a parameter prefix under /aws', { sharing: { parameterPrefix: '/aws/numinia/' } }, /sharing\.parameterPrefix: got "\/aws\/numinia\/"; names under \/aws and \/ssm are reserved by Systems Manager/],
  ['a parameter prefix under /SSM', { sharing: { parameterPrefix: '/SSM/' } }, /sharing\.parameterPrefix: got "\/SSM\/"; names under \/aws and \/ssm are reserved/],
  ['a brought-in key of another region', { encryption: { logsKey: kms.Key.fromKeyArn(new Stack(), 'Us', 'arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555') } }, /encryption\.logsKey: the key is in us-east-1, the stack in eu-west-1; KMS keys serve their own region only/],
  ['the bastion in the public subnets', { bastion: { vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } } }, /bastion\.vpcSubnets: selects a public subnet; nothing there gets a public address/],
  ['the bastion without SSM endpoints and without NAT', { network: { natGateways: NatGateways.NONE }, bastion: { ssmEndpoints: false } }, /bastion\.ssmEndpoints: false, but without NAT the bastion can reach Systems Manager only through the SSM endpoints/],
  ['the bastion without SSM endpoints in the database tier', { network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] }, bastion: { ssmEndpoints: false, vpcSubnets: { subnetGroupName: 'Database' } } }, /bastion\.ssmEndpoints: false, but in the database tier the bastion can reach Systems Manager only through the SSM endpoints/],
  ['an x86_64 image on a Graviton instance type', { bastion: { instanceType: new ec2.InstanceType('t4g.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.X86_64 }) } }, /bastion\.machineImage: an x86_64 Amazon Linux image cannot boot on bastion\.instanceType t4g\.micro \(arm64\)/],
  ['an arm64 image on an Intel instance type', { bastion: { machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }) } }, /bastion\.machineImage: an arm64 Amazon Linux image cannot boot on bastion\.instanceType t3\.micro \(x86_64\)/],
  ['a reserved tag on a subnet tier', { network: { privateSubnetTags: { Environment: 'x' } } }, /network\.privateSubnetTags\.Environment: the baseline sets this tag itself/],
  ['an aws: tag on a subnet tier', { network: { publicSubnetTags: { 'aws:x': 'y' } } }, /network\.publicSubnetTags\.aws:x: keys starting with "aws:" are reserved by AWS/],
  ['database subnet tags without a database tier', { network: { databaseSubnetTags: { Tier: 'data' } } }, /network\.databaseSubnetTags: given, but there is no database tier/],
  ['an unknown flow-log destination', { logging: { flowLogDestinations: 'KINESIS' as FlowLogDestinations } }, /logging\.flowLogDestinations: got "KINESIS"; expected one of CLOUDWATCH_LOGS, S3, CLOUDWATCH_LOGS_AND_S3/],
  ['an empty flow-log format', { logging: { flowLogFormat: [] } }, /logging\.flowLogFormat: got \[\]; expected at least one field/],
  ['an endpoint preset that is not one', { network: { interfaceEndpointPresets: [{ name: 'x', services: [] } as any] } }, /network\.interfaceEndpointPresets\[0\]: got .*; expected an InterfaceEndpointPreset/],
  ['an endpoint preset given by its name', { network: { interfaceEndpointPresets: ['PRIVATE_EKS' as any] } }, /network\.interfaceEndpointPresets\[0\]: got "PRIVATE_EKS"; expected an InterfaceEndpointPreset/],
];

/**
 * Each limit from both sides: the last value AWS (or the baseline) accepts synthesizes, the first it refuses fails with
 * a message naming the property. The limits are AWS's: KMS rotation 90-2560 days; tags 1-128 character keys and
 * values of at most 256; VPC and subnet prefixes /16 to /28; names 2-32 characters.
 */
const LIMITS: Array<[string, Partial<NuminiaBaselineProps>, RegExp | undefined]> = [
  ['rotation of 90 days', { encryption: { rotationPeriod: Duration.days(90) } }, undefined],
  ['rotation of 89 days', { encryption: { rotationPeriod: Duration.days(89) } }, /encryption\.rotationPeriod: got 89 days/],
  ['rotation of 2560 days', { encryption: { rotationPeriod: Duration.days(2560) } }, undefined],
  ['rotation of 2561 days', { encryption: { rotationPeriod: Duration.days(2561) } }, /encryption\.rotationPeriod: got 2561 days/],
  ['a tag value of 256 characters', { tags: { Owner: 'x'.repeat(256) } }, undefined],
  ['a tag value of 257 characters', { tags: { Owner: 'x'.repeat(257) } }, /tags\.Owner: got "x{257}"/],
  ['a tag key of 128 characters', { tags: { ['k'.repeat(128)]: 'v' } }, undefined],
  ['a tag key of 129 characters', { tags: { ['k'.repeat(129)]: 'v' } }, /tags: key "k{129}" has 129 characters; expected 1-128/],
  ['an empty tag key', { tags: { '': 'v' } }, /tags: key "" has 0 characters; expected 1-128/],
  ['an empty tag value', { tags: { Owner: '' } }, undefined],
  ['a tag key with aws in the middle', { tags: { 'my-aws:owner': 'me' } }, undefined],
  ['an upper-case AWS: tag key', { tags: { 'AWS:owner': 'me' } }, /tags\.AWS:owner: keys starting with "aws:" are reserved/],
  ['a subnet of /28', { network: { publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/28'] } }, undefined],
  ['a subnet of /29', { network: { publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/29'] } }, /network\.publicSubnetCidrs\[2\]: 10\.0\.103\.0\/29 has prefix \/29; AWS accepts \/16 to \/28/],
  ['a subnet of /16 (the whole VPC) overlaps the others', { network: { publicSubnetCidrs: ['10.0.0.0/16', '10.0.102.0/24', '10.0.103.0/24'] } }, /network\.publicSubnetCidrs\[0\]: 10\.0\.0\.0\/16 overlaps|overlaps network\.publicSubnetCidrs\[0\] 10\.0\.0\.0\/16/],
  ['a subnet of /15', { network: { publicSubnetCidrs: ['10.0.0.0/15', '10.0.102.0/24', '10.0.103.0/24'] } }, /network\.publicSubnetCidrs\[0\]: 10\.0\.0\.0\/15 has prefix \/15; AWS accepts \/16 to \/28/],
  ['a VPC of /15', { network: { cidr: '10.0.0.0/15' } }, /network\.cidr: 10\.0\.0\.0\/15 has prefix \/15/],
  ['a subnet just below the VPC', { network: { cidr: '10.1.0.0/16', privateSubnetCidrs: ['10.0.255.0/24', '10.1.2.0/24', '10.1.3.0/24'], publicSubnetCidrs: ['10.1.101.0/24', '10.1.102.0/24', '10.1.103.0/24'] } }, /network\.privateSubnetCidrs\[0\]: 10\.0\.255\.0\/24 lies outside the VPC CIDR 10\.1\.0\.0\/16/],
  ['a subnet just above the VPC', { network: { cidr: '10.1.0.0/16', privateSubnetCidrs: ['10.1.1.0/24', '10.1.2.0/24', '10.2.0.0/24'], publicSubnetCidrs: ['10.1.101.0/24', '10.1.102.0/24', '10.1.103.0/24'] } }, /network\.privateSubnetCidrs\[2\]: 10\.2\.0\.0\/24 lies outside the VPC CIDR 10\.1\.0\.0\/16/],
  ['subnets at the first and last block of the VPC', { network: { cidr: '10.1.0.0/16', privateSubnetCidrs: ['10.1.0.0/24', '10.1.2.0/24', '10.1.255.0/24'], publicSubnetCidrs: ['10.1.101.0/24', '10.1.102.0/24', '10.1.103.0/24'] } }, undefined],
  ['an environment of 2 characters', { environment: 'pr' }, undefined],
  ['an environment of 1 character', { environment: 'p' }, /environment: got "p"; expected 2-32 characters/],
  ['an environment of 32 characters', { environment: 'p'.repeat(32) }, undefined],
  ['a project with a digit and a hyphen inside', { project: 'a1-b' }, undefined],
  ['a project starting with a digit', { project: '1acme' }, /project: got "1acme"; expected/],
  ['a project with a capital inside', { project: 'acMe' }, /project: got "acMe"; expected/],
  // Keys brought in: rotation applies to whatever key the baseline still creates (the file system's, the alarm topic's).
  ['rotation with every key brought in and the alarm topic key created', { encryption: { rotationPeriod: Duration.days(180), eksSecretsKey: key(), fileSystemKey: key(), logsKey: key() } }, undefined],
  ['rotation with the EKS and logs keys brought in (the file system key is created)', { encryption: { rotationPeriod: Duration.days(180), eksSecretsKey: key(), logsKey: key() }, monitoring: { enabled: false } }, undefined],
  ['rotation with the EKS and file-system keys brought in (the logs key is created)', { encryption: { rotationPeriod: Duration.days(180), eksSecretsKey: key(), fileSystemKey: key() }, monitoring: { enabled: false } }, undefined],
  ['rotation with the EKS and logs keys brought in, no file system, no monitoring', { fileSystem: { enabled: false }, encryption: { rotationPeriod: Duration.days(180), eksSecretsKey: key(), logsKey: key() }, monitoring: { enabled: false } }, /^Invalid NuminiaBaseline props \(1 problem\):\n {2}- encryption\.rotationPeriod: every key is brought in \(eksSecretsKey, fileSystemKey, logsKey\), so no key is created for it to apply to; set rotation on your own keys and remove rotationPeriod$/],
  ['every key brought in from the stack\'s region', { encryption: { eksSecretsKey: key(), fileSystemKey: key(), logsKey: key() } }, undefined],
  ['an EKS secrets key of another region', { encryption: { eksSecretsKey: usKey() } }, /encryption\.eksSecretsKey: the key is in us-east-1, the stack in eu-west-1/],
  ['a file-system key of another region', { encryption: { fileSystemKey: usKey() } }, /encryption\.fileSystemKey: the key is in us-east-1, the stack in eu-west-1/],
  ['a rotation period that is not whole days is one problem', { encryption: { rotationPeriod: Duration.hours(2400 + 12) } }, /^Invalid NuminiaBaseline props \(1 problem\):\n {2}- encryption\.rotationPeriod: got [^\n]*$/],
  // Other areas' checks take the configuration's context: each true case synthesizes.
  ['the file system reached from an existing database tier', { network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] }, fileSystem: { allowFromDatabaseTier: true } }, undefined],
  ['CIS alarms asked for with the trail delivering', { monitoring: { cisAlarms: true } }, undefined],
  ['a NAT threshold with NAT gateways', { monitoring: { natPortAllocationErrorsThreshold: 5, natPacketDropPercentThreshold: 2 } }, undefined],
  ['a bad database subnet tag', { network: { databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'], databaseSubnetTags: { 'aws:tier': 'x' } } }, /network\.databaseSubnetTags\.aws:tier: keys starting with "aws:" are reserved/],
  ['an environment that is a list', { environment: ['production'] as any }, /environment: got \["production"\]; expected 2-32 characters/],
  ['a tag value that is a number', { tags: { Owner: 5 as any } }, /tags\.Owner: got 5; expected a string of at most 256 characters/],
  ['rotation with the file-system and logs keys brought in (the EKS key is created)', { encryption: { rotationPeriod: Duration.days(180), fileSystemKey: key(), logsKey: key() }, monitoring: { enabled: false } }, undefined],
  ['an environment that is a list token', { environment: Lazy.list({ produce: () => ['production'] }) as any }, /environment: got \[".*"\]; expected 2-32 characters/],
];

describe('validation', () => {
  test(`covers ${INVALID_INPUTS.length} invalid inputs`, () => {
    expect(INVALID_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(INVALID_INPUTS)('fails when %s', (_name, props, message) => {
    expect(() => baselineStack(props)).toThrow(message);
  });

  test.each(LIMITS)('at the limit: %s', (_name, props, message) => {
    if (message === undefined) {
      expect(() => baselineStack(props)).not.toThrow();
    } else {
      expect(() => baselineStack(props)).toThrow(message);
    }
  });

  test('a token rotation period is left to kms.Key: the baseline reports nothing about it', () => {
    let message = '';
    try {
      baselineStack({ encryption: { rotationPeriod: Duration.days(Lazy.number({ produce: () => 365 })) } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toMatch(/encryption\.rotationPeriod/);
  });

  test('fails for an environment-agnostic stack without explicit zones', () => {
    expect(() => baselineStack({}, { region: null })).toThrow(
      /network\.availabilityZones: the stack has no concrete region, so the zones cannot be derived .* set env\.region on the stack or list the zones explicitly/,
    );
  });

  test('an environment-agnostic stack with explicit zones synthesizes', () => {
    expect(() => baselineStack({ network: { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] } }, { region: null })).not.toThrow();
  });

  test('reports every problem at once, one line each, with a count', () => {
    let message = '';
    try {
      baselineStack({ environment: 'Prod', network: { cidr: '10.0.0.0/8' }, encryption: { rotationPeriod: Duration.days(1) } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid NuminiaBaseline props \(3 problems\):/);
    expect(message.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.split(':')[0])).toEqual([
      '  - environment',
      '  - network.cidr',
      '  - encryption.rotationPeriod',
    ]);
  });

  test('fails when two baselines of one project and environment share an account and region', () => {
    const { app } = baselineStack();
    const other = new Stack(app, 'Other', { env: { region: 'eu-west-1' } });
    expect(() => new NuminiaBaseline(other, 'Baseline', { environment: 'production' })).toThrow(
      /project\/environment: numinia\/production is already used by the baseline at TestStack\/Baseline in the same account and region \(unknown\/eu-west-1\)/,
    );
    // Another region, another environment or another account is another identity.
    expect(() => new NuminiaBaseline(new Stack(app, 'Us', { env: { region: 'us-east-1' } }), 'Baseline', { environment: 'production' })).not.toThrow();
    expect(() => new NuminiaBaseline(new Stack(app, 'Staging', { env: { region: 'eu-west-1' } }), 'Baseline', { environment: 'staging' })).not.toThrow();
    const account = (id: string, a: string) => new Stack(app, id, { env: { region: 'eu-west-1', account: a } });
    new NuminiaBaseline(account('A', '111111111111'), 'Baseline', { environment: 'shared', network: { availabilityZones: ['eu-west-1a'], publicSubnetCidrs: ['10.0.101.0/24'], privateSubnetCidrs: ['10.0.1.0/24'] } });
    expect(() => new NuminiaBaseline(account('B', '222222222222'), 'Baseline', { environment: 'shared', network: { availabilityZones: ['eu-west-1a'], publicSubnetCidrs: ['10.0.101.0/24'], privateSubnetCidrs: ['10.0.1.0/24'] } })).not.toThrow();
  });

  test('warns, without failing, when NFS reaches beyond the VPC or the cluster names match every cluster', () => {
    const { stack } = baselineStack({ fileSystem: { allowedPeers: [ec2.Peer.ipv4('192.168.0.0/16')] }, bastion: { eksClusterNames: ['*'] } });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/fileSystem\.allowedPeers\[0\]: 192\.168\.0\.0\/16 reaches beyond the VPC \(10\.0\.0\.0\/16\).*\[ack: @numinia\/cdk-baseline:nfsPeerOutsideVpc\]/),
      expect.stringMatching(/bastion\.eksClusterNames: "\*" matches every EKS cluster of the account and region.*\[ack: @numinia\/cdk-baseline:clusterNamesMatchAll\]/),
    ]));
    // (with a subscriber, so that the topic's own warning stays out of it)
    const quiet = Annotations.fromStack(baselineStack({ fileSystem: { allowedPeers: [ec2.Peer.ipv4('10.0.1.0/24')] }, monitoring: { alarmEmails: ['ops@numinia.io'] } }).stack);
    expect(quiet.findWarning('*', Match.stringLikeRegexp('numinia'))).toEqual([]);
  });

  test('the import checks environment, project and parameter prefix as the baseline does', () => {
    const stack = new Stack(new App(), 'Application', { env: { region: 'eu-west-1' } });
    expect(() => NuminiaBaseline.fromParameters(stack, 'Bad', { environment: 'Prod', project: 'a_b', parameterPrefix: '/ssm/x/' })).toThrow(
      /Invalid ImportBaselineProps \(3 problems\):\n {2}- environment: got "Prod"[^\n]*\n {2}- project: got "a_b"[^\n]*\n {2}- parameterPrefix: got "\/ssm\/x\/"; names under \/aws and \/ssm are reserved/,
    );
  });

  test('tokens are not rejected: token CIDRs and tag values synthesize (a token rotation period is refused by kms.Key itself)', () => {
    const token = (value: string) => Lazy.string({ produce: () => value });
    const { stack } = baselineStack({
      network: {
        cidr: token('10.0.0.0/16'),
        privateSubnetCidrs: ['10.0.1.0/24', token('10.0.2.0/24'), '10.0.3.0/24'],
      },
      tags: { CostCentre: token('cc-1') },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: '10.0.2.0/24' });
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
  });
});
