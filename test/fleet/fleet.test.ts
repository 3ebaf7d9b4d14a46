import * as path from 'path';
import { sampleFleet } from './samples';
import { Fleet, NatGateways, ReleaseStage } from '../../src';

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

  test('fromJson gives the same fleet as the constructor', () => {
    const json = JSON.parse(JSON.stringify(sampleFleet()));
    expect(Fleet.fromJson(json).targets.map((t) => t.id)).toEqual(new Fleet(sampleFleet()).targets.map((t) => t.id));
  });
});
