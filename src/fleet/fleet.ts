import * as fs from 'fs';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { documentSubnetsOf } from './cidr-plan';
import { FleetAccountProps, FleetBaselineOptions, FleetEnvironmentProps, FleetProps, FleetRegionProps, ReleaseStage } from './fleet-props';
import { checkShape } from './fleet-shape';
import { FleetTarget, FleetWave } from './fleet-target';
import { checkFleet } from './fleet-validation';
import { NuminiaBaselineProps } from '../numinia-baseline-props';
import * as defaults from '../private/defaults';
import { DEFAULT_ZONE_LETTERS } from '../private/region-zones';

/** The rollout order of the stages. */
const STAGE_ORDER = [ReleaseStage.DEVELOPMENT, ReleaseStage.STAGING, ReleaseStage.PRODUCTION];
/** Environment names whose stage goes without saying; any other name is PRODUCTION unless its `stage` says otherwise. */
const STAGE_BY_NAME: Record<string, ReleaseStage> = {
  development: ReleaseStage.DEVELOPMENT,
  dev: ReleaseStage.DEVELOPMENT,
  staging: ReleaseStage.STAGING,
};

/**
 * A validated fleet: the baselines of one project over its accounts and regions, in rollout order. Bad fleets fail
 * here, all problems at once: duplicates, undeclared accounts, accounts without a home region (or whose home region
 * holds none of their environments), regions without zones a/b/c, CIDR plans that do not fit, and overlapping VPC
 * CIDRs between environments meant to be connected.
 *
 * @example
 * const fleet = Fleet.fromFile('fleet.json');
 * for (const target of fleet.targets) {
 *   new NuminiaBaselineStage(app, target.id, { target });
 * }
 */
export class Fleet {
  /**
   * A fleet from its JSON form (the shape of `FleetProps`, as in `schema/fleet.schema.json`).
   *
   * @param json the parsed JSON
   */
  public static fromJson(json: any): Fleet {
    return new Fleet(json as FleetProps);
  }

