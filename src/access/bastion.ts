import { Aws, Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { BastionConfig } from './bastion-config';
import { BastionPatching } from './bastion-patching';
import { amazonLinuxArchitecture } from './bastion-placement';
import { SessionLogging } from './session-logging';
import { claimSessionPreferences } from './session-preferences';
import { acceptFinding, INLINE_POLICY_REASON, inEveryPack } from '../private/compliance';
import { BASTION_ROOT_VOLUME_GIB } from '../private/defaults';
import { AWS_CUSTOM_RESOURCE_SINGLETON } from '../private/stack-level-resources';

export interface BastionAreaProps {
  readonly config: BastionConfig;
  readonly vpc: ec2.IVpc;
  /**
   * The interface endpoints' security group, when the bastion reaches Systems Manager through the SSM endpoints:
   * its HTTPS egress then goes there only.
   */
  readonly ssmEndpointsSecurityGroup?: ec2.ISecurityGroup;
  /**
   * The template carries no file asset (a StackSet's), so the S3 prefix list cannot be looked up: the bastion's S3
   * egress is then HTTPS to any address, which only a VPC without NAT may have (its routes lead nowhere else).
   */
  readonly withoutAssets?: boolean;
  /** Encrypts the log groups of patching output and session output, and (when asked) session data. */
  readonly logsKey: kms.IKey;
  /** The logs key's alias, when the baseline made the key. */
  readonly logsKeyAlias?: string;
  /** Names the baseline in descriptions (`<project> <environment>`). */
  readonly description: string;
}

/**
 * The bastion: reached through SSM Session Manager only (no inbound rule, no key pair, no public address),
 * IMDSv2, encrypted root volume, recovered automatically when its host fails.
 */
export class Bastion extends Construct {
  public readonly instance: ec2.Instance;
  public readonly role: iam.Role;
  public readonly securityGroup: ec2.SecurityGroup;
  public readonly recoveryAlarm: cloudwatch.Alarm;
  /** Patch Manager's patching, when it is on and the image's operating system is known. */
  public readonly patching?: BastionPatching;
  /** Session Manager's logging, when it is on. */
  public readonly sessionLogging?: SessionLogging;

  constructor(scope: Construct, id: string, props: BastionAreaProps) {
    const { config, vpc, ssmEndpointsSecurityGroup, withoutAssets, logsKey } = props;
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      description: 'Bastion: SSM Session Manager and read-only access to the project EKS clusters',
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [
        // By ARN with the partition pseudo-parameter, so the template does not depend on the consumer's flags.
        iam.ManagedPolicy.fromManagedPolicyArn(this, 'SsmManagedInstanceCore', `arn:${Aws.PARTITION}:iam::aws:policy/AmazonSSMManagedInstanceCore`),
      ],
    });
    const clusterArns = config.eksClusterNames.map((name) => `arn:${Aws.PARTITION}:eks:${Aws.REGION}:${Aws.ACCOUNT_ID}:cluster/${name}`);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'DescribeProjectClusters',
        actions: ['eks:DescribeCluster', 'eks:ListAddons', 'eks:ListFargateProfiles', 'eks:ListNodegroups'],
        resources: clusterArns,
      }),
    );
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ListClusters',
        actions: ['eks:ListClusters'],
        // eks:ListClusters has no resource type: AWS only grants it on "*".
        resources: ['*'],
      }),
    );

    acceptFinding(this.role, ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]'],
      'AmazonSSMManagedInstanceCore is the AWS-maintained minimum for SSM Session Manager and patching (the only way ' +
        'in to this bastion); AWS updates it as the SSM agent needs change.');
    acceptFinding(this.role, [
      'AwsSolutions-IAM5[Resource::*]',
      // cdk-nag names a wildcard finding after the resource as written in the template.
      ...config.eksClusterNames.filter((name) => name.includes('*')).map((name) =>
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:eks:<AWS::Region>:<AWS::AccountId>:cluster/${name}]`),
    ], 'eks:ListClusters has no resource type, so AWS only grants it on "*"; describe actions are limited to the ' +
      'project\'s clusters by name (a name pattern covers clusters created later by application repos).');
    acceptFinding(this.role, inEveryPack('IAMNoInlinePolicy'), INLINE_POLICY_REASON);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'Bastion: no inbound rule (SSM Session Manager only); HTTPS out',
      allowAllOutbound: false,
    });
    if (ssmEndpointsSecurityGroup) {
      // Session Manager through the SSM endpoints, and S3 through the gateway endpoint (package repositories, patches,
      // SSM agent updates): nothing else needs to leave the VPC.
      this.securityGroup.addEgressRule(ec2.Peer.securityGroupId(ssmEndpointsSecurityGroup.securityGroupId), ec2.Port.tcp(443),
        'HTTPS to the VPC endpoints (Session Manager, EKS, CloudWatch Logs)');
      this.securityGroup.addEgressRule(withoutAssets ? ec2.Peer.anyIpv4() : ec2.Peer.prefixList(s3PrefixListId(this)), ec2.Port.tcp(443),
        'HTTPS to S3 through the gateway endpoint (packages, patches, SSM agent updates)');
    } else {
      // Session Manager through NAT: its public endpoints have no fixed addresses and no managed prefix list, so
      // HTTPS must be open to any address (the agent connects out; nothing comes in).
      this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to SSM, EKS and package repositories');
    }

    this.instance = new ec2.Instance(this, 'Instance', {
      vpc,
      vpcSubnets: config.vpcSubnets,
      instanceType: config.instanceType,
      machineImage: config.machineImage,
      role: this.role,
      securityGroup: this.securityGroup,
      // IMDSv2 set on the instance itself: `requireImdsv2` would add a launch template with a fixed name.
      httpTokens: ec2.HttpTokens.REQUIRED,
      httpEndpoint: true,
      httpPutResponseHopLimit: 1,
      detailedMonitoring: true,
      blockDevices: [
        {
          deviceName: config.rootDeviceName,
          volume: ec2.BlockDeviceVolume.ebs(BASTION_ROOT_VOLUME_GIB, {
            encrypted: true,
            volumeType: ec2.EbsDeviceVolumeType.GP3,
            deleteOnTermination: true,
          }),
        },
      ],
      propagateTagsToVolumeOnCreation: true,
    });

    refuseArchitectureMismatch(this.instance, config.instanceType);

    acceptFinding(this.instance, ['AwsSolutions-EC29'],
      'The bastion holds no data and is replaced by design (a new image replaces it); termination protection would ' +
        'make such updates fail. Auto recovery keeps it available when its host fails.');

    // EC2 auto recovery: move the instance to healthy hardware when the host fails its system status check.
    this.recoveryAlarm = new cloudwatch.Alarm(this, 'RecoveryAlarm', {
      alarmDescription: 'Recovers the bastion when its host fails the system status check',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/EC2',
        metricName: 'StatusCheckFailed_System',
        dimensionsMap: { InstanceId: this.instance.instanceId },
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(1),
      }),
      threshold: 1,
      evaluationPeriods: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });
    this.recoveryAlarm.addAlarmAction(new cwActions.Ec2Action(cwActions.Ec2InstanceAction.RECOVER));

    const operatingSystem = config.patching?.operatingSystem;
    if (config.patching && operatingSystem) {
      this.patching = new BastionPatching(this, 'Patching', { config: config.patching, operatingSystem, instance: this.instance, role: this.role, key: logsKey });
    }
    const sessions = config.sessionLogging;
    if (sessions) {
      const decision = claimSessionPreferences(scope, sessions.holdPreferences, {
        logGroupName: sessions.logGroupName,
        encryptSessionData: sessions.encryptSessionData,
        keyAlias: props.logsKeyAlias,
      });
      this.sessionLogging = new SessionLogging(this, 'SessionLogging', {
        config: sessions, decision, role: this.role, key: logsKey, description: `Session Manager preferences of ${props.description} (numinia-baseline)`,
      });
    }
  }
}

/**
 * The ID of the region's AWS-managed S3 prefix list (`com.amazonaws.<region>.s3`), which a security group rule needs to
 * reach S3 through a gateway endpoint. CloudFormation returns no prefix list from a gateway endpoint
 * (cloudformation-coverage-roadmap#453) and the IDs differ per region, so it is read at deploy time with
 * ec2:DescribeManagedPrefixLists (aws-cdk-lib's AwsCustomResource): no credentials at synth time, never a stale table.
 */
function s3PrefixListId(scope: Construct): string {
  const lookup = new cr.AwsCustomResource(scope, 'S3PrefixList', {
    onUpdate: {
      service: 'EC2',
      action: 'describeManagedPrefixLists',
      parameters: { Filters: [{ Name: 'prefix-list-name', Values: [`com.amazonaws.${Aws.REGION}.s3`] }] },
      physicalResourceId: cr.PhysicalResourceId.of(`com.amazonaws.${Aws.REGION}.s3`),
      outputPaths: ['PrefixLists.0.PrefixListId'],
    },
    // ec2:DescribeManagedPrefixLists has no resource type: AWS only grants it on "*".
    policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    installLatestAwsSdk: false,
  });
  acceptFinding(lookup, ['AwsSolutions-IAM5[Resource::*]', ...inEveryPack('IAMNoInlinePolicy')],
    'ec2:DescribeManagedPrefixLists has no resource type, so AWS only grants it on "*"; the read-only policy belongs to ' +
      'the one custom resource that reads the S3 prefix list ID, and is deleted with it.');
  const handler = Stack.of(scope).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON);
  if (handler) {
    acceptFinding(handler, [
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...inEveryPack('LambdaInsideVPC'),
      ...inEveryPack('LambdaConcurrency', ['NIST.800.53.R5', 'HIPAA.Security']),
      ...inEveryPack('LambdaDLQ', ['NIST.800.53.R5', 'HIPAA.Security']),
    ], 'aws-cdk-lib\'s AwsCustomResource handler: CloudFormation invokes it synchronously, only while the stack deploys, ' +
      'and fails the deployment if it fails (no queue or concurrency limit has anything to hold); it calls only the EC2 ' +
      'API, from outside the VPC, which may have no route to it; AWSLambdaBasicExecutionRole only lets it write its logs.');
  }
  return lookup.getResponseField('PrefixLists.0.PrefixListId');
}

/** An Amazon Linux image for one architecture does not boot on an instance type of the other. */
function refuseArchitectureMismatch(instance: ec2.Instance, instanceType: ec2.InstanceType): void {
  const imageArchitecture = amazonLinuxArchitecture((instance.node.defaultChild as ec2.CfnInstance).imageId!);
  if (Token.isUnresolved(instanceType.toString()) || imageArchitecture === undefined) {
    return;
  }
  if (imageArchitecture !== instanceType.architecture) {
    throw new Error(
      `bastion.machineImage: an ${imageArchitecture} Amazon Linux image cannot boot on bastion.instanceType ` +
        `${instanceType} (${instanceType.architecture}); choose the image for that architecture (cpuType), or leave ` +
        'machineImage unset: the default follows the instance type',
    );
  }
}
