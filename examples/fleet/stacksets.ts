import { Annotations, Stack } from 'aws-cdk-lib';
import { Capability, DeploymentType, RegionConcurrencyType, StackSet, StackSetStack, StackSetTarget, StackSetTemplate } from 'cdk-stacksets';
import { Construct } from 'constructs';
import { NatGateways, StackSetBaseline } from '../../src';

/** The organisation's management account (or a delegated StackSet administrator) and the OU every new account joins. */
export const MANAGEMENT = { account: '000000000000', region: 'eu-west-1' };
export const WORKLOADS_OU = 'ou-abcd-11111111';
export const STACKSET_REGIONS = ['eu-west-1', 'us-east-1'];
export const STACKSET_HOME_REGION = 'eu-west-1';

/**
 * The StackSet variant: every account of the workloads OU, present and future, gets a `workload` baseline in both
 * regions from one environment-agnostic template (the StackSetStack, which cdk-stacksets publishes as a file asset of
 * the management stack). The home region deploys first and alone holds the account's trail (condition IsHomeRegion).
 * Auto-deployed instances all get the VPC CIDR parameter's default: these VPCs are isolated (never connected).
 */
export function buildStackSetStack(scope: Construct): { stack: Stack; template: StackSetStack; stackSet: StackSet } {
  const stack = new Stack(scope, 'numinia-fleet-stacksets', { env: MANAGEMENT, description: 'Numinia: the baseline for every account of an OU' });
  const template = new StackSetStack(stack, 'WorkloadBaseline');
  new StackSetBaseline(template, 'Baseline', {
    environment: 'workload',
    homeRegion: STACKSET_HOME_REGION,
    vpcCidr: '10.0.0.0/16',
    options: { natGateways: NatGateways.SINGLE, fileSystem: false, alarmEmails: ['platform-alerts@numinia.io'] },
  });
  Annotations.of(template).acknowledgeWarning('@numinia/cdk-baseline:defaultSecurityGroupOpen',
    'The organisation closes default security groups with AWS Config vpc-default-security-group-closed and remediation');
  const stackSet = new StackSet(stack, 'StackSet', {
    stackSetName: 'numinia-workload-baseline',
    template: StackSetTemplate.fromStackSetStack(template),
    target: StackSetTarget.fromOrganizationalUnits({ regions: STACKSET_REGIONS, organizationalUnits: [WORKLOADS_OU] }),
    deploymentType: DeploymentType.serviceManaged({ autoDeployEnabled: true, autoDeployRetainStacks: true, delegatedAdmin: false }),
    capabilities: [Capability.IAM],
    operationPreferences: {
      regionConcurrencyType: RegionConcurrencyType.SEQUENTIAL,
      regionOrder: [STACKSET_HOME_REGION, ...STACKSET_REGIONS.filter((r) => r !== STACKSET_HOME_REGION)],
      maxConcurrentPercentage: 25,
      failureTolerancePercentage: 0,
    },
  });
  return { stack, template, stackSet };
}
