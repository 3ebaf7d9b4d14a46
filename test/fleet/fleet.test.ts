import * as path from 'path';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { sampleFleet } from './samples';
import { Fleet, FleetProps, NatGateways, ReleaseStage } from '../../src';

const EXAMPLE_FLEET = path.join(__dirname, '..', '..', 'examples', 'fleet', 'fleet.json');

describe('Fleet', () => {
  test('waves in rollout order: development, staging, production, each with the home regions first', () => {
    const fleet = new Fleet(sampleFleet());
    expect(fleet.waves.map((w) => [w.name, w.targets.map((t) => t.id)])).toEqual([
      ['development-home-regions', ['development-eu-west-1']],
      ['development-other-regions', ['development-us-east-1']],
      // qa is STAGING by its stage; the file's order holds within a wave
      ['staging-home-regions', ['staging-eu-west-1', 'qa-eu-west-1']],
      ['staging-other-regions', ['staging-us-east-1']],
      // account 333333333333's home region is us-east-1
      ['production-home-regions', ['production-us-east-1']],
      ['production-other-regions', ['production-eu-west-1']],
    ]);
    expect(fleet.targets.map((t) => t.id)).toEqual(fleet.waves.flatMap((w) => w.targets.map((t) => t.id)));
  });

  test('a target\'s baseline props: the CIDR plan of a /16, the zones a/b/c, the options, the stack name', () => {
    const development = new Fleet(sampleFleet()).targets.find((t) => t.id === 'development-us-east-1')!;
    expect(development).toMatchObject({
      environment: 'development',
      account: '111111111111',
      region: 'us-east-1',
      stage: ReleaseStage.DEVELOPMENT,
      homeRegion: false,
      holdsAccountTrail: false,
      connected: true,
      stackName: 'numinia-development-baseline',
    });
    expect(development.baselineProps).toMatchObject({
      environment: 'development',
      project: 'numinia',
      network: {
        cidr: '10.11.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        privateSubnetCidrs: ['10.11.1.0/24', '10.11.2.0/24', '10.11.3.0/24'],
        publicSubnetCidrs: ['10.11.101.0/24', '10.11.102.0/24', '10.11.103.0/24'],
        natGateways: NatGateways.NONE,
      },
      logging: { cloudTrail: { homeRegion: 'eu-west-1' } },
    });
    expect(development.baselineProps.bastion?.instanceType?.toString()).toBe('t4g.nano');
  });

  test('the trail: the first target of each account\'s home region holds it; a second environment there has none', () => {
    const targets = new Fleet(sampleFleet()).targets;
    expect(targets.filter((t) => t.holdsAccountTrail).map((t) => t.id)).toEqual(['development-eu-west-1', 'staging-eu-west-1', 'production-us-east-1']);
    const qa = targets.find((t) => t.id === 'qa-eu-west-1')!;
    expect(qa.baselineProps.logging).toEqual({ cloudTrail: { enabled: false } });
    expect(targets.find((t) => t.id === 'production-eu-west-1')!.baselineProps.logging).toEqual({ cloudTrail: { homeRegion: 'us-east-1' } });
  });

  test('stages from names: development and dev, staging; anything else deploys last as production', () => {
    const fleet = new Fleet({
      accounts: [{ id: '111111111111', homeRegion: 'eu-west-1' }],
      environments: ['dev', 'preview', 'staging'].map((name, i) => ({ name, account: '111111111111', regions: [{ region: 'eu-west-1', cidr: `10.${i}.0.0/16` }] })),
    });
    expect(fleet.targets.map((t) => [t.environment, t.stage])).toEqual([
      ['dev', ReleaseStage.DEVELOPMENT], ['staging', ReleaseStage.STAGING], ['preview', ReleaseStage.PRODUCTION],
    ]);
  });

  test('fromFile reads the example fleet: 7 targets over 3 accounts and 2 regions, the sandbox isolated', () => {
    const fleet = Fleet.fromFile(EXAMPLE_FLEET);
    expect(fleet.targets).toHaveLength(7);
    expect(new Set(fleet.targets.map((t) => t.account)).size).toBe(3);
    expect(new Set(fleet.targets.map((t) => t.region))).toEqual(new Set(['eu-west-1', 'us-east-1']));
    expect(fleet.targets.find((t) => t.environment === 'sandbox')).toMatchObject({ connected: false, stage: ReleaseStage.DEVELOPMENT });
    // the fleet's default tags and the environment's options meet in the props
    expect(fleet.targets.find((t) => t.id === 'sandbox-eu-west-1')!.baselineProps).toMatchObject({
      tags: { CostCenter: 'platform' }, fileSystem: { enabled: false }, network: { natGateways: NatGateways.SINGLE },
    });
  });

  test('a sample target\'s props in full: nothing the fleet does not say', () => {
    const targets = new Fleet(sampleFleet()).targets;
    expect(targets.find((t) => t.id === 'development-us-east-1')!.baselineProps).toEqual({
      environment: 'development',
      project: 'numinia',
      network: {
        cidr: '10.11.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        privateSubnetCidrs: ['10.11.1.0/24', '10.11.2.0/24', '10.11.3.0/24'],
        publicSubnetCidrs: ['10.11.101.0/24', '10.11.102.0/24', '10.11.103.0/24'],
        natGateways: NatGateways.NONE,
      },
      bastion: { instanceType: new ec2.InstanceType('t4g.nano') },
      logging: { cloudTrail: { homeRegion: 'eu-west-1' } },
    });
    // a second environment of the home region: no trail, and no CIS alarms (the holder makes them)
    expect(targets.find((t) => t.id === 'qa-eu-west-1')!.baselineProps).toMatchObject({
      logging: { cloudTrail: { enabled: false } }, monitoring: { cisAlarms: false },
    });
    expect(targets.find((t) => t.id === 'staging-eu-west-1')!.baselineProps.monitoring).toBeUndefined();
  });

  test('the options reach the props: the defaults, the environment\'s over them, a region\'s NAT strategy over both', () => {
    const fleet = new Fleet({
      project: 'acme',
      accounts: [{ id: '111111111111', homeRegion: 'eu-west-1' }],
      defaults: { tags: { Team: 'platform', CostCenter: 'shared' }, alarmEmails: ['ops@example.com'], natGateways: NatGateways.SINGLE, restrictDefaultSecurityGroup: false },
      environments: [{
        name: 'production',
        account: '111111111111',
        connected: false,
        options: { tags: { CostCenter: 'production' }, fileSystem: false, bastion: false },
        regions: [
          { region: 'eu-west-1', cidr: '10.0.0.0/16', natGateways: NatGateways.NONE, databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'] },
          { region: 'us-east-1', cidr: '10.1.0.0/16', availabilityZones: ['us-east-1a', 'us-east-1b'] },
        ],
      }],
    });
    const [home, other] = fleet.targets;
    expect(home).toMatchObject({ stackName: 'acme-production-baseline', connected: false, holdsAccountTrail: true, homeRegion: true });
    expect(home.baselineProps).toEqual({
      environment: 'production',
      project: 'acme',
      network: {
        cidr: '10.0.0.0/16',
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
        privateSubnetCidrs: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
        publicSubnetCidrs: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24'],
        databaseSubnetCidrs: ['10.0.201.0/24', '10.0.202.0/24', '10.0.203.0/24'],
        natGateways: NatGateways.NONE,
        restrictDefaultSecurityGroup: false,
      },
      fileSystem: { enabled: false },
      bastion: { enabled: false },
      monitoring: { alarmEmails: ['ops@example.com'] },
      logging: { cloudTrail: { homeRegion: 'eu-west-1' } },
      tags: { Team: 'platform', CostCenter: 'production' },
    });
    expect(other.baselineProps.network).toEqual({
      cidr: '10.1.0.0/16',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetCidrs: ['10.1.1.0/24', '10.1.2.0/24'],
      publicSubnetCidrs: ['10.1.101.0/24', '10.1.102.0/24'],
      natGateways: NatGateways.SINGLE,
      restrictDefaultSecurityGroup: false,
    });
    expect(other).toMatchObject({ holdsAccountTrail: false, homeRegion: false });
  });

  test('an environment without the account\'s trail: its CIS alarms go too, and the next home-region baseline holds the trail', () => {
    const props: FleetProps = {
      accounts: [{ id: '111111111111', homeRegion: 'eu-west-1' }],
      environments: [
        { name: 'development', account: '111111111111', options: { cloudTrail: false, alarmEmails: ['dev@example.com'] }, regions: [{ region: 'eu-west-1', cidr: '10.0.0.0/16' }] },
        { name: 'staging', account: '111111111111', regions: [{ region: 'eu-west-1', cidr: '10.1.0.0/16' }] },
        { name: 'production', account: '111111111111', options: { alarmEmails: ['ops@example.com'] }, regions: [{ region: 'eu-west-1', cidr: '10.2.0.0/16' }] },
      ],
    };
    const [development, staging, production] = new Fleet(props).targets;
    expect(development.holdsAccountTrail).toBe(false);
    expect(development.baselineProps.logging).toEqual({ cloudTrail: { enabled: false } });
    expect(development.baselineProps.monitoring).toEqual({ alarmEmails: ['dev@example.com'], cisAlarms: false });
    expect(staging.holdsAccountTrail).toBe(true);
    expect(staging.baselineProps.logging).toEqual({ cloudTrail: { homeRegion: 'eu-west-1' } });
    expect(production.holdsAccountTrail).toBe(false);
    expect(production.baselineProps.logging).toEqual({ cloudTrail: { enabled: false } });
    expect(production.baselineProps.monitoring).toEqual({ alarmEmails: ['ops@example.com'], cisAlarms: false });
  });

  test('an invalid fleet names how many problems it has', () => {
    const props = sampleFleet() as any;
    props.accounts[0].id = '1';
    expect(() => new Fleet(props)).toThrow(/^Invalid fleet \(4 problems\):\n {2}- accounts\[0\]\.id: got "1"; expected a 12-digit account ID\n {2}- accounts\[0\]\.homeRegion: /);
    props.accounts[0].bogus = true;
    expect(() => new Fleet(props)).toThrow(/^Invalid fleet \(1 problem\):\n {2}- accounts\[0\]\.bogus: unknown property; expected one of id, homeRegion, name$/);
  });

  test('fromJson gives the same fleet as the constructor', () => {
    const json = JSON.parse(JSON.stringify(sampleFleet()));
    expect(Fleet.fromJson(json).targets.map((t) => t.id)).toEqual(new Fleet(sampleFleet()).targets.map((t) => t.id));
  });
});
