import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BAD_FLEETS } from './bad-fleets';
import { mutated, sampleFleet } from './samples';
import { Fleet } from '../../src';
import { checkFleet } from '../../src/fleet/fleet-validation';

describe('Fleet: bad fleets fail with a message naming the property, the value and what is allowed', () => {
  test.each(BAD_FLEETS)('fails with %s', (_name, change, message) => {
    expect(() => Fleet.fromJson(mutated(change))).toThrow(message);
  });

  test('fails with every problem at once, counted', () => {
    const fleet = mutated((f) => {
      f.environments[2].regions[1].cidr = '10.31.0.0/16';
      f.environments[1].regions[0].region = 'ap-northeast-1';
      f.accounts[1].homeRegion = 'eu-central-1';
    });
    expect(() => Fleet.fromJson(fleet)).toThrow(/^Invalid fleet \(3 problems\):\n {2}- accounts\[1\]\.homeRegion: .*\n {2}- environments\[1\]\.regions\[0\]\.availabilityZones: .*\n {2}- environments\[2\]\.regions\[1\]\.cidr: [^\n]*$/);
  });

  test('an isolated environment (connected: false) may reuse a block', () => {
    expect(() => Fleet.fromJson(mutated((f) => { f.environments[1].regions[0].cidr = '10.30.0.0/16'; f.environments[1].connected = false; }))).not.toThrow();
  });

  test('a region without zone b is fine with its zones listed', () => {
    expect(() => Fleet.fromJson(mutated((f) => {
      f.environments[1].regions[0] = { region: 'ap-northeast-1', cidr: '10.21.0.0/16', availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'] };
    }))).not.toThrow();
  });

  test('fromFile names the file, and a file that is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-'));
    try {
      const broken = path.join(dir, 'broken.json');
      fs.writeFileSync(broken, '{ "accounts": [ }');
      expect(() => Fleet.fromFile(broken)).toThrow(new RegExp(`^Invalid fleet file ${broken}: .*JSON`));
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify(mutated((f) => { delete f.accounts[1].homeRegion; })));
      expect(() => Fleet.fromFile(bad)).toThrow(new RegExp(`^${bad}: Invalid fleet \\(1 problem\\):\\n  - accounts\\[1\\]\\.homeRegion: missing`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * checkFleet called directly, past the JSON Schema (which refuses some of these first): each check on its own, with a
 * row on each side of it. A fleet a TypeScript app builds in code reaches checkFleet without the schema.
 */
describe('checkFleet: each check on its own', () => {
  const problemsOf = (change: (fleet: any) => void): string[] => checkFleet(mutated(change));

  test('the sample fleet has no problem', () => {
    expect(checkFleet(sampleFleet())).toEqual([]);
  });

  test('account IDs: exactly twelve digits', () => {
    const idProblems = (id: string) => problemsOf((f) => { f.accounts.push({ id, homeRegion: 'eu-west-1' }); })
      .filter((p) => p.startsWith('accounts[3].id:'));
    expect(idProblems('444444444444')).toEqual([]);
    expect(idProblems('4444444444444')).toEqual(['accounts[3].id: got "4444444444444"; expected a 12-digit account ID']);
    expect(idProblems('44444444444')).toEqual(['accounts[3].id: got "44444444444"; expected a 12-digit account ID']);
  });

  test('a home region that is missing, empty or not a region name', () => {
    const homeProblems = (homeRegion: unknown) => problemsOf((f) => { f.accounts[1].homeRegion = homeRegion; })
      .filter((p) => p.startsWith('accounts[1].homeRegion:'));
    const missing = ['accounts[1].homeRegion: missing; every account needs a home region, where its account-wide resources (the trail) go'];
    expect(homeProblems(undefined)).toEqual(missing);
    expect(homeProblems('')).toEqual(missing);
    for (const bad of ['EU-west-1', '1eu-west-1', 'eu-west-1x', 'euwest1']) {
      expect(homeProblems(bad)).toEqual([`accounts[1].homeRegion: got "${bad}"; expected a region name such as eu-west-1`]);
    }
  });

  test("a home region must hold one of the account's own environments, not another account's", () => {
    // Account 222222222222 is only in eu-west-1 here; us-east-1 holds environments of the other accounts only.
    const problems = problemsOf((f) => {
      f.environments[1].regions = [{ region: 'eu-west-1', cidr: '10.20.0.0/16' }];
      f.accounts[1].homeRegion = 'us-east-1';
    });
    expect(problems).toEqual([
      "accounts[1].homeRegion: us-east-1 holds no environment of account 222222222222; expected one of its environments' regions (eu-west-1)",
    ]);
  });

  test('an account without environments is told it has none', () => {
    expect(problemsOf((f) => { f.accounts.push({ id: '444444444444', homeRegion: 'eu-west-1' }); })).toEqual([
      "accounts[3].homeRegion: eu-west-1 holds no environment of account 444444444444; expected one of its environments' regions (it has none)",
    ]);
  });

  test('region names: a letter pair, one or more words, a number of one or more digits', () => {
    const regionProblems = (region: string) => problemsOf((f) => {
      f.environments[0].regions[1] = { region, cidr: '10.31.0.0/16', availabilityZones: [`${region}a`, `${region}b`, `${region}c`] };
    }).filter((p) => p.startsWith('environments[0].regions[1].region:'));
    for (const good of ['us-gov-west-1', 'eu-west-10']) {
      expect(regionProblems(good)).toEqual([]);
    }
    for (const bad of ['EU-WEST-1', '1eu-west-1', 'eu-west-1x', 'euwest-1']) {
      expect(regionProblems(bad)).toEqual([`environments[0].regions[1].region: got "${bad}"; expected a region name such as eu-west-1`]);
    }
  });

  test('NAT strategies of the defaults, of an environment and of a region', () => {
    expect(problemsOf((f) => { f.defaults = { natGateways: 'TWO' }; })).toEqual([
      'defaults.natGateways: got "TWO"; expected one of ONE_PER_AZ, SINGLE, NONE, REGIONAL',
    ]);
    expect(problemsOf((f) => { f.environments[0].regions[0].natGateways = 'TWO'; })).toEqual([
      'environments[0].regions[0].natGateways: got "TWO"; expected one of ONE_PER_AZ, SINGLE, NONE, REGIONAL',
    ]);
    expect(problemsOf((f) => { f.defaults = { natGateways: 'SINGLE' }; f.environments[0].regions[0].natGateways = 'NONE'; })).toEqual([]);
  });

  test('a bastion instance type needs the bastion', () => {
    expect(problemsOf((f) => { f.defaults = { bastion: false, bastionInstanceType: 't3.small' }; })).toEqual([
      'defaults.bastionInstanceType: set while bastion is false; remove one of the two',
    ]);
    expect(problemsOf((f) => { f.defaults = { bastion: true, bastionInstanceType: 't3.small' }; })).toEqual([]);
    expect(problemsOf((f) => { f.defaults = { bastion: false }; })).toEqual([]);
  });

  test("the document's subnet plan: a /16 of at most three zones, unless both subnet lists are given", () => {
    const planProblems = (region: Record<string, unknown>) => problemsOf((f) => {
      f.environments[0].regions[0] = { region: 'eu-west-1', ...region };
    }).filter((p) => p.startsWith('environments[0].regions[0]:'));
    const notAPlan = (cidr: string) => [
      `environments[0].regions[0]: ${cidr} is not a /16 (or has more than three zones), so the document's subnet plan does not fit it; ` +
        'give privateSubnetCidrs and publicSubnetCidrs',
    ];
    const fourZones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'];
    expect(planProblems({ cidr: '10.30.0.0/16', availabilityZones: fourZones.slice(0, 3) })).toEqual([]);
    expect(planProblems({ cidr: '10.30.0.0/16', availabilityZones: fourZones })).toEqual(notAPlan('10.30.0.0/16'));
    expect(planProblems({ cidr: '10.30.0.0/20', privateSubnetCidrs: ['10.30.0.0/24'] })).toEqual(notAPlan('10.30.0.0/20'));
    expect(planProblems({ cidr: '10.30.0.0/20', publicSubnetCidrs: ['10.30.8.0/24'] })).toEqual(notAPlan('10.30.0.0/20'));
    expect(planProblems({ cidr: '10.30.0.0/20', privateSubnetCidrs: ['10.30.0.0/24'], publicSubnetCidrs: ['10.30.8.0/24'] })).toEqual([]);
  });

  test('an overlap is reported in full, with both ways out', () => {
    expect(problemsOf((f) => { f.environments[1].regions[0].cidr = '10.30.0.0/16'; })).toEqual([
      'environments[1].regions[0].cidr: 10.30.0.0/16 overlaps 10.30.0.0/16 of environments[0].regions[0] (production in eu-west-1); ' +
        'connected VPCs need disjoint blocks (peering and transit gateways refuse overlaps): give it another block, ' +
        'or set connected: false on an environment never connected',
    ]);
  });
});
