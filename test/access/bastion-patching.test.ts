import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BastionOperatingSystem } from '../../src';
import { baselineStack, synthTemplate } from '../util';

type Json = any;
const only = (template: Template, type: string): Json => {
  const found = Object.values(template.findResources(type));
  expect(found).toHaveLength(1);
  return found[0].Properties;
};
const instanceRef = (template: Template) => ({ Ref: Object.keys(template.findResources('AWS::EC2::Instance'))[0] });

describe('the bastion\'s patching (Patch Manager)', () => {
  test('a patch baseline for Amazon Linux 2023: security and bugfix updates, approved 7 days after release', () => {
    const baseline = only(synthTemplate(), 'AWS::SSM::PatchBaseline');
    expect(baseline).toMatchObject({
      Name: 'numinia-production-bastion',
      // AWS::SSM::PatchBaseline OperatingSystem values; the default (WINDOWS) would approve nothing for Linux.
      OperatingSystem: 'AMAZON_LINUX_2023',
      PatchGroups: ['numinia-production-bastion'],
      ApprovalRules: {
        PatchRules: [{
          ApproveAfterDays: 7,
          ComplianceLevel: 'HIGH',
          EnableNonSecurity: false,
          // Amazon Linux's classification names (Patch Manager, "How security patches are selected").
          PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security', 'Bugfix'] }] },
        }],
      },
    });
  });

  test('the bastion is in the patch group: Patch Manager reads the PatchGroup tag', () => {
    const template = synthTemplate();
    template.hasResourceProperties('AWS::EC2::Instance', { Tags: Match.arrayWith([{ Key: 'PatchGroup', Value: 'numinia-production-bastion' }]) });
  });

  test('a daily scan of the bastion, by State Manager', () => {
    const template = synthTemplate();
    expect(only(template, 'AWS::SSM::Association')).toEqual(expect.objectContaining({
      Name: 'AWS-RunPatchBaseline',
      Parameters: { Operation: ['Scan'] },
      ScheduleExpression: 'rate(1 day)',
      Targets: [{ Key: 'InstanceIds', Values: [instanceRef(template)] }],
    }));
  });

  test('a weekly install in a maintenance window, Sunday 03:00 in the region\'s time zone, rebooting when a patch needs it', () => {
    const template = synthTemplate();
    const window = only(template, 'AWS::SSM::MaintenanceWindow');
    expect(window).toMatchObject({ Schedule: 'cron(0 3 ? * SUN *)', ScheduleTimezone: 'Europe/Dublin', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false });
    const windowRef = { Ref: Object.keys(template.findResources('AWS::SSM::MaintenanceWindow'))[0] };
    expect(only(template, 'AWS::SSM::MaintenanceWindowTarget')).toEqual({
      WindowId: windowRef, ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: [instanceRef(template)] }],
    });
    const task = only(template, 'AWS::SSM::MaintenanceWindowTask');
    const logGroup = Object.entries(template.findResources('AWS::Logs::LogGroup')).find(([, g]) => g.Properties.LogGroupName === '/numinia/production/bastion-patching')!;
    expect(task).toMatchObject({
      WindowId: windowRef,
      TaskType: 'RUN_COMMAND',
      TaskArn: 'AWS-RunPatchBaseline',
      MaxConcurrency: '1',
      MaxErrors: '1',
      TaskInvocationParameters: {
        MaintenanceWindowRunCommandParameters: {
          Parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
          CloudWatchOutputConfig: { CloudWatchLogGroupName: { Ref: logGroup[0] }, CloudWatchOutputEnabled: true },
        },
      },
    });
    // No service role: Systems Manager uses its service-linked role.
    expect(task.ServiceRoleArn).toBeUndefined();
  });

  test('the install output goes to a retained log group encrypted with the logs key', () => {
    const template = synthTemplate();
    const logsKey = Object.keys(template.findResources('AWS::KMS::Key')).find((id) => id.startsWith('BaselineEncryptionLogsKey'))!;
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/numinia/production/bastion-patching', KmsKeyId: { 'Fn::GetAtt': [logsKey, 'Arn'] }, RetentionInDays: 365 },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('the schedule, time zone, approval days and reboot can be changed', () => {
    const template = synthTemplate({ bastion: { patching: { installSchedule: 'cron(30 1 ? * WED *)', scheduleTimezone: 'Etc/UTC', scanSchedule: 'rate(12 hours)', approveAfterDays: 0, rebootIfNeeded: false } } });
    expect(only(template, 'AWS::SSM::MaintenanceWindow')).toMatchObject({ Schedule: 'cron(30 1 ? * WED *)', ScheduleTimezone: 'Etc/UTC' });
    expect(only(template, 'AWS::SSM::Association').ScheduleExpression).toBe('rate(12 hours)');
    expect(only(template, 'AWS::SSM::PatchBaseline').ApprovalRules.PatchRules[0].ApproveAfterDays).toBe(0);
    expect(only(template, 'AWS::SSM::MaintenanceWindowTask').TaskInvocationParameters.MaintenanceWindowRunCommandParameters.Parameters.RebootOption).toEqual(['NoReboot']);
  });

  test('the window\'s night follows the region; an environment-agnostic stack gets UTC', () => {
    expect(only(synthTemplate({}, { region: 'us-east-1' }), 'AWS::SSM::MaintenanceWindow').ScheduleTimezone).toBe('America/New_York');
    expect(only(synthTemplate({}, { region: 'ap-southeast-2' }), 'AWS::SSM::MaintenanceWindow').ScheduleTimezone).toBe('Australia/Sydney');
    const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
    expect(only(synthTemplate({ network: { availabilityZones: zones } }, { region: null }), 'AWS::SSM::MaintenanceWindow').ScheduleTimezone).toBe('Etc/UTC');
  });

  test('the operating system follows the image: Amazon Linux 2 from its public parameter, or as named', () => {
    const al2 = synthTemplate({ bastion: { machineImage: ec2.MachineImage.latestAmazonLinux2() } });
    expect(only(al2, 'AWS::SSM::PatchBaseline').OperatingSystem).toBe('AMAZON_LINUX_2');
    const named = synthTemplate({ bastion: { machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }), patching: { operatingSystem: BastionOperatingSystem.AMAZON_LINUX_2023 } } });
    expect(only(named, 'AWS::SSM::PatchBaseline').OperatingSystem).toBe('AMAZON_LINUX_2023');
  });

  test('an image of unknown operating system is not patched, and a warning says what to set', () => {
    const { stack } = baselineStack({ bastion: { machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }) } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SSM::PatchBaseline', 0);
    template.resourceCountIs('AWS::SSM::MaintenanceWindow', 0);
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('bastion.patching: .*operating system is unknown.*set bastion.patching.operatingSystem'));
  });

  test('patching off, or the bastion off: none of it', () => {
    for (const bastion of [{ patching: { enabled: false } }, { enabled: false }]) {
      const template = synthTemplate({ bastion });
      for (const type of ['AWS::SSM::PatchBaseline', 'AWS::SSM::Association', 'AWS::SSM::MaintenanceWindow', 'AWS::SSM::MaintenanceWindowTask', 'AWS::Events::Rule']) {
        template.resourceCountIs(type, 0);
      }
    }
  });
});
