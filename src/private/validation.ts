import { Duration, Token } from 'aws-cdk-lib';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { cidrContains, cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from './cidr';
import { BaselineConfig } from './config';
import * as defaults from './defaults';
import { gatewayServiceName } from '../network/network';
import { NatGateways } from '../network/network-props';
import type { NuminiaBaselineProps } from '../numinia-baseline';
import { PARAMETER_PREFIX_PATTERN } from '../sharing/parameter-names';

/**
 * Checks every prop before any resource exists and reports every problem at once, one line each:
 * the property, the value received and what is allowed. Unresolved tokens are skipped: they are
 * only known at deploy time.
 */
export function validateBaselineProps(props: NuminiaBaselineProps, config: BaselineConfig): void {
  const problems = [
    ...checkNames(props),
    ...checkTags(config.tags),
    ...checkNetwork(props, config),
    ...checkEncryption(props),
    ...checkFileSystem(props),
    ...checkBastion(props),
    ...checkLogging(props),
    ...checkSharing(props),
  ];
  if (problems.length > 0) {
    throw new Error(
      `Invalid NuminiaBaseline props (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}

const show = (value: unknown): string => JSON.stringify(value);

function checkNames(props: NuminiaBaselineProps): string[] {
  const problems: string[] = [];
  const named: Array<[string, unknown]> = [
    ['environment', props.environment],
    ['project', props.project ?? defaults.SEED_PROJECT],
  ];
  for (const [name, value] of named) {
    if (typeof value === 'string' && Token.isUnresolved(value)) {
      problems.push(`${name}: got a token; it names tags, key aliases and parameter paths at synth time, so it must be a literal string`);
    } else if (typeof value !== 'string' || !defaults.NAME_PATTERN.test(value)) {
      problems.push(`${name}: got ${show(value)}; expected ${defaults.NAME_RULE}`);
    }
  }
  return problems;
}

const RESERVED_TAG_KEYS = [defaults.TAG_ENVIRONMENT, defaults.TAG_PROJECT, defaults.TAG_MANAGED_BY];

function checkTags(tags: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(tags)) {
    if (RESERVED_TAG_KEYS.includes(key)) {
      problems.push(`tags.${key}: the baseline sets this tag itself (from environment/project); remove it from tags`);
    } else if (key.toLowerCase().startsWith('aws:')) {
      problems.push(`tags.${key}: keys starting with "aws:" are reserved by AWS`);
    } else if (key.length === 0 || key.length > 128) {
      problems.push(`tags: key ${show(key)} has ${key.length} characters; expected 1-128`);
    }
    if (typeof value !== 'string' || (!Token.isUnresolved(value) && value.length > 256)) {
      problems.push(`tags.${key}: got ${show(value)}; expected a string of at most 256 characters`);
    }
  }
  return problems;
}

function checkNetwork(props: NuminiaBaselineProps, config: BaselineConfig): string[] {
  const problems: string[] = [];
  const net = config.network;

  if (!Object.values(NatGateways).includes(net.natGateways)) {
    problems.push(`network.natGateways: got ${show(net.natGateways)}; expected one of ${Object.values(NatGateways).join(', ')}`);
  }

  const azs = net.availabilityZones;
  if (azs === undefined) {
    problems.push(
      'network.availabilityZones: the stack has no concrete region, so the zones cannot be derived ' +
        '(an environment-agnostic stack would get only two); set env.region on the stack or list the zones explicitly',
    );
  } else if (!Token.isUnresolved(azs)) {
    if (azs.length === 0) {
      problems.push('network.availabilityZones: got []; expected at least one zone');
    }
    const duplicates = azs.filter((az, i) => azs.indexOf(az) !== i);
    if (duplicates.length > 0) {
      problems.push(`network.availabilityZones: got ${show(azs)}; ${show(duplicates[0])} appears twice, each zone at most once`);
    }
  }

  const vpc = checkCidr('network.cidr', net.cidr, problems);
  const tiers: Array<[string, string[], boolean]> = [
    ['network.publicSubnetCidrs', net.publicSubnetCidrs, true],
    ['network.privateSubnetCidrs', net.privateSubnetCidrs, true],
    ['network.databaseSubnetCidrs', net.databaseSubnetCidrs, props.network?.databaseSubnetCidrs !== undefined],
  ];
  const subnets: Array<[string, Ipv4Cidr]> = [];
  for (const [name, cidrs, present] of tiers) {
    if (!present || Token.isUnresolved(cidrs)) {
      continue;
    }
    if (azs !== undefined && !Token.isUnresolved(azs) && cidrs.length !== azs.length) {
      problems.push(`${name}: got ${cidrs.length} CIDRs for ${azs.length} availability zones (${azs.join(', ')}); expected one per zone`);
    }
    cidrs.forEach((cidr, i) => {
      const parsed = checkCidr(`${name}[${i}]`, cidr, problems);
      if (parsed === undefined) {
        return;
      }
      if (vpc !== undefined && !cidrContains(vpc, parsed)) {
        problems.push(`${name}[${i}]: ${cidr} lies outside the VPC CIDR ${vpc.text}; every subnet must be inside it`);
      }
      for (const [otherName, other] of subnets) {
        if (cidrsOverlap(parsed, other)) {
          problems.push(`${name}[${i}]: ${cidr} overlaps ${otherName} ${other.text}; subnets must not overlap`);
        }
      }
      subnets.push([`${name}[${i}]`, parsed]);
    });
  }

  const endpoints = net.additionalInterfaceEndpoints.map((e) => e.shortName);
  for (const builtIn of ['eks', 'logs']) {
    if (endpoints.includes(builtIn)) {
      problems.push(`network.additionalInterfaceEndpoints: ${show(builtIn)} is always created; remove it from the list`);
    }
  }
  const repeated = endpoints.filter((e, i) => endpoints.indexOf(e) !== i);
  if (repeated.length > 0) {
    problems.push(`network.additionalInterfaceEndpoints: ${show(repeated[0])} is listed twice`);
  }
  const gateways = net.additionalGatewayEndpoints.map(gatewayServiceName);
  if (gateways.includes('s3')) {
    problems.push('network.additionalGatewayEndpoints: the S3 gateway endpoint is always created; remove it from the list');
  }
  return problems;
}

/** Parses a CIDR that is not a token and checks the prefix length AWS accepts; records a problem otherwise. */
function checkCidr(name: string, cidr: string, problems: string[]): Ipv4Cidr | undefined {
  if (Token.isUnresolved(cidr)) {
    return undefined;
  }
  const parsed = typeof cidr === 'string' ? parseIpv4Cidr(cidr) : 'is not a string';
  if (typeof parsed === 'string') {
    problems.push(`${name}: ${show(cidr)} ${parsed}; expected a network address such as 10.0.0.0/16`);
    return undefined;
  }
  if (parsed.prefixLength < defaults.MIN_PREFIX_LENGTH || parsed.prefixLength > defaults.MAX_PREFIX_LENGTH) {
    problems.push(
      `${name}: ${cidr} has prefix /${parsed.prefixLength}; AWS accepts /${defaults.MIN_PREFIX_LENGTH} to /${defaults.MAX_PREFIX_LENGTH}`,
    );
    return undefined;
  }
  return parsed;
}

function checkEncryption(props: NuminiaBaselineProps): string[] {
  const problems: string[] = [];
  const enc = props.encryption ?? {};
  if (enc.rotationPeriod !== undefined) {
    const days = wholeDays(enc.rotationPeriod);
    if (days !== undefined && !(days >= defaults.KMS_MIN_ROTATION_DAYS && days <= defaults.KMS_MAX_ROTATION_DAYS)) {
      problems.push(
        `encryption.rotationPeriod: got ${enc.rotationPeriod.toHumanString()}; KMS accepts ` +
          `${defaults.KMS_MIN_ROTATION_DAYS} to ${defaults.KMS_MAX_ROTATION_DAYS} whole days`,
      );
    }
    const fileSystemKeyNeeded = props.fileSystem?.enabled !== false;
    const allKeysBroughtIn =
      enc.eksSecretsKey !== undefined && enc.logsKey !== undefined && (enc.fileSystemKey !== undefined || !fileSystemKeyNeeded);
    if (allKeysBroughtIn) {
      problems.push(
        'encryption.rotationPeriod: every key is brought in (eksSecretsKey, fileSystemKey, logsKey), so no key is ' +
          'created for it to apply to; set rotation on your own keys and remove rotationPeriod',
      );
    }
  }
  if (enc.fileSystemKey !== undefined && props.fileSystem?.enabled === false) {
    problems.push('encryption.fileSystemKey: given while fileSystem.enabled is false; remove one of the two');
  }
  return problems;
}

/** The whole number of days in a duration, undefined for a token; NaN when it is not whole. */
function wholeDays(duration: Duration): number | undefined {
  const days = duration.toDays({ integral: false });
  if (Token.isUnresolved(days)) {
    return undefined;
  }
  return Number.isInteger(days) ? days : NaN;
}

/** Props of an area that only make sense when the area is enabled. */
function checkDisabledArea(area: string, options: object | undefined): string[] {
  const given = Object.entries(options ?? {})
    .filter(([key, value]) => key !== 'enabled' && value !== undefined)
    .map(([key]) => `${area}.${key}`);
  if ((options as { enabled?: boolean } | undefined)?.enabled === false && given.length > 0) {
    return [`${area}.enabled: false, yet ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set; remove ${given.length === 1 ? 'it' : 'them'} or enable the ${area}`];
  }
  return [];
}

function checkFileSystem(props: NuminiaBaselineProps): string[] {
  const fs = props.fileSystem ?? {};
  const problems = checkDisabledArea('fileSystem', fs);
  const mode = fs.throughputMode ?? efs.ThroughputMode.BURSTING;
  if (mode === efs.ThroughputMode.PROVISIONED && fs.provisionedThroughputPerSecond === undefined) {
    problems.push('fileSystem.provisionedThroughputPerSecond: required with throughputMode PROVISIONED');
  }
  if (mode !== efs.ThroughputMode.PROVISIONED && fs.provisionedThroughputPerSecond !== undefined) {
    problems.push(`fileSystem.provisionedThroughputPerSecond: only applies with throughputMode PROVISIONED (got ${mode})`);
  }
  if (mode === efs.ThroughputMode.ELASTIC && fs.performanceMode === efs.PerformanceMode.MAX_IO) {
    problems.push('fileSystem.performanceMode: MAX_IO cannot be combined with throughputMode ELASTIC; use GENERAL_PURPOSE');
  }
  return problems;
}

function checkBastion(props: NuminiaBaselineProps): string[] {
  const bastion = props.bastion ?? {};
  const problems = checkDisabledArea('bastion', bastion);
  const names = bastion.eksClusterNames;
  if (names !== undefined && !Token.isUnresolved(names)) {
    if (names.length === 0) {
      problems.push('bastion.eksClusterNames: got []; expected at least one cluster name or pattern');
    }
    names
      .filter((name) => !Token.isUnresolved(name) && !/^[0-9A-Za-z*][A-Za-z0-9\-_*]{0,99}$/.test(name))
      .forEach((name) => problems.push(`bastion.eksClusterNames: ${show(name)} is not an EKS cluster name or pattern (letters, digits, -, _ and *; up to 100)`));
  }
  return problems;
}

const RETENTION_VALUES = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number');

function checkLogging(props: NuminiaBaselineProps): string[] {
  const problems: string[] = [];
  const logging = props.logging ?? {};
  const retentions: Array<[string, logs.RetentionDays | undefined]> = [
    ['logging.flowLogRetention', logging.flowLogRetention],
    ['logging.cloudTrail.cloudWatchLogsRetention', logging.cloudTrail?.cloudWatchLogsRetention],
  ];
  for (const [name, value] of retentions) {
    if (value !== undefined && !Token.isUnresolved(value) && !RETENTION_VALUES.includes(value)) {
      problems.push(`${name}: got ${show(value)} days; CloudWatch Logs accepts ${RETENTION_VALUES.join(', ')} (see logs.RetentionDays)`);
    }
  }
  const trail = logging.cloudTrail ?? {};
  problems.push(...checkDisabledArea('logging.cloudTrail', trail));
  if (trail.sendToCloudWatchLogs === false && trail.cloudWatchLogsRetention !== undefined) {
    problems.push('logging.cloudTrail.cloudWatchLogsRetention: set while sendToCloudWatchLogs is false; remove one of the two');
  }
  const glacier = trail.transitionToGlacierAfter === undefined ? defaults.TRAIL_BUCKET_GLACIER_AFTER_DAYS : wholeDays(trail.transitionToGlacierAfter);
  const expiry = trail.expireAfter === undefined ? undefined : wholeDays(trail.expireAfter);
  if (glacier !== undefined && !(glacier >= 1)) {
    problems.push(`logging.cloudTrail.transitionToGlacierAfter: got ${trail.transitionToGlacierAfter?.toHumanString()}; expected a whole number of days, at least 1`);
  }
  if (expiry !== undefined && !(expiry >= 1)) {
    problems.push(`logging.cloudTrail.expireAfter: got ${trail.expireAfter?.toHumanString()}; expected a whole number of days, at least 1`);
  } else if (expiry !== undefined && glacier !== undefined && expiry <= glacier) {
    problems.push(
      `logging.cloudTrail.expireAfter: got ${expiry} days, not later than transitionToGlacierAfter (${glacier} days); ` +
        'expected a longer period, or no expiry',
    );
  }
  return problems;
}

function checkSharing(props: NuminiaBaselineProps): string[] {
  const sharing = props.sharing ?? {};
  const problems: string[] = [];
  if (sharing.publishParameters === false && sharing.parameterPrefix !== undefined) {
    problems.push('sharing.parameterPrefix: set while sharing.publishParameters is false; remove one of the two');
  }
  const prefix = sharing.parameterPrefix;
  if (prefix !== undefined && !Token.isUnresolved(prefix) && (!PARAMETER_PREFIX_PATTERN.test(prefix) || prefix.length > 900)) {
    problems.push(`sharing.parameterPrefix: got ${show(prefix)}; expected a path starting and ending with "/" of letters, digits and _.-/`);
  }
  return problems;
}
