import { NatGateways } from '../network/network-props';

/**
 * Where an environment stands in the rollout: waves deploy development first, then staging, then production.
 */
export enum ReleaseStage {
  /** Deployed first: the environments where a change is tried. */
  DEVELOPMENT = 'development',
  /** Deployed after every development environment. */
  STAGING = 'staging',
  /** Deployed last, after every development and staging environment. */
  PRODUCTION = 'production',
}

/**
 * Baseline options a fleet sets for all environments, or one environment overrides. Only what a reviewed JSON file
 * can carry; anything else is set in code on a target's `baselineProps`.
 */
export interface FleetBaselineOptions {
  /**
   * NAT strategy of the private subnets.
   *
   * @default NatGateways.ONE_PER_AZ
   */
  readonly natGateways?: NatGateways;

  /**
   * Create the shared EFS file system.
   *
   * @default true
   */
  readonly fileSystem?: boolean;

  /**
   * Create the SSM-only bastion.
   *
   * @default true
   */
  readonly bastion?: boolean;

  /**
   * The bastion's instance type, such as `t3.micro` or `t4g.small`.
   *
   * @default t3.micro
   */
  readonly bastionInstanceType?: string;

  /**
   * Create the account's multi-region CloudTrail trail (in the account's home region only). Turn it off in accounts
   * covered by an organisation trail; the CIS metric filters and alarms, which read the trail's log group, are then
   * left out too (they belong where the organisation trail delivers).
   *
   * @default true
   */
  readonly cloudTrail?: boolean;

  /**
   * Remove every rule from each VPC's default security group (a Lambda-backed custom resource of aws-cdk-lib).
   *
   * @default true
   */
  readonly restrictDefaultSecurityGroup?: boolean;

  /**
   * E-mail addresses subscribed to each baseline's alarm topic (`monitoring.alarmEmails`). An environment's list
   * replaces the fleet's.
   *
   * @default - none: each baseline warns that its topic has no subscriber
   */
  readonly alarmEmails?: string[];

  /**
   * Extra tags for every resource that takes tags. An environment's tags are added to the fleet's.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * One region of an environment: its VPC's place in the fleet's address plan.
 */
export interface FleetRegionProps {
  /** The region, such as `eu-west-1`. */
  readonly region: string;

  /**
   * The VPC's IPv4 CIDR block. With a /16 and no subnet CIDRs, the subnets follow the architecture document's plan
   * inside it (private `x.y.1-3.0/24`, public `x.y.101-103.0/24`); any other size needs its subnet CIDRs.
   */
  readonly cidr: string;

  /**
   * The availability zones, in the order of the subnet CIDR lists.
   *
   * @default - zones a, b and c of the region (refused for a region that lacks one of them, or that the fleet does not know)
   */
  readonly availabilityZones?: string[];

  /**
   * Private subnet CIDRs, one per zone.
   *
   * @default - x.y.1.0/24, x.y.2.0/24, x.y.3.0/24 of a /16 VPC
   */
  readonly privateSubnetCidrs?: string[];

  /**
   * Public subnet CIDRs, one per zone.
   *
   * @default - x.y.101.0/24, x.y.102.0/24, x.y.103.0/24 of a /16 VPC
   */
  readonly publicSubnetCidrs?: string[];

  /**
   * Database subnet CIDRs, one per zone.
   *
   * @default - no database tier
   */
  readonly databaseSubnetCidrs?: string[];

  /**
   * NAT strategy of this region, instead of the environment's.
   *
   * @default - the environment's
   */
  readonly natGateways?: NatGateways;
}

/**
 * One environment of the fleet (production, staging, ...): one account, one baseline in each of its regions.
 */
export interface FleetEnvironmentProps {
  /** The environment's name: the `Environment` tag, key aliases, stack and stage names. Unique in the fleet. */
  readonly name: string;

  /** The 12-digit ID of the account it lives in, declared in the fleet's `accounts`. */
  readonly account: string;

  /** Its regions, each with its VPC CIDR. */
  readonly regions: FleetRegionProps[];

  /**
   * Where it stands in the rollout.
   *
   * @default - DEVELOPMENT for the names `development` and `dev`, STAGING for `staging`, otherwise PRODUCTION
   * (an environment of unknown stage deploys last, after everything that could have caught a problem)
   */
  readonly stage?: ReleaseStage;

  /**
   * Whether its VPCs are meant to be connected (peering, transit gateway) to the other connected VPCs of the fleet:
   * a connected VPC whose CIDR overlaps another connected VPC's is refused. An isolated environment may reuse blocks.
   *
   * @default true
   */
  readonly connected?: boolean;

  /**
   * Options for this environment's baselines, over the fleet's `defaults`.
   *
   * @default - the fleet's defaults
   */
  readonly options?: FleetBaselineOptions;
}

/**
 * An account of the fleet.
 */
export interface FleetAccountProps {
  /** The 12-digit account ID. */
  readonly id: string;

  /**
   * The region that holds the account's account-wide resources (the multi-region CloudTrail trail); deployed first
   * in each account. One of the regions of the account's environments.
   */
  readonly homeRegion: string;

  /**
   * A name for people (appears in messages).
   *
   * @default - the account ID
   */
  readonly name?: string;
}

/**
 * A fleet: the accounts and the environments of one project, each environment in one or more regions. Kept in code,
 * or in one reviewed JSON file (`Fleet.fromFile`) checked against `schema/fleet.schema.json`.
 */
export interface FleetProps {
  /**
   * The project name of every baseline of the fleet.
   *
   * @default numinia
   */
  readonly project?: string;

  /** The accounts, each with its home region. */
  readonly accounts: FleetAccountProps[];

  /** The environments, in the order they deploy within one rollout stage. */
  readonly environments: FleetEnvironmentProps[];

  /**
   * Options for every baseline of the fleet.
   *
   * @default - the library's defaults
   */
  readonly defaults?: FleetBaselineOptions;
}
