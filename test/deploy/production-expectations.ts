import { Template } from './harness/moto-quirks';
import { AclEntry } from './harness/network-acls';
import { BaselineFacts, SubnetFacts, Tags } from './harness/read-back';
import { aclEntriesOf, naclDecision } from '../network/nacl-evaluator';
import { PRIVATE_FLOWS, PUBLIC_FLOWS } from '../network/tier-flows';

/**
 * The emulator-side expectations of the production baseline (three zones, a NAT gateway per zone), declared as
 * jest tests so that the CDK CLI deployment and the CloudFormation API deployment check the same facts.
 * `facts()` is read inside each test: it is gathered in the caller's beforeAll.
 */
export function declareProductionBaselineTests(facts: () => BaselineFacts, template: () => Template): void {
  const BASELINE_TAGS: Tags = { Environment: 'production', Project: 'numinia', ManagedBy: 'cdk' };
  const subnetsOf = (kind: string) => facts().subnets.filter((s) => s.kind === kind).sort(byCidr);
  const keyByAlias = (alias: string) => facts().keys.find((k) => k.alias === alias);
  const roleTrustedBy = (service: string) => facts().roles.find((r) => r.trust.Statement.some((s) => s.Principal?.Service === service));

  test('the stack is complete', () => {
    expect(facts().stackStatus).toBe('CREATE_COMPLETE');
  });

  test('VPC CIDR 10.0.0.0/16', () => {
    expect(facts().vpc.cidr).toBe('10.0.0.0/16');
  });

  test('private subnets 10.0.1-3.0/24 and public subnets 10.0.101-103.0/24, one of each per zone a/b/c', () => {
    const plan = (subnets: SubnetFacts[]) => subnets.map((s) => [s.cidr, s.availabilityZone]);
    expect(plan(subnetsOf('Private'))).toEqual([
      ['10.0.1.0/24', 'eu-west-1a'], ['10.0.2.0/24', 'eu-west-1b'], ['10.0.3.0/24', 'eu-west-1c'],
    ]);
    expect(plan(subnetsOf('Public'))).toEqual([
      ['10.0.101.0/24', 'eu-west-1a'], ['10.0.102.0/24', 'eu-west-1b'], ['10.0.103.0/24', 'eu-west-1c'],
    ]);
    expect(facts().subnets).toHaveLength(6);
  });

  test('three NAT gateways, one in each public subnet', () => {
    const nats = facts().natGateways;
    expect(nats).toHaveLength(3);
    expect(nats.every((nat) => nat.state === 'available')).toBe(true);
    expect(nats.map((nat) => nat.subnetId).sort()).toEqual(subnetsOf('Public').map((s) => s.id).sort());
  });

  test("each private route table's default route goes to the NAT gateway of its own zone", () => {
    const zoneOfNat = (natId: string | undefined) => {
      const nat = facts().natGateways.find((n) => n.id === natId);
      return facts().subnets.find((s) => s.id === nat?.subnetId)?.availabilityZone;
    };
    const routes = subnetsOf('Private').map((s) => ({ zone: s.availabilityZone, natZone: zoneOfNat(s.defaultRouteTarget) }));
    expect(routes).toEqual([
      { zone: 'eu-west-1a', natZone: 'eu-west-1a' },
      { zone: 'eu-west-1b', natZone: 'eu-west-1b' },
      { zone: 'eu-west-1c', natZone: 'eu-west-1c' },
    ]);
    expect(new Set(subnetsOf('Private').map((s) => s.defaultRouteTarget)).size).toBe(3);
  });

  test('public route tables go to the internet gateway', () => {
    for (const subnet of subnetsOf('Public')) {
      expect(subnet.defaultRouteTarget).toMatch(/^igw-/);
    }
  });

  describe.each([
    ['Public', /^BaselineNetworkAclsPublicAcl/, PUBLIC_FLOWS],
    ['Private', /^BaselineNetworkAclsPrivateAcl/, PRIVATE_FLOWS],
  ] as const)('the network ACL of every %s subnet, as the emulator reports it', (kind, aclPattern, flows) => {
    // AWS adds rule 32767 (deny everything) to every ACL: not the template's, and the evaluator's own default.
    const ownEntries = (entries: AclEntry[]) => entries.filter((e) => e.RuleNumber !== 32767).map(comparable).sort();

    test('holds the entries of the template, nothing more', () => {
      const expected = ownEntries(aclEntriesOf(template(), aclPattern));
      expect(expected.length).toBeGreaterThan(5);
      for (const subnet of subnetsOf(kind)) {
        expect(ownEntries(subnet.aclEntries)).toEqual(expected);
      }
    });

    // QUIRK (moto 5.2, see comparable below): the emulator keeps no ICMP type, so which ICMP types come in is judged on
    // the template only (test/network/network-acls.test.ts, the same table).
    test.each(flows.filter(([, packet]) => packet.protocol !== 'icmp'))('%s: %s', (_what, packet, decision) => {
      for (const subnet of subnetsOf(kind)) {
        expect(naclDecision(subnet.aclEntries, packet).action).toBe(decision);
      }
    });
  });

  test('S3 gateway endpoint on every route table', () => {
    const s3 = facts().endpoints.filter((e) => e.serviceName === 'com.amazonaws.eu-west-1.s3');
    expect(s3).toEqual([expect.objectContaining({ type: 'Gateway' })]);
    expect([...s3[0].routeTableIds].sort()).toEqual(facts().subnets.map((s) => s.routeTableId).sort());
  });

  test('EKS and CloudWatch Logs interface endpoints in the private subnets, private DNS, HTTPS from the VPC only', () => {
    const privateSubnetIds = subnetsOf('Private').map((s) => s.id).sort();
    for (const service of ['eks', 'logs']) {
      const endpoints = facts().endpoints.filter((e) => e.serviceName === `com.amazonaws.eu-west-1.${service}`);
      expect(endpoints).toEqual([expect.objectContaining({ type: 'Interface', privateDns: true })]);
      expect([...endpoints[0].subnetIds].sort()).toEqual(privateSubnetIds);
      const groups = facts().securityGroups.filter((g) => endpoints[0].securityGroupIds.includes(g.id));
      expect(groups.map((g) => g.ingress)).toEqual([['tcp/443-443 from 10.0.0.0/16']]);
    }
    expect(facts().endpoints).toHaveLength(3);
  });

  test('a flow log of all VPC traffic into a log group kept 30 days, delivered by a role only flow logs of this account may assume', () => {
    const [flowLog, ...others] = facts().flowLogs;
    expect(others).toEqual([]);
    expect(flowLog).toMatchObject({ resourceId: facts().vpc.id, trafficType: 'ALL', destinationType: 'cloud-watch-logs' });
    expect(facts().logGroups.find((g) => g.name === flowLog.logGroupName)?.retentionDays).toBe(30);
    const role = roleTrustedBy('vpc-flow-logs.amazonaws.com');
    expect(flowLog.roleArn).toBe(role?.arn);
    expect(role?.trust.Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*' },
    });
  });

  test("EFS encrypted with the baseline's own EFS key, backed up, one mount target per private subnet, NFS from the private subnets only", () => {
    const fileSystem = facts().fileSystem;
    expect(fileSystem).toMatchObject({
      encrypted: true,
      kmsKeyId: keyByAlias('alias/numinia/production/efs')?.arn,
      performanceMode: 'generalPurpose',
      throughputMode: 'bursting',
      backupStatus: 'ENABLED',
    });
    expect(fileSystem.kmsKeyId).toBeDefined();
    const targets = [...fileSystem.mountTargets].sort((a, b) => a.subnetId.localeCompare(b.subnetId));
    const privateSubnets = [...subnetsOf('Private')].sort((a, b) => a.id.localeCompare(b.id));
    expect(targets).toEqual(privateSubnets.map((s) => ({ subnetId: s.id, availabilityZone: s.availabilityZone })));
    expect(facts().securityGroups.find((g) => g.description.startsWith('EFS'))?.ingress).toEqual(
      ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'].map((cidr) => `tcp/2049-2049 from ${cidr}`),
    );
  });

  test('four customer-managed KMS keys, enabled, rotating, aliased alias/numinia/production/<purpose>', () => {
    expect(facts().keys.map((k) => k.alias).sort()).toEqual([
      'alias/numinia/production/alarms', 'alias/numinia/production/efs', 'alias/numinia/production/eks-secrets', 'alias/numinia/production/logs',
    ]);
    for (const key of facts().keys) {
      expect(key).toMatchObject({ state: 'Enabled', rotationEnabled: true });
    }
  });

  test('the logs key lets CloudWatch Logs use it for the baseline\'s five log groups only, which exist under those names', () => {
    const statement = keyByAlias('alias/numinia/production/logs')?.policy.Statement.find((s) => s.Sid === 'AllowCloudWatchLogsOfTheBaselineLogGroups');
    const names = ['/numinia/production/vpc-flow-logs', '/numinia/production/cloudtrail', '/numinia/production/bastion-patching',
      '/numinia/production/bastion-sessions', '/numinia/production/session-preferences'];
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': names.map((name) => `arn:aws:logs:eu-west-1:123456789012:log-group:${name}`) } },
    });
    expect(facts().logGroups.map((g) => g.name).sort()).toEqual([...names].sort());
  });

  test('IAM roles and who may assume them', () => {
    const trust = facts().roles.map((role) => role.trust.Statement.map((s) => ({
      service: s.Principal?.Service, actions: [s.Action].flat().sort(), condition: s.Condition,
    }))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const podIdentity = (serviceAccount: string) => [{
      service: 'pods.eks.amazonaws.com',
      actions: ['sts:AssumeRole', 'sts:TagSession'],
      // Only the session tags EKS Pod Identity documents: no aws:SourceAccount (test/contracts/service-request-catalogue.ts).
      condition: {
        StringEquals: {
          'aws:RequestTag/kubernetes-namespace': 'kube-system',
          'aws:RequestTag/kubernetes-service-account': serviceAccount,
        },
        StringLike: {
          'aws:RequestTag/eks-cluster-arn': [
            'arn:aws:eks:eu-west-1:123456789012:cluster/numinia-production',
            'arn:aws:eks:eu-west-1:123456789012:cluster/numinia-production-*',
          ],
        },
      },
    }];
    expect(trust).toEqual([
      // CloudTrail sends no source keys when it assumes its CloudWatch Logs role: no condition.
      [{ service: 'cloudtrail.amazonaws.com', actions: ['sts:AssumeRole'], condition: undefined }],
      [{ service: 'ec2.amazonaws.com', actions: ['sts:AssumeRole'], condition: undefined }],
      // The function that holds the Session Manager preferences (its custom resource is left out of the emulator).
      [{ service: 'lambda.amazonaws.com', actions: ['sts:AssumeRole'], condition: undefined }],
      podIdentity('efs-csi-controller-sa'),
      podIdentity('efs-csi-node-sa'),
      [{
        service: 'vpc-flow-logs.amazonaws.com',
        actions: ['sts:AssumeRole'],
        condition: {
          StringEquals: { 'aws:SourceAccount': '123456789012' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*' },
        },
      }],
    ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
    // One inline policy per role, but none for the EFS CSI node role: the file system policy lets it mount.
    expect(facts().roles.map((role) => role.inlinePolicyNames.length).sort()).toEqual([0, 1, 1, 1, 1, 1]);
  });

  test('the bastion: t3.micro in the first private subnet, no public address, encrypted gp3 root volume, its instance profile', () => {
    const instance = facts().instance;
    const firstPrivate = subnetsOf('Private')[0];
    expect(instance).toMatchObject({
      type: 't3.micro',
      subnetId: firstPrivate.id,
      availabilityZone: 'eu-west-1a',
      rootVolume: { encrypted: true, sizeGiB: 8, volumeType: 'gp3' },
    });
    expect(instance.publicIp).toBeUndefined();
    expect(instance.instanceProfileArn).toMatch(/^arn:aws:iam::123456789012:instance-profile\//);
  });

  test('the trail bucket and its access-log bucket exist with S3-managed encryption', () => {
    expect(facts().buckets.map((b) => b.sseAlgorithm)).toEqual(['AES256', 'AES256']);
  });

  test('log groups: flow logs 30 days; CloudTrail copy, bastion patching and sessions, session preferences 365 days', () => {
    expect(facts().logGroups.map((g) => g.retentionDays).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([30, 365, 365, 365, 365]);
  });

  test('the alarm topic numinia-production-alarms, encrypted with the alarms key', () => {
    const topics = facts().monitoring.topics;
    expect(topics).toEqual([expect.objectContaining({
      arn: 'arn:aws:sns:eu-west-1:123456789012:numinia-production-alarms',
      displayName: 'numinia production alarms',
      kmsMasterKeyId: keyByAlias('alias/numinia/production/alarms')?.arn,
    })]);
    expect(topics[0].kmsMasterKeyId).toBeDefined();
  });

  test('the dashboard numinia-production-eu-west-1-baseline: every alarm by its ARN in this account and region, the deployed NAT gateways, endpoints, file system and bastion', () => {
    const [dashboard, ...others] = facts().monitoring.dashboards;
    expect(others).toEqual([]);
    expect(dashboard.name).toBe('numinia-production-eu-west-1-baseline');
    const alarmArns: string[] = dashboard.widgets.find((w) => w.type === 'alarm')?.properties.alarms ?? [];
    expect(alarmArns).toHaveLength(27);
    expect(alarmArns.every((arn) => arn.startsWith('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:numinia-production-'))).toBe(true);
    expect(alarmArns).toEqual(expect.arrayContaining([
      'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:numinia-production-cis-root-user-usage',
      'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:numinia-production-trail-delivery-stopped',
    ]));
    // What each graph charts, by the IDs in its metrics' dimensions: the resources the emulator made.
    const charted = (namespace: string, dimension: string) => [...new Set(dashboard.widgets.flatMap((w) => (w.properties.metrics ?? [])
      .filter((m: any[]) => m[0] === namespace).map((m: any[]) => m[m.indexOf(dimension) + 1])))].sort();
    expect(charted('AWS/NATGateway', 'NatGatewayId')).toEqual(facts().natGateways.map((n) => n.id).sort());
    const interfaceEndpointIds = Object.entries(facts().resources)
      .filter(([logicalId, r]) => r.type === 'AWS::EC2::VPCEndpoint' && /(Eks|Logs)Endpoint/.test(logicalId)).map(([, r]) => r.physicalId);
    expect(charted('AWS/PrivateLinkEndpoints', 'VPC Endpoint Id')).toEqual(interfaceEndpointIds.sort());
    expect(charted('AWS/PrivateLinkEndpoints', 'Service Name')).toEqual(['com.amazonaws.eu-west-1.eks', 'com.amazonaws.eu-west-1.logs']);
    expect(charted('AWS/EFS', 'FileSystemId')).toEqual([facts().fileSystem.id]);
    expect(charted('AWS/EC2', 'InstanceId')).toEqual([facts().instance.id]);
  });

  test('Environment=production, Project=numinia, ManagedBy=cdk on every resource whose tags the emulator reports', () => {
    const f = facts();
    const tagged: Array<[string, Tags]> = [
      ['vpc', f.vpc.tags],
      ...f.subnets.map((s): [string, Tags] => [`subnet ${s.cidr}`, s.tags]),
      ...f.securityGroups.map((g): [string, Tags] => [`security group ${g.description}`, g.tags]),
      ...f.flowLogs.map((l): [string, Tags] => ['flow log', l.tags]),
      ...f.logGroups.map((g): [string, Tags] => [`log group ${g.logicalId}`, g.tags]),
      ['file system', f.fileSystem.tags],
      ...f.keys.map((k): [string, Tags] => [`key ${k.alias}`, k.tags]),
      ...f.roles.map((r): [string, Tags] => [`role ${r.logicalId}`, r.tags]),
      ...f.buckets.map((b): [string, Tags] => [`bucket ${b.name}`, b.tags]),
      ['bastion', f.instance.tags],
    ];
    const missing = tagged.filter(([, tags]) => Object.entries(BASELINE_TAGS).some(([key, value]) => tags[key] !== value));
    expect(missing.map(([what, tags]) => `${what}: ${JSON.stringify(tags)}`)).toEqual([]);
    // VPC, 6 subnets, 3 security groups, flow log, 5 log groups, file system, 4 keys, 6 roles, 2 buckets, bastion:
    // every one was read back. (moto drops the alarm topic's tags: template-facts.test.ts has them.)
    expect(tagged).toHaveLength(30);
  });
}

function byCidr(a: SubnetFacts, b: SubnetFacts): number {
  const key = (cidr: string) => cidr.split(/[./]/).map((part) => part.padStart(3, '0')).join('.');
  return key(a.cidr).localeCompare(key(b.cidr));
}

/**
 * An ACL entry as a sortable string, whether it was read from the template or from the emulator.
 *
 * QUIRK (moto 5.2): CreateNetworkAclEntry drops an entry's ICMP type and code (its handler reads the parameter
 * `Icmp.Code`, its request parser hands it over as `IcmpTypeCode`), so they are left out here; the ICMP types each
 * tier allows are judged on the template (test/network/network-acls.test.ts).
 */
function comparable(entry: AclEntry): string {
  const { RuleNumber, Protocol, RuleAction, Egress, CidrBlock, Ipv6CidrBlock, PortRange } = entry;
  return JSON.stringify({
    RuleNumber,
    Protocol,
    RuleAction,
    Egress: Boolean(Egress),
    CidrBlock,
    Ipv6CidrBlock,
    PortRange: PortRange && { From: PortRange.From, To: PortRange.To },
  });
}
