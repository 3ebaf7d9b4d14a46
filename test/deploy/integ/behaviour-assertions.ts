import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NuminiaBaseline } from '../../../src';

/**
 * Checks of what a deployed baseline does, not only of what exists: each one makes AWS do the thing (deliver, mount,
 * connect, install) and looks at the result. They run when integ-runner (or `cdk deploy` of the assertion stack)
 * deploys for real, in a sandbox account; in CI they are only synthesized (deploy/integ-apps.test.ts).
 */

/** Delivery to CloudWatch Logs takes minutes; a baseline's first events can take a quarter of an hour. */
const SLOW = { totalTimeout: Duration.minutes(30), interval: Duration.minutes(1) };
/** The SSM agent registers, and commands finish, within minutes. */
const MINUTES = { totalTimeout: Duration.minutes(15), interval: Duration.seconds(30) };

/** The trail is logging, and CloudTrail's events reach its CloudWatch Logs group (the role CloudTrail assumes works). */
export function assertTrailDelivers(integ: IntegTest, baseline: NuminiaBaseline): void {
  integ.assertions.awsApiCall('CloudTrail', 'getTrailStatus', { Name: baseline.trail!.attrArn })
    .expect(ExpectedResult.objectLike({ IsLogging: true }));
  integ.assertions.awsApiCall('CloudWatchLogs', 'filterLogEvents', { logGroupName: baseline.trailLogGroup!.logGroupName, limit: 5 })
    .expect(ExpectedResult.objectLike({ events: Match.arrayWith([Match.objectLike({ message: Match.stringLikeRegexp('"eventVersion"') })]) }))
    .waitForAssertions(SLOW);
}

/**
 * An alarm put in ALARM reaches a subscriber of the encrypted alarm topic: the topic policy and the topic key let
 * CloudWatch publish as it really asks. The subscriber is a queue of the assertion stack.
 */
export function assertAlarmsNotify(integ: IntegTest, baseline: NuminiaBaseline, assertionStack: Stack): void {
  const queue = new sqs.Queue(assertionStack, 'AlarmSubscriber', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
  (baseline.alarmTopic as sns.ITopic).addSubscription(new subscriptions.SqsSubscription(queue));
  const [alarm] = baseline.alarms;
  integ.assertions.awsApiCall('CloudWatch', 'setAlarmState', {
    AlarmName: alarm.alarmName,
    StateValue: 'ALARM',
    StateReason: 'integ test: an alarm notification must reach the alarm topic\'s subscribers',
  }).next(integ.assertions.awsApiCall('SQS', 'receiveMessage', { QueueUrl: queue.queueUrl, WaitTimeSeconds: 20 })
    .assertAtPath('Messages.0.Body', ExpectedResult.stringLikeRegexp('NewStateValue.{1,6}ALARM'))
    .waitForAssertions(MINUTES));
}

/**
 * A function in a private subnet mounts the file system through the mount target of its zone, over TLS and with IAM,
 * as the EFS CSI driver's node pod does, and writes a file. Its role has exactly the node role's permissions: none of
 * its own (imported immutable, so aws-cdk-lib adds none), and the file system policy's grant, as the node role's.
 */
export function assertFileSystemMounts(integ: IntegTest, baseline: NuminiaBaseline): void {
  const stack = Stack.of(baseline);
  const fileSystem = baseline.fileSystem!;
  const created = new iam.Role(stack, 'IntegMountRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole')],
  });
  const role = iam.Role.fromRoleArn(stack, 'IntegMountRoleAsIs', created.roleArn, { mutable: false });
  // The node role's statement in the file system policy (Storage.authorizeClients), for this role.
  fileSystem.addToResourcePolicy(new iam.PolicyStatement({
    actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
    principals: [new iam.ArnPrincipal(created.roleArn)],
    conditions: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
  }));
  const accessPoint = new efs.AccessPoint(stack, 'IntegAccessPoint', {
    fileSystem,
    path: '/integ',
    createAcl: { ownerUid: '1000', ownerGid: '1000', permissions: '750' },
    posixUser: { uid: '1000', gid: '1000' },
  });
  const writer = new lambda.Function(stack, 'IntegMountWriter', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline([
      'const fs = require("fs");',
      'exports.handler = async () => {',
      '  const file = `/mnt/shared/integ-${Date.now()}.txt`;',
      '  fs.writeFileSync(file, "written over TLS");',
      '  const back = fs.readFileSync(file, "utf8");',
      '  fs.unlinkSync(file);',
      '  return back;',
      '};',
    ].join('\n')),
    role,
    vpc: baseline.vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    filesystem: lambda.FileSystem.fromEfsAccessPoint(accessPoint, '/mnt/shared'),
    timeout: Duration.seconds(30),
  });
  integ.assertions.invokeFunction({ functionName: writer.functionName })
    .expect(ExpectedResult.objectLike({ Payload: '"written over TLS"' }));
}

/** The bastion's SSM agent is online: Session Manager can reach it (through NAT, or the SSM endpoints). */
export function assertBastionOnline(integ: IntegTest, baseline: NuminiaBaseline) {
  return integ.assertions.awsApiCall('SSM', 'describeInstanceInformation', {
    Filters: [{ Key: 'InstanceIds', Values: [baseline.bastion!.instanceId] }],
  }).expect(ExpectedResult.objectLike({ InstanceInformationList: [Match.objectLike({ PingStatus: 'Online' })] })).waitForAssertions(MINUTES);
}

/** A function in the first private subnet reaches the internet, from the first NAT gateway's address. */
export function assertNatEgress(integ: IntegTest, baseline: NuminiaBaseline): void {
  const stack = Stack.of(baseline);
  const probe = new lambda.Function(stack, 'IntegNatProbe', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => (await (await fetch("https://checkip.amazonaws.com")).text()).trim();'),
    vpc: baseline.vpc,
    vpcSubnets: { subnets: [baseline.vpc.privateSubnets[0]] },
    timeout: Duration.seconds(30),
  });
  integ.assertions.invokeFunction({ functionName: probe.functionName })
    .expect(ExpectedResult.objectLike({ Payload: Fn.join('', ['"', baseline.natGatewayPublicIps[0], '"']) }));
}

/**
 * dnf on the bastion refreshes the Amazon Linux 2023 repositories and downloads a package: through the S3 gateway
 * endpoint, whose restricted policy must let the AWS-owned repository buckets through, and the bastion's egress to the
 * S3 prefix list (no NAT).
 */
export function assertDnfWorks(integ: IntegTest, baseline: NuminiaBaseline): void {
  const instanceId = baseline.bastion!.instanceId;
  const command = integ.assertions.awsApiCall('SSM', 'sendCommand', {
    DocumentName: 'AWS-RunShellScript',
    InstanceIds: [instanceId],
    Parameters: { commands: ['dnf -y makecache --refresh', 'dnf -y install --downloadonly --destdir /tmp/integ-dnf tree'] },
  });
  assertBastionOnline(integ, baseline).next(command);
  command.next(integ.assertions.awsApiCall('SSM', 'getCommandInvocation', { CommandId: command.getAttString('Command.CommandId'), InstanceId: instanceId })
    .expect(ExpectedResult.objectLike({ Status: 'Success' }))
    .waitForAssertions(MINUTES));
}