  /**
   * A fleet from a JSON file (the shape of `FleetProps`, as in `schema/fleet.schema.json`).
   *
   * @param path the file's path
   */
  public static fromFile(path: string): Fleet {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Invalid fleet file ${path}: ${(error as Error).message}`);
    }
    try {
      return Fleet.fromJson(json);
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
  }

  /** The project name of every baseline. */
  public readonly project: string;

  /** Every baseline of the fleet, in rollout order (the order of `waves`). */
  public readonly targets: FleetTarget[];

  /**
   * The rollout, in order: per stage (development, staging, production), first the targets in their account's home
   * region, then the others. Empty waves are left out.
   */
  public readonly waves: FleetWave[];

  constructor(props: FleetProps) {
    const shape = checkShape(props);
    const problems = shape.length > 0 ? shape : checkFleet(props);
    if (problems.length > 0) {
      throw new Error(`Invalid fleet (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    this.project = props.project ?? defaults.SEED_PROJECT;
    const accounts = new Map(props.accounts.map((a) => [a.id, a]));

    this.waves = [];
    for (const stage of STAGE_ORDER) {
      const ofStage = props.environments.filter((e) => stageOf(e) === stage);
      const pairs = ofStage.flatMap((environment) => environment.regions.map((region) => ({ environment, region })));
      const isHome = (p: { environment: FleetEnvironmentProps; region: FleetRegionProps }) =>
        accounts.get(p.environment.account)!.homeRegion === p.region.region;
      for (const [suffix, home] of [['home-regions', true], ['other-regions', false]] as const) {
        const inWave = pairs.filter((p) => isHome(p) === home);
        if (inWave.length > 0) {
          this.waves.push({ name: `${stage}-${suffix}`, targets: inWave.map((p) => this.target(props, accounts.get(p.environment.account)!, p.environment, p.region)) });
        }
      }
    }
    // The account's trail goes to its first baseline, in rollout order, of the home region that has a trail at all.
    const trailHolders = new Set<string>();
    this.waves = this.waves.map((wave) => ({
      name: wave.name,
      targets: wave.targets.map((target) => {
        const trail = target.baselineProps.logging?.cloudTrail?.enabled !== false;
        const holds = trail && target.homeRegion && !trailHolders.has(target.account);
        if (holds) {
          trailHolders.add(target.account);
        }
        return withTrail(target, holds, accounts.get(target.account)!.homeRegion);
      }),
    }));
    this.targets = this.waves.flatMap((w) => w.targets);
  }

  private target(props: FleetProps, account: FleetAccountProps, environment: FleetEnvironmentProps, region: FleetRegionProps): FleetTarget {
    const tags = { ...props.defaults?.tags, ...environment.options?.tags };
    const options: FleetBaselineOptions = { ...props.defaults, ...environment.options, tags };
    const availabilityZones = region.availabilityZones ?? DEFAULT_ZONE_LETTERS.map((l) => `${region.region}${l}`);
    const plan = documentSubnetsOf(region.cidr, availabilityZones.length);
    const baselineProps: NuminiaBaselineProps = {
      environment: environment.name,
      project: this.project,
      network: defined({
        cidr: region.cidr,
        availabilityZones,
        privateSubnetCidrs: region.privateSubnetCidrs ?? plan?.privateSubnetCidrs,
        publicSubnetCidrs: region.publicSubnetCidrs ?? plan?.publicSubnetCidrs,
        databaseSubnetCidrs: region.databaseSubnetCidrs,
        natGateways: region.natGateways ?? options.natGateways,
        restrictDefaultSecurityGroup: options.restrictDefaultSecurityGroup,
      }),
      fileSystem: options.fileSystem === false ? { enabled: false } : undefined,
      bastion: options.bastion === false
        ? { enabled: false }
        : options.bastionInstanceType !== undefined ? { instanceType: new ec2.InstanceType(options.bastionInstanceType) } : undefined,
      logging: options.cloudTrail === false ? { cloudTrail: { enabled: false } } : undefined,
      monitoring: nonEmpty(defined({
        alarmEmails: options.alarmEmails,
        // Without the account's trail, the CIS alarms belong where the organisation trail delivers.
        cisAlarms: options.cloudTrail === false ? false : undefined,
      })),
      tags: Object.keys(options.tags ?? {}).length > 0 ? options.tags : undefined,
    };
    return {
      environment: environment.name,
      account: account.id,
      region: region.region,
      stage: stageOf(environment),
      homeRegion: account.homeRegion === region.region,
      holdsAccountTrail: false,
      connected: environment.connected ?? true,
      id: `${environment.name}-${region.region}`,
      stackName: `${this.project}-${environment.name}-baseline`,
      baselineProps: defined(baselineProps),
    };
  }
}

function stageOf(environment: FleetEnvironmentProps): ReleaseStage {
  return environment.stage ?? STAGE_BY_NAME[environment.name] ?? ReleaseStage.PRODUCTION;
}

/**
 * The trail's place in a target's props: the holder and the other regions name the home region (the others then
 * create none and know where it is); a second environment of the home region turns its trail off, and with it the
 * CIS alarms, which the holder makes.
 */
function withTrail(target: FleetTarget, holds: boolean, homeRegion: string): FleetTarget {
  const props = target.baselineProps;
  if (props.logging?.cloudTrail?.enabled === false) {
    return target;
  }
  const named = holds || !target.homeRegion;
  const cloudTrail = named ? { homeRegion } : { enabled: false };
  // The CIS alarms read the trail's log group: the holder's baseline makes them.
  const monitoring = named ? props.monitoring : { ...props.monitoring, cisAlarms: false };
  return { ...target, holdsAccountTrail: holds, baselineProps: defined({ ...props, logging: { ...props.logging, cloudTrail }, monitoring }) };
}

/** Undefined for an object without members. */
function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/** The object without its undefined members, so that a target's props read as they would be written. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
