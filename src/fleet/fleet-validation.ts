import { documentSubnetsOf } from './cidr-plan';
import { FleetBaselineOptions, FleetProps } from './fleet-props';
import { NatGateways } from '../network/network-props';
import { cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from '../private/cidr';
import * as defaults from '../private/defaults';
import { defaultZonesProblem } from '../private/region-zones';
import { isRegionName, show } from '../private/validation-helpers';

/**
 * Every problem of a fleet at once, one line each (the property, the value, what is allowed): names, duplicates,
 * accounts and home regions, zones, the CIDR plan and overlaps between connected environments. Each baseline checks
 * its own props again when it is built.
 */
export function checkFleet(props: FleetProps): string[] {
  const problems: string[] = [];
  const project = props.project ?? defaults.SEED_PROJECT;
  if (!defaults.NAME_PATTERN.test(project)) {
    problems.push(`project: got ${show(project)}; expected ${defaults.NAME_RULE}`);
  }
  problems.push(...checkOptions('defaults', props.defaults));

  const accountIds = new Map<string, number>();
  props.accounts.forEach((account, i) => {
    const name = `accounts[${i}]`;
    if (!/^\d{12}$/.test(account.id)) {
      problems.push(`${name}.id: got ${show(account.id)}; expected a 12-digit account ID`);
    }
    if (accountIds.has(account.id)) {
      problems.push(`${name}.id: ${account.id} is already accounts[${accountIds.get(account.id)}]; declare each account once`);
    } else {
      accountIds.set(account.id, i);
    }
    if (typeof account.homeRegion !== 'string' || account.homeRegion === '') {
      problems.push(`${name}.homeRegion: missing; every account needs a home region, where its account-wide resources (the trail) go`);
    } else if (!isRegionName(account.homeRegion)) {
      problems.push(`${name}.homeRegion: got ${show(account.homeRegion)}; expected a region name such as eu-west-1`);
    } else if (!props.environments.some((e) => e.account === account.id && e.regions.some((r) => r.region === account.homeRegion))) {
      problems.push(
        `${name}.homeRegion: ${account.homeRegion} holds no environment of account ${account.id}; expected one of its environments' regions ` +
          `(${regionsOf(props, account.id).join(', ') || 'it has none'})`,
      );
    }
  });

  const environmentNames = new Map<string, number>();
  const vpcs: Array<{ name: string; cidr: Ipv4Cidr }> = [];
  props.environments.forEach((environment, i) => {
    const name = `environments[${i}]`;
    if (!defaults.NAME_PATTERN.test(environment.name)) {
      problems.push(`${name}.name: got ${show(environment.name)}; expected ${defaults.NAME_RULE}`);
    }
    if (environmentNames.has(environment.name)) {
      problems.push(`${name}.name: ${show(environment.name)} is already environments[${environmentNames.get(environment.name)}]; each environment once (list its regions under it)`);
    } else {
      environmentNames.set(environment.name, i);
    }
    if (!accountIds.has(environment.account)) {
      problems.push(`${name}.account: ${show(environment.account)} is not in accounts; declare it there with its home region`);
    }
    problems.push(...checkOptions(`${name}.options`, environment.options));
    if (environment.regions.length === 0) {
      problems.push(`${name}.regions: got []; expected at least one region`);
    }
    const seen = new Map<string, number>();
    environment.regions.forEach((region, j) => {
      const where = `${name}.regions[${j}]`;
      if (seen.has(region.region)) {
        problems.push(`${where}.region: ${region.region} is already ${name}.regions[${seen.get(region.region)}]; each region once per environment`);
      }
      seen.set(region.region, j);
      if (!isRegionName(region.region)) {
        problems.push(`${where}.region: got ${show(region.region)}; expected a region name such as eu-west-1`);
      } else if (region.availabilityZones === undefined) {
        const zones = defaultZonesProblem(region.region);
        if (zones) {
          problems.push(`${where}.availabilityZones: the default zones a, b and c do not all exist: ${zones}`);
        }
      }
      if (region.natGateways !== undefined && !Object.values(NatGateways).includes(region.natGateways)) {
        problems.push(`${where}.natGateways: got ${show(region.natGateways)}; expected one of ${Object.values(NatGateways).join(', ')}`);
      }
      const cidr = parseIpv4Cidr(region.cidr);
      if (typeof cidr === 'string') {
        problems.push(`${where}.cidr: ${show(region.cidr)} ${cidr}; expected a network address such as 10.1.0.0/16`);
        return;
      }
      const zones = region.availabilityZones?.length ?? 3;
      if ((region.privateSubnetCidrs === undefined || region.publicSubnetCidrs === undefined) && !documentSubnetsOf(region.cidr, zones)) {
        problems.push(
          `${where}: ${region.cidr} is not a /16 (or has more than three zones), so the document's subnet plan does not fit it; ` +
            'give privateSubnetCidrs and publicSubnetCidrs',
        );
      }
      if (environment.connected === false) {
        return;
      }
      const label = `${where} (${environment.name} in ${region.region})`;
      for (const other of vpcs.filter((v) => cidrsOverlap(v.cidr, cidr))) {
        problems.push(
          `${where}.cidr: ${region.cidr} overlaps ${other.cidr.text} of ${other.name}; connected VPCs need disjoint blocks ` +
            '(peering and transit gateways refuse overlaps): give it another block, or set connected: false on an environment never connected',
        );
      }
      vpcs.push({ name: label, cidr });
    });
  });
  return problems;
}

function checkOptions(name: string, options: FleetBaselineOptions | undefined): string[] {
  if (options?.natGateways !== undefined && !Object.values(NatGateways).includes(options.natGateways)) {
    return [`${name}.natGateways: got ${show(options.natGateways)}; expected one of ${Object.values(NatGateways).join(', ')}`];
  }
  if (options?.bastion === false && options.bastionInstanceType !== undefined) {
    return [`${name}.bastionInstanceType: set while bastion is false; remove one of the two`];
  }
  return [];
}

function regionsOf(props: FleetProps, account: string): string[] {
  return [...new Set(props.environments.filter((e) => e.account === account).flatMap((e) => e.regions.map((r) => r.region)))];
}
