import { App, CfnResource, Fn, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { NOTHING } from './nothing';
import { shortServiceName, takeInventory } from '../../src/cost/inventory';

/** An empty stack in eu-west-1: each test adds the L1 resources whose counting it judges. */
function emptyStack(): Stack {
  return new Stack(new App(), 'Inventory', { env: { account: '111111111111', region: 'eu-west-1' } });
}

const metric = (id: string, period: number): cloudwatch.CfnAlarm.MetricDataQueryProperty => ({
  id,
  metricStat: { metric: { metricName: 'Errors', namespace: 'Test' }, period, stat: 'Sum' },
  returnData: false,
});

describe('takeInventory', () => {
  test('an empty tree holds nothing priced and nothing unpriced', () => {
    expect(takeInventory(emptyStack())).toEqual(NOTHING);
  });

  describe('NAT gateways', () => {
    test('a gateway without an availability mode is zonal; its Elastic IP is one address', () => {
      const stack = emptyStack();
      const eip = new ec2.CfnEIP(stack, 'Eip');
      new ec2.CfnNatGateway(stack, 'Zonal', { subnetId: 'subnet-1', allocationId: eip.attrAllocationId });
      new ec2.CfnNatGateway(stack, 'ExplicitlyZonal', { subnetId: 'subnet-2', availabilityMode: 'zonal' });
      const inventory = takeInventory(stack);
      expect(inventory).toMatchObject({ zonalNatGateways: 2, regionalNatGateways: 0, regionalNatGatewayZones: 0, publicIpv4Addresses: 1 });
    });

    test('a regional gateway in manual mode serves the zones it is given, with the addresses it is given', () => {
      const stack = emptyStack();
      new ec2.CfnNatGateway(stack, 'Regional', {
        availabilityMode: 'regional',
        vpcId: 'vpc-1',
        availabilityZoneAddresses: [
          { availabilityZone: 'eu-west-1a', allocationIds: ['eipalloc-1'] },
          { availabilityZone: 'eu-west-1b', allocationIds: ['eipalloc-2'] },
        ],
      });
      // Subnets in three zones: manual mode counts the zones named, not the VPC's.
      for (const zone of ['a', 'b', 'c']) {
        new ec2.CfnSubnet(stack, `Subnet${zone}`, { vpcId: 'vpc-1', availabilityZone: `eu-west-1${zone}`, cidrBlock: '10.0.0.0/24' });
      }
      const inventory = takeInventory(stack);
      expect(inventory).toMatchObject({ zonalNatGateways: 0, regionalNatGateways: 1, regionalNatGatewayZones: 2, publicIpv4Addresses: 0 });
    });

    test('a regional gateway in automatic mode serves every zone of its own VPC\'s subnets, each with an address of its own', () => {
      const stack = emptyStack();
      new ec2.CfnNatGateway(stack, 'Regional', { availabilityMode: 'regional', vpcId: 'vpc-1' });
      new ec2.CfnSubnet(stack, 'PublicA', { vpcId: 'vpc-1', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.0.0/24' });
      new ec2.CfnSubnet(stack, 'PrivateA', { vpcId: 'vpc-1', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.1.0/24' });
      new ec2.CfnSubnet(stack, 'PrivateB', { vpcId: 'vpc-1', availabilityZone: 'eu-west-1b', cidrBlock: '10.0.2.0/24' });
      // Another VPC's zone is not this gateway's.
      new ec2.CfnSubnet(stack, 'OtherC', { vpcId: 'vpc-2', availabilityZone: 'eu-west-1c', cidrBlock: '10.1.0.0/24' });
      const inventory = takeInventory(stack);
      expect(inventory).toMatchObject({ regionalNatGateways: 1, regionalNatGatewayZones: 2, publicIpv4Addresses: 2 });
    });

    test('a regional gateway whose zones are a token cannot be priced, and says which gateway', () => {
      const stack = emptyStack();
      new ec2.CfnNatGateway(stack, 'Regional', {
        availabilityMode: 'regional',
        vpcId: 'vpc-1',
        availabilityZoneAddresses: Fn.getAtt('Somewhere', 'Zones') as any,
      });
      expect(() => takeInventory(stack)).toThrow(/^Cannot count the zones of regional NAT gateway Inventory\/Regional for the cost estimate: the list is not known at synth time \(got \{"Fn::GetAtt":\["Somewhere","Zones"\]\}\)\.$/);
    });
  });

  describe('VPC endpoints', () => {
    test('interface endpoints count their subnets; a gateway endpoint is one, with or without its type', () => {
      const stack = emptyStack();
      new ec2.CfnVPCEndpoint(stack, 'Eks', {
        vpcId: 'vpc-1', vpcEndpointType: 'Interface', serviceName: 'com.amazonaws.eu-west-1.eks', subnetIds: ['s-1', 's-2', 's-3'],
      });
      new ec2.CfnVPCEndpoint(stack, 'Logs', {
        vpcId: 'vpc-1', vpcEndpointType: 'Interface', serviceName: 'com.amazonaws.eu-west-1.logs', subnetIds: ['s-1'],
      });
      new ec2.CfnVPCEndpoint(stack, 'S3', { vpcId: 'vpc-1', vpcEndpointType: 'Gateway', serviceName: 'com.amazonaws.eu-west-1.s3' });
      new ec2.CfnVPCEndpoint(stack, 'Dynamo', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.eu-west-1.dynamodb' });
      const inventory = takeInventory(stack);
      expect(inventory.interfaceEndpoints).toEqual([{ service: 'eks', zones: 3 }, { service: 'logs', zones: 1 }]);
      expect(inventory.gatewayEndpoints).toEqual(['s3', 'dynamodb']);
      expect(inventory.unpriced).toEqual([]);
    });

    test('an endpoint of another type is listed as unpriced, by type and path', () => {
      const stack = emptyStack();
      new ec2.CfnVPCEndpoint(stack, 'Inspection', {
        vpcId: 'vpc-1', vpcEndpointType: 'GatewayLoadBalancer', serviceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-1', subnetIds: ['s-1'],
      });
      const inventory = takeInventory(stack);
      expect(inventory.interfaceEndpoints).toEqual([]);
      expect(inventory.gatewayEndpoints).toEqual([]);
      expect(inventory.unpriced).toEqual(['GatewayLoadBalancer VPC endpoint Inventory/Inspection']);
    });

    test('an interface endpoint whose subnets are a token cannot be priced, and says which endpoint', () => {
      const stack = emptyStack();
      new ec2.CfnVPCEndpoint(stack, 'Eks', {
        vpcId: 'vpc-1', vpcEndpointType: 'Interface', serviceName: 'com.amazonaws.eu-west-1.eks', subnetIds: Fn.split(',', Fn.importValue('Subnets')),
      });
      expect(() => takeInventory(stack)).toThrow(/^Cannot count the interface endpoint Inventory\/Eks subnets for the cost estimate: the list is not known at synth time \(got \{"Fn::Split":/);
    });

    test.each([
      ['com.amazonaws.eu-west-1.ssmmessages', 'ssmmessages'],
      ['com.amazonaws.us-east-1.ecr.dkr', 'ecr.dkr'],
      ['eks', 'eks'],
      [{ 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.ssm']] }, 'ssm'],
      [{ 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.ecr.api']] }, 'ecr.api'],
    ])('the service of %j is %s', (serviceName, short) => {
      expect(shortServiceName(serviceName)).toBe(short);
    });
  });

  test('KMS keys are counted, and rotating ones only when rotation is on', () => {
    const stack = emptyStack();
    new kms.CfnKey(stack, 'Rotating', { enableKeyRotation: true });
    new kms.CfnKey(stack, 'NotRotating', { enableKeyRotation: false });
    new kms.CfnKey(stack, 'Unsaid', {});
    expect(takeInventory(stack)).toMatchObject({ kmsKeys: 3, rotatingKmsKeys: 1 });
  });

  describe('alarms', () => {
    test('a single-metric alarm is one metric: high resolution under 60 seconds only, standard without a period', () => {
      const stack = emptyStack();
      const alarm = (id: string, period?: number) => new cloudwatch.CfnAlarm(stack, id, {
        comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 1, threshold: 0, metricName: 'Errors', namespace: 'Test', period,
      });
      alarm('TenSeconds', 10);
      alarm('FiftyNineSeconds', 59);
      alarm('OneMinute', 60);
      alarm('FiveMinutes', 300);
      alarm('NoPeriod');
      expect(takeInventory(stack)).toMatchObject({ standardAlarmMetrics: 3, highResolutionAlarmMetrics: 2 });
    });

    test('a metric-math alarm is as many metrics as it reads (expressions are free), high resolution if one is', () => {
      const stack = emptyStack();
      const mathAlarm = (id: string, periods: number[]) => new cloudwatch.CfnAlarm(stack, id, {
        comparisonOperator: 'GreaterThanThreshold',
        evaluationPeriods: 1,
        threshold: 0,
        metrics: [
          ...periods.map((period, i) => metric(`m${i}`, period)),
          { id: 'share', expression: 'm0 / m1', returnData: true },
        ],
      });
      mathAlarm('Standard', [60, 300, 60]);
      mathAlarm('OneFast', [60, 30]);
      expect(takeInventory(stack)).toMatchObject({ standardAlarmMetrics: 3, highResolutionAlarmMetrics: 2 });
    });

    test('composite alarms, dashboards and trails are counted', () => {
      const stack = emptyStack();
      new cloudwatch.CfnCompositeAlarm(stack, 'Composite', { alarmRule: 'ALARM(a)' });
      new cloudwatch.CfnDashboard(stack, 'One', { dashboardBody: '{}' });
      new cloudwatch.CfnDashboard(stack, 'Two', { dashboardBody: '{}' });
      new cloudtrail.CfnTrail(stack, 'Trail', { isLogging: true, s3BucketName: 'bucket' });
      expect(takeInventory(stack)).toMatchObject({ compositeAlarms: 1, dashboards: 2, trails: 1, unpriced: [] });
    });
  });

  test('a metric filter is as many metrics as it transforms into', () => {
    const stack = emptyStack();
    const transformation = (metricName: string) => ({ metricName, metricNamespace: 'CIS', metricValue: '1' });
    new logs.CfnMetricFilter(stack, 'One', { logGroupName: 'trail', filterPattern: '{}', metricTransformations: [transformation('a')] });
    new logs.CfnMetricFilter(stack, 'Two', {
      logGroupName: 'trail', filterPattern: '{}', metricTransformations: [transformation('b'), transformation('c')],
    });
    expect(takeInventory(stack).metricFilterMetrics).toBe(3);
  });

  describe('instances', () => {
    test('an instance carries its type, its monitoring and its sized EBS volumes (gp2 when the type is unsaid)', () => {
      const stack = emptyStack();
      new ec2.CfnInstance(stack, 'Bastion', {
        instanceType: 't3.micro',
        monitoring: true,
        blockDeviceMappings: [
          { deviceName: '/dev/xvda', ebs: { volumeSize: 8, volumeType: 'gp3' } },
          { deviceName: '/dev/xvdb', ebs: { volumeSize: 20 } },
          { deviceName: '/dev/sdc', virtualName: 'ephemeral0' },
        ],
      });
      new ec2.CfnInstance(stack, 'Quiet', { instanceType: 't3.small', monitoring: false, blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 10 } }] });
      const inventory = takeInventory(stack);
      expect(inventory.instances).toEqual([
        {
          path: 'Inventory/Bastion',
          instanceType: 't3.micro',
          detailedMonitoring: true,
          volumes: [{ volumeType: 'gp3', sizeGib: 8 }, { volumeType: 'gp2', sizeGib: 20 }],
        },
        { path: 'Inventory/Quiet', instanceType: 't3.small', detailedMonitoring: false, volumes: [{ volumeType: 'gp2', sizeGib: 10 }] },
      ]);
      expect(inventory.unpriced).toEqual([]);
    });

    test('a volume whose size comes from the image, or the root volume of an instance without EBS mappings, is unpriced', () => {
      const stack = emptyStack();
      new ec2.CfnInstance(stack, 'Unsized', { instanceType: 't3.micro', blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeType: 'gp3' } }] });
      new ec2.CfnInstance(stack, 'Bare', { instanceType: 't3.micro' });
      new ec2.CfnInstance(stack, 'Ephemeral', { instanceType: 't3.micro', blockDeviceMappings: [{ deviceName: '/dev/sdb', virtualName: 'ephemeral0' }] });
      const inventory = takeInventory(stack);
      expect(inventory.instances.map((i) => [i.detailedMonitoring, i.volumes])).toEqual([[false, []], [false, []], [false, []]]);
      expect(inventory.unpriced).toEqual([
        'EBS volume /dev/xvda of Inventory/Unsized (its size comes from the image)',
        'the root volume of Inventory/Bare (its size comes from the image)',
        'the root volume of Inventory/Ephemeral (its size comes from the image)',
      ]);
    });

    test('an instance whose type is a token cannot be priced, and says which instance', () => {
      const stack = emptyStack();
      new ec2.CfnInstance(stack, 'Bastion', { instanceType: Fn.importValue('InstanceType') });
      expect(() => takeInventory(stack)).toThrow(/^Cannot price EC2 instance Inventory\/Bastion: its instance type is not known at synth time \(got \{"Fn::ImportValue":"InstanceType"\}\)\.$/);
    });
  });

  test('provisioned EFS throughput is listed as unpriced with its figure; bursting and elastic are not', () => {
    const stack = emptyStack();
    new efs.CfnFileSystem(stack, 'Provisioned', { throughputMode: 'provisioned', provisionedThroughputInMibps: 64 });
    new efs.CfnFileSystem(stack, 'Elastic', { throughputMode: 'elastic' });
    new efs.CfnFileSystem(stack, 'Default', {});
    expect(takeInventory(stack).unpriced).toEqual(['EFS provisioned throughput of Inventory/Provisioned (64 MiB/s)']);
  });

  test('an SSM parameter beyond the standard tier is listed as unpriced; standard and unsaid tiers are free', () => {
    const stack = emptyStack();
    new ssm.CfnParameter(stack, 'Advanced', { type: 'String', value: 'x', tier: 'Advanced' });
    new ssm.CfnParameter(stack, 'Standard', { type: 'String', value: 'x', tier: 'Standard' });
    new ssm.CfnParameter(stack, 'Unsaid', { type: 'String', value: 'x' });
    expect(takeInventory(stack).unpriced).toEqual(['SSM parameter Inventory/Advanced in the Advanced tier']);
  });

  test('patch baselines, State Manager associations and maintenance windows are counted; a window\'s targets and tasks are its parts', () => {
    const stack = emptyStack();
    new ssm.CfnPatchBaseline(stack, 'Baseline', { name: 'bastion', operatingSystem: 'AMAZON_LINUX_2023' });
    new ssm.CfnAssociation(stack, 'Scan', { name: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] } });
    new ssm.CfnAssociation(stack, 'Inventory', { name: 'AWS-GatherSoftwareInventory' });
    const window = new ssm.CfnMaintenanceWindow(stack, 'Window', {
      name: 'install', schedule: 'cron(0 3 ? * SUN *)', duration: 3, cutoff: 1, allowUnassociatedTargets: false,
    });
    const target = new ssm.CfnMaintenanceWindowTarget(stack, 'Target', {
      windowId: window.ref, resourceType: 'INSTANCE', targets: [{ key: 'InstanceIds', values: ['i-1'] }],
    });
    new ssm.CfnMaintenanceWindowTask(stack, 'Install', {
      windowId: window.ref,
      taskType: 'RUN_COMMAND',
      taskArn: 'AWS-RunPatchBaseline',
      priority: 1,
      targets: [{ key: 'WindowTargetIds', values: [target.ref] }],
    });
    expect(takeInventory(stack)).toMatchObject({ patchBaselines: 1, stateManagerAssociations: 2, maintenanceWindows: 1, unpriced: [] });
  });

  test('EventBridge rules count when they match only AWS services\' events on the default bus; others are billed by use', () => {
    const stack = emptyStack();
    const rule = (id: string, props: Partial<events.CfnRuleProps>) => new events.CfnRule(stack, id, props);
    rule('Compliance', { eventPattern: { 'source': ['aws.ssm'], 'detail-type': ['Configuration Compliance State Change'] } });
    rule('TwoServices', { eventPattern: { source: ['aws.ec2', 'aws.autoscaling'] }, eventBusName: 'default' });
    rule('DefaultByArn', { eventPattern: { source: ['aws.s3'] }, eventBusName: 'arn:aws:events:eu-west-1:111111111111:event-bus/default' });
    // Not AWS services' events on the default bus: custom or partner events, another bus, a schedule, no source.
    rule('Custom', { eventPattern: { source: ['numinia.orders'] } });
    rule('Mixed', { eventPattern: { source: ['aws.ssm', 'numinia.orders'] } });
    rule('Partner', { eventPattern: { source: ['aws.partner/example.com/123'] } });
    rule('OtherBus', { eventPattern: { source: ['aws.ssm'] }, eventBusName: 'orders' });
    rule('Schedule', { scheduleExpression: 'rate(1 day)' });
    rule('NoSource', { eventPattern: { 'detail-type': ['Anything'] } });
    expect(takeInventory(stack)).toMatchObject({ awsServiceEventRules: 3, unpriced: [] });
  });

  test('resource types the table does not know are listed once per type with their count, sorted; free types are not', () => {
    const stack = emptyStack();
    new CfnResource(stack, 'QueueOne', { type: 'AWS::SQS::Queue' });
    new CfnResource(stack, 'Database', { type: 'AWS::RDS::DBInstance' });
    new CfnResource(stack, 'QueueTwo', { type: 'AWS::SQS::Queue' });
    new CfnResource(stack, 'Group', { type: 'AWS::EC2::SecurityGroup' });
    new CfnResource(stack, 'Handler', { type: 'Custom::Anything' });
    expect(takeInventory(stack).unpriced).toEqual([
      '1 AWS::RDS::DBInstance (a resource type the table does not know)',
      '2 AWS::SQS::Queue (a resource type the table does not know)',
    ]);
  });
});
