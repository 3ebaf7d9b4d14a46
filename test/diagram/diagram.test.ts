import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { regionalMonitoringStack } from './fixtures';
import { NatGateways } from '../../src';
import { architectureOf, diagramSvg, Template as DiagramTemplate } from '../../tools/diagram';
import { scheduleText } from '../../tools/diagram/operations';
import { pngOf } from '../../tools/diagram/rasterize';
import { baselineStack } from '../util';

/** The widest picture that README shows at full size (GitHub's column is about 880-900 px). */
const README_WIDTH_PX = 900;

const DATABASE_CIDRS = ['10.0.21.0/24', '10.0.22.0/24', '10.0.23.0/24'];

function templateOf(props: Parameters<typeof baselineStack>[0] = {}): any {
  return Template.fromStack(baselineStack(props).stack).toJSON();
}

function subnetsOf(template: any): Array<{ cidr: string; zone: string }> {
  return Object.values<any>(template.Resources)
    .filter((r) => r.Type === 'AWS::EC2::Subnet')
    .map((r) => ({ cidr: r.Properties.CidrBlock, zone: r.Properties.AvailabilityZone }));
}

/** The text of every <text> element, entities decoded (Graphviz writes "-" as "&#45;"). */
function textsOf(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

function occurrences(svg: string, text: string): number {
  return textsOf(svg).filter((t) => t === text).length;
}

describe('architecture diagram', () => {
  const production = templateOf();
  const withDatabase = templateOf({ network: { natGateways: NatGateways.SINGLE, databaseSubnetCidrs: DATABASE_CIDRS } });
  let productionSvg: string;
  let databaseSvg: string;
  beforeAll(async () => {
    productionSvg = await diagramSvg(production, 'TestStack (eu-west-1)');
    databaseSvg = await diagramSvg(withDatabase, 'TestStack (eu-west-1)');
  });

  test('holds every subnet CIDR and zone of the template', () => {
    const subnets = subnetsOf(production);
    expect(subnets).toHaveLength(6);
    for (const { cidr, zone } of subnets) {
      expect(textsOf(productionSvg)).toContain(cidr);
      expect(textsOf(productionSvg)).toContain(zone);
    }
  });

  test('holds every subnet CIDR of another configuration, and the database tier only there', () => {
    for (const { cidr } of subnetsOf(withDatabase)) {
      expect(textsOf(databaseSvg)).toContain(cidr);
    }
    expect(textsOf(databaseSvg)).toContain('Database');
    expect(textsOf(productionSvg)).not.toContain('10.0.21.0/24');
  });

  test('changes with the template: three NAT gateways, then one', () => {
    expect(occurrences(productionSvg, 'NAT gateway + Elastic IP')).toBe(3);
    expect(occurrences(databaseSvg, 'NAT gateway + Elastic IP')).toBe(1);
    expect(databaseSvg).not.toEqual(productionSvg);
  });

  test('is the same bytes for the same template', async () => {
    expect(await diagramSvg(production, 'TestStack (eu-west-1)')).toEqual(productionSvg);
  });

  test('places the bastion, a mount target per private subnet and the endpoint ENIs in their subnets', () => {
    const model = architectureOf(production, 'TestStack');
    const privateTier = model.vpcs[0].tiers.find((t) => t.name === 'Private')!;
    expect(privateTier.cells.map((c) => c!.contents)).toEqual([
      ['Bastion: t3.micro', '  8 GiB gp3 volume', '  patched weekly (maintenance window)', '  sessions logged to bastion-sessions',
        'EFS mount target', '2 endpoint ENIs'],
      ['EFS mount target', '2 endpoint ENIs'],
      ['EFS mount target', '2 endpoint ENIs'],
    ]);
  });

  test('shows on the bastion that a maintenance window patches it weekly and that its sessions go to the session log group', () => {
    const texts = textsOf(productionSvg);
    // The bastion's cell wraps its lines at 24 characters.
    for (const text of ['patched weekly', '(maintenance window)', 'sessions logged to', 'bastion-sessions']) {
      expect(texts).toContain(text);
    }
    // The log groups they name, apart from the others, with what writes to them; the compliance rule in the monitoring box.
    for (const text of ['Systems Manager', 'Log group bastion-sessions', 'Session Manager sessions', 'Log group bastion-patching',
      'maintenance window output', 'Log group session-preferences', 'Lambda function logs', '1 EventBridge rule']) {
      expect(texts).toContain(text);
    }
    const systemsManager = architectureOf(production, 'TestStack').groups.find((g) => g.name === 'Systems Manager')!;
    expect(systemsManager.nodes.map((n) => n.title)).toEqual(['Log group bastion-patching', 'Log group bastion-sessions', 'Log group session-preferences']);
  });

  test('follows the template: another install schedule, no patching, no session logging', () => {
    const bastionCell = (props: Parameters<typeof baselineStack>[0]) => architectureOf(templateOf(props), 'TestStack').vpcs[0].tiers
      .find((t) => t.name === 'Private')!.cells[0]!.contents.filter((line) => /patch|session/.test(line));
    expect(bastionCell({ bastion: { patching: { installSchedule: 'cron(0 3 1 * ? *)' } } }))
      .toEqual(['  patched monthly (maintenance window)', '  sessions logged to bastion-sessions']);
    expect(bastionCell({ bastion: { patching: { enabled: false } } })).toEqual(['  sessions logged to bastion-sessions']);
    expect(bastionCell({ bastion: { sessionLogging: { enabled: false } } })).toEqual(['  patched weekly (maintenance window)']);
  });

  test('reads a hand-written template: a window that targets a tag and only scans, preferences in an SSM document', () => {
    const tags = (entries: { [key: string]: string }) => Object.entries(entries).map(([Key, Value]) => ({ Key, Value }));
    const template: DiagramTemplate = {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } },
        Subnet: {
          Type: 'AWS::EC2::Subnet',
          Properties: {
            VpcId: { Ref: 'Vpc' },
            CidrBlock: '10.9.1.0/24',
            AvailabilityZone: 'eu-west-1a',
            Tags: tags({ 'aws-cdk:subnet-name': 'Private', 'aws-cdk:subnet-type': 'Private' }),
          },
        },
        Web: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { Ref: 'Subnet' }, InstanceType: 't3.small', Tags: tags({ Name: 'app/Web', PatchGroup: 'web' }) } },
        Other: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { Ref: 'Subnet' }, InstanceType: 't3.micro', Tags: tags({ Name: 'app/Other' }) } },
        Window: { Type: 'AWS::SSM::MaintenanceWindow', Properties: { Schedule: 'rate(1 day)', Duration: 2, Cutoff: 1 } },
        Target: {
          Type: 'AWS::SSM::MaintenanceWindowTarget',
          Properties: { WindowId: { Ref: 'Window' }, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:PatchGroup', Values: ['web'] }] },
        },
        Scan: {
          Type: 'AWS::SSM::MaintenanceWindowTask',
          Properties: {
            WindowId: { Ref: 'Window' },
            TaskType: 'RUN_COMMAND',
            TaskArn: 'AWS-RunPatchBaseline',
            Targets: [{ Key: 'WindowTargetIds', Values: [{ Ref: 'Target' }] }],
            TaskInvocationParameters: { MaintenanceWindowRunCommandParameters: { Parameters: { Operation: ['Scan'] } } },
          },
        },
        Preferences: {
          Type: 'AWS::SSM::Document',
          Properties: { Name: 'SSM-SessionManagerRunShell', DocumentType: 'Session', Content: { inputs: { cloudWatchLogGroupName: '/app/sessions' } } },
        },
        Sessions: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/app/sessions', RetentionInDays: 90 } },
      },
    };
    const model = architectureOf(template, 'hand-written');
    // Session Manager's preferences hold for every instance of the account and region; the window targets the tag only.
    expect(model.vpcs[0].tiers[0].cells[0]!.contents).toEqual([
      'Other: t3.micro', '  sessions logged to sessions',
      'Web: t3.small', '  patch scan daily (maintenance window)', '  sessions logged to sessions',
    ]);
    expect(model.groups.find((g) => g.name === 'Systems Manager')!.nodes)
      .toEqual([{ id: 'Sessions', title: 'Log group sessions', lines: ['Session Manager sessions', 'kept 90 days'] }]);
  });

  test.each([
    ['cron(0 3 ? * SUN *)', 'weekly'], ['rate(7 days)', 'weekly'], ['rate(1 day)', 'daily'], ['cron(30 2 * * ? *)', 'daily'],
    ['cron(0 3 1 * ? *)', 'monthly'], ['rate(12 hours)', 'every 12 hours'], ['rate(1 hour)', 'every hour'],
    ['cron(0 3 ? * MON-FRI *)', 'cron(0 3 ? * MON-FRI *)'], [undefined, 'on a schedule'],
  ])('reads the schedule %s as "%s"', (expression, text) => {
    expect(scheduleText(expression)).toBe(text);
  });

  test('orders tiers public, private, isolated', () => {
    const model = architectureOf(withDatabase, 'TestStack');
    expect(model.vpcs[0].tiers.map((t) => `${t.name}/${t.type}`)).toEqual(['Public/Public', 'Private/Private', 'Database/Isolated']);
  });

  test('shows the keys, the file system, the trail with its buckets and the published parameters', () => {
    for (const text of ['KMS key eks-secrets', 'KMS key efs', 'KMS key logs', 'EFS file system', 'CloudTrail trail',
      'S3 bucket: trail logs', 'S3 bucket: access logs', 'Log group: trail copy', 'SSM parameters']) {
      expect(textsOf(productionSvg)).toContain(text);
    }
  });

  test('draws a regional NAT gateway, network ACLs and the monitoring area of a hand-built template', async () => {
    const stack = regionalMonitoringStack();
    const template = (stack.node.root as App).synth().getStackByName(stack.stackName).template;
    const svg = await diagramSvg(template, 'fixture');
    const texts = textsOf(svg);
    for (const text of ['Regional NAT gateway: every zone, one Elastic IP each (automatic)', 'NACL PrivateAcl', 'SNS topic: alarms',
      '2 CloudWatch alarms', '1 metric filter', '1 dashboard', 'notifies', 'Interface endpoints: ecr.api']) {
      expect(texts).toContain(text);
    }
    expect(texts).not.toContain('NAT gateway + Elastic IP');
  });

  test('is no wider than README shows at full size', () => {
    const { width } = pngOf(productionSvg);
    expect(width).toBeLessThanOrEqual(README_WIDTH_PX);
  });

  test('names zones and CIDRs that are deploy-time values in an environment-agnostic template', async () => {
    // GIVEN a plain VPC in a stack without a region: zones are Fn::Select of Fn::GetAZs, CIDRs are literal
    const stack = new Stack(new App(), 'agnostic');
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const template = Template.fromStack(stack).toJSON();
    const svg = await diagramSvg(template, 'agnostic');
    expect(textsOf(svg)).toEqual(expect.arrayContaining(['zone 1', 'zone 2', ...subnetsOf(template).map((s) => s.cidr)]));
  });
});
