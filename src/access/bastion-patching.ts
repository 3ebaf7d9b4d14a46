import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { BastionPatchingConfig, PATCH_CLASSIFICATIONS } from './bastion-operations-config';
import { BastionOperatingSystem } from './bastion-operations-props';

/** The tag key Patch Manager reads an instance's patch group from (the spaceless form also works with instance metadata tags). */
export const PATCH_GROUP_TAG = 'PatchGroup';
/** AWS's document that scans for and installs the patches a patch baseline approves. */
export const RUN_PATCH_BASELINE = 'AWS-RunPatchBaseline';
/** The maintenance window: 3 hours, no new task in the last hour (AWS-RunPatchBaseline's own timeout is 2 hours). */
const WINDOW_HOURS = 3;
const WINDOW_CUTOFF_HOURS = 1;

export interface BastionPatchingProps {
  readonly config: BastionPatchingConfig;
  readonly operatingSystem: BastionOperatingSystem;
  readonly instance: ec2.Instance;
  readonly role: iam.IRole;
  readonly key: kms.IKey;
}

/**
 * Patch Manager for the bastion: a patch baseline of its own for the bastion's patch group (the instance's
 * `PatchGroup` tag), a State Manager association that scans it on `scanSchedule`, and a maintenance window that
 * installs on `installSchedule`, with the command's output in a log group encrypted with the logs key. The window's task
 * names no service role: Systems Manager uses its service-linked role (AWSServiceRoleForAmazonSSM), created if needed.
 */
export class BastionPatching extends Construct {
  public readonly patchBaseline: ssm.CfnPatchBaseline;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, { config, operatingSystem, instance, role, key }: BastionPatchingProps) {
    super(scope, id);
    this.patchBaseline = new ssm.CfnPatchBaseline(this, 'PatchBaseline', {
      name: config.patchGroup,
      description: `Security and bugfix updates for the bastion, approved ${config.approveAfterDays} days after release`,
      operatingSystem,
      patchGroups: [config.patchGroup],
      approvalRules: {
        patchRules: [{
          approveAfterDays: config.approveAfterDays,
          complianceLevel: 'HIGH',
          enableNonSecurity: false,
          patchFilterGroup: { patchFilters: [{ key: 'CLASSIFICATION', values: PATCH_CLASSIFICATIONS }] },
        }],
      },
    });
    Tags.of(instance).add(PATCH_GROUP_TAG, config.patchGroup);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName: config.logGroupName,
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The scan: what is missing, reported to Patch Manager's compliance (and from there to the alarm topic).
    new ssm.CfnAssociation(this, 'Scan', {
      name: RUN_PATCH_BASELINE,
      associationName: `${config.patchGroup}-scan`,
      scheduleExpression: config.scanSchedule,
      targets: [{ key: 'InstanceIds', values: [instance.instanceId] }],
      parameters: { Operation: ['Scan'] },
      complianceSeverity: 'HIGH',
    });

    const window = new ssm.CfnMaintenanceWindow(this, 'InstallWindow', {
      name: `${config.patchGroup}-install`,
      description: 'Installs the patches the bastion\'s patch baseline approves',
      schedule: config.installSchedule,
      scheduleTimezone: config.scheduleTimezone,
      duration: WINDOW_HOURS,
      cutoff: WINDOW_CUTOFF_HOURS,
      allowUnassociatedTargets: false,
    });
    const target = new ssm.CfnMaintenanceWindowTarget(this, 'InstallTarget', {
      windowId: window.ref,
      resourceType: 'INSTANCE',
      targets: [{ key: 'InstanceIds', values: [instance.instanceId] }],
    });
    new ssm.CfnMaintenanceWindowTask(this, 'Install', {
      windowId: window.ref,
      taskType: 'RUN_COMMAND',
      taskArn: RUN_PATCH_BASELINE,
      priority: 1,
      maxConcurrency: '1',
      maxErrors: '1',
      targets: [{ key: 'WindowTargetIds', values: [target.ref] }],
      taskInvocationParameters: {
        maintenanceWindowRunCommandParameters: {
          parameters: { Operation: ['Install'], RebootOption: [config.rebootIfNeeded ? 'RebootIfNeeded' : 'NoReboot'] },
          cloudWatchOutputConfig: { cloudWatchLogGroupName: this.logGroup.logGroupName, cloudWatchOutputEnabled: true },
        },
      },
    });

    // The SSM agent writes the command's output with the instance's credentials.
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'WritePatchingOutput',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      // The log group's ARN ends in :*, which covers its streams.
      resources: [this.logGroup.logGroupArn],
    }));
  }
}
