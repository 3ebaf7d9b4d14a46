import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { addBastionOperations } from './hand-written/bastion-operations';
import { addMonitoring } from './hand-written/monitoring';
import { addNetworkAcls } from './hand-written/network-acls';

/**
 * Flags `cdk init` writes into cdk.json that change what these L2s make. Both sides of the benchmark get them as app
 * context: the baseline pins the first three on its own scope anyway, and the last one lets the access-log bucket use a
 * bucket policy (as the baseline does) instead of an ACL, which a bucket with ACLs disabled refuses.
 */
export const CDK_INIT_FLAGS: Record<string, boolean> = {
  '@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId': true,
  '@aws-cdk/aws-efs:denyAnonymousAccess': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/**
 * The default NuminiaBaseline architecture written out with plain aws-cdk-lib L2s, the way a team would without the
 * library: no validation, no config resolution, no explicit subnet CIDRs (L2 subnets are allocated in sequence).
 * It makes the same resource types in the same counts as the default baseline, monitoring included (network ACLs in
 * hand-written/network-acls.ts, the bastion's patching and session logging in hand-written/bastion-operations.ts,
 * monitoring in hand-written/monitoring.ts), so that synth time and template weight
 * compare like for like; test/bench/like-for-like.test.ts fails when they differ.
 */
export function buildHandWrittenBaseline(scope: Construct, id: string, environment: string, project = 'numinia'): void {
  const root = new Construct(scope, id);
  const region = Stack.of(root).region;

  const key = (keyId: string, purpose: string) =>
    new kms.Key(root, keyId, {
      alias: `alias/${project}/${environment}/${purpose}`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  const eksKey = key('EksSecretsKey', 'eks-secrets');
  const efsKey = key('FileSystemKey', 'efs');
  const logsKey = key('LogsKey', 'logs');
  logsKey.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${region}.amazonaws.com`));
  logsKey.grant(new iam.ServicePrincipal('cloudtrail.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:DescribeKey');

  // Network: 6 subnets, 3 NAT gateways, the default security group's rules removed (a Lambda-backed custom resource).
  const natGatewayProvider = ec2.NatProvider.gateway();
  const vpcCidr = '10.0.0.0/16';
  const vpc = new ec2.Vpc(root, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(vpcCidr),
    availabilityZones: ['a', 'b', 'c'].map((suffix) => `${region}${suffix}`),
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
    ],
    natGateways: 3,
    natGatewayProvider,
    restrictDefaultSecurityGroup: true,
  });
  vpc.publicSubnets.forEach((subnet) => Tags.of(subnet).add('kubernetes.io/role/elb', '1'));
  vpc.privateSubnets.forEach((subnet) => Tags.of(subnet).add('kubernetes.io/role/internal-elb', '1'));
  vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });
  const endpointSg = new ec2.SecurityGroup(root, 'EndpointSecurityGroup', { vpc, allowAllOutbound: false });
  endpointSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443));
  const endpoints = ([['eks', ec2.InterfaceVpcEndpointAwsService.EKS], ['logs', ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS]] as const)
    .map(([label, service]) => ({
      label,
      serviceName: service.name,
      endpointId: vpc.addInterfaceEndpoint(`${label === 'eks' ? 'Eks' : 'Logs'}Endpoint`, { service, securityGroups: [endpointSg], open: false }).vpcEndpointId,
    }));
  addNetworkAcls(root, vpc, vpcCidr);
  const flowLogGroup = new logs.LogGroup(root, 'FlowLogGroup', {
    retention: logs.RetentionDays.ONE_MONTH,
    encryptionKey: logsKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup) });

  // Storage.
  const efsSg = new ec2.SecurityGroup(root, 'FileSystemSecurityGroup', { vpc, allowAllOutbound: false });
  efsSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(2049));
  const fileSystem = new efs.FileSystem(root, 'FileSystem', {
    vpc,
    securityGroup: efsSg,
    encrypted: true,
    kmsKey: efsKey,
    enableAutomaticBackups: true,
    allowAnonymousAccess: false,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  fileSystem.addToResourcePolicy(new iam.PolicyStatement({
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['*'],
    conditions: { Bool: { 'aws:SecureTransport': 'false' } },
  }));

  // Access: the bastion and the EFS CSI driver role.
  const bastionSg = new ec2.SecurityGroup(root, 'BastionSecurityGroup', { vpc, allowAllOutbound: false });
  bastionSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
  const bastion = new ec2.Instance(root, 'Bastion', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, onePerAz: true },
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    securityGroup: bastionSg,
    ssmSessionPermissions: true,
    httpTokens: ec2.HttpTokens.REQUIRED,
    detailedMonitoring: true,
    blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }) }],
  });
  bastion.addToRolePolicy(new iam.PolicyStatement({
    actions: ['eks:DescribeCluster', 'eks:ListClusters'],
    resources: ['*'],
  }));
  new cloudwatch.Alarm(root, 'BastionRecoveryAlarm', {
    metric: new cloudwatch.Metric({
      namespace: 'AWS/EC2',
      metricName: 'StatusCheckFailed_System',
      dimensionsMap: { InstanceId: bastion.instanceId },
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(1),
    }),
    threshold: 1,
    evaluationPeriods: 2,
  }).addAlarmAction(new cwActions.Ec2Action(cwActions.Ec2InstanceAction.RECOVER));
  addBastionOperations(root, { project, environment, region, bastion, logsKey });

  const csiRole = new iam.Role(root, 'EfsCsiDriverRole', {
    assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags(),
  });
  csiRole.addToPolicy(new iam.PolicyStatement({
    actions: ['elasticfilesystem:DescribeAccessPoints', 'elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:CreateAccessPoint',
      'elasticfilesystem:TagResource', 'elasticfilesystem:DeleteAccessPoint', 'ec2:DescribeAvailabilityZones'],
    resources: ['*'],
  }));

  // The CSI driver's node daemonset mounts with a role of its own, which needs no identity policy.
  const csiNodeRole = new iam.Role(root, 'EfsCsiNodeRole', {
    assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags(),
  });

  // Logging: the trail, its bucket and access-log bucket, its CloudWatch Logs copy.
  const hardened: s3.BucketProps = {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
  };
  const accessLogs = new s3.Bucket(root, 'AccessLogsBucket', { ...hardened, lifecycleRules: [{ expiration: Duration.days(365) }] });
  const trailBucket = new s3.Bucket(root, 'TrailBucket', {
    ...hardened,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: 'trail-bucket/',
    lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) }] }],
  });
  const trailLogGroup = new logs.LogGroup(root, 'TrailLogGroup', {
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: logsKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new cloudtrail.Trail(root, 'Trail', {
    bucket: trailBucket,
    encryptionKey: logsKey,
    isMultiRegionTrail: true,
    enableFileValidation: true,
    sendToCloudWatchLogs: true,
    cloudWatchLogGroup: trailLogGroup,
  });

  // Sharing: the outputs application repos read, under /<project>/<environment>/baseline/ as the baseline publishes them.
  const prefix = `/${project}/${environment}/baseline/`;
  const parameterId = (name: string) => name.replace(/\//g, '-');
  const parameters: Record<string, string> = {
    'vpc/id': vpc.vpcId,
    'vpc/cidr': vpcCidr,
    'kms/eks-secrets-key-arn': eksKey.keyArn,
    'kms/logs-key-arn': logsKey.keyArn,
    'kms/file-system-key-arn': efsKey.keyArn,
    'efs/file-system-id': fileSystem.fileSystemId,
    'efs/security-group-id': efsSg.securityGroupId,
    'iam/efs-csi-driver-role-arn': csiRole.roleArn,
    'iam/efs-csi-node-role-arn': csiNodeRole.roleArn,
    'iam/bastion-role-arn': bastion.role.roleArn,
    'bastion/instance-id': bastion.instanceId,
    'bastion/security-group-id': bastionSg.securityGroupId,
  };
  for (const [name, stringValue] of Object.entries(parameters)) {
    new ssm.StringParameter(root, parameterId(name), { parameterName: prefix + name, stringValue });
  }
  const lists: Record<string, string[]> = {
    'vpc/availability-zones': vpc.availabilityZones,
    'nat/public-ips': vpc.publicSubnets.map((s) => (s.node.findChild('EIP') as ec2.CfnEIP).ref),
    'subnets/public/ids': vpc.publicSubnets.map((s) => s.subnetId),
    'subnets/private/ids': vpc.privateSubnets.map((s) => s.subnetId),
    'route-tables/public/ids': vpc.publicSubnets.map((s) => s.routeTable.routeTableId),
    'route-tables/private/ids': vpc.privateSubnets.map((s) => s.routeTable.routeTableId),
  };
  for (const [name, stringListValue] of Object.entries(lists)) {
    new ssm.StringListParameter(root, parameterId(name), { parameterName: prefix + name, stringListValue });
  }

  addMonitoring(root, {
    project,
    environment,
    region,
    natGateways: natGatewayProvider.configuredGateways.map(({ az, gatewayId }) => ({ label: az, id: gatewayId })),
    endpoints,
    vpcId: vpc.vpcId,
    fileSystemId: fileSystem.fileSystemId,
    bastionInstanceId: bastion.instanceId,
    trailLogGroup,
  });

  Tags.of(root).add('Environment', environment);
  Tags.of(root).add('Project', project);
  Tags.of(root).add('ManagedBy', 'cdk');
}
