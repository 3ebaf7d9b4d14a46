import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Fleet } from '../../src';
import { mutated } from './samples';

/** Every bad fleet, with the message it must get. Each is the sample fleet with one thing broken. */
export const BAD_FLEETS: Array<[string, (fleet: any) => void, RegExp]> = [
  ['a duplicate environment', (f) => f.environments.push({ ...f.environments[0], regions: [{ region: 'eu-west-1', cidr: '10.99.0.0/16' }] }),
    /environments\[4\]\.name: "production" is already environments\[0\]; each environment once \(list its regions under it\)/],
  ['a duplicate account', (f) => f.accounts.push({ id: '222222222222', homeRegion: 'us-east-1' }),
    /accounts\[3\]\.id: 222222222222 is already accounts\[1\]; declare each account once/],
  ['a duplicate region in one environment', (f) => f.environments[0].regions.push({ region: 'eu-west-1', cidr: '10.32.0.0/16' }),
    /environments\[0\]\.regions\[2\]\.region: eu-west-1 is already environments\[0\]\.regions\[0\]; each region once per environment/],
  ['overlapping CIDRs of two connected environments of two accounts', (f) => { f.environments[1].regions[0].cidr = '10.30.0.0/16'; },
    /environments\[1\]\.regions\[0\]\.cidr: 10\.30\.0\.0\/16 overlaps 10\.30\.0\.0\/16 of environments\[0\]\.regions\[0\] \(production in eu-west-1\); connected VPCs need disjoint blocks/],
  ['overlapping CIDRs of two regions of one environment', (f) => { f.environments[0].regions[1].cidr = '10.30.128.0/17'; f.environments[0].regions[1].privateSubnetCidrs = ['10.30.128.0/24', '10.30.129.0/24', '10.30.130.0/24']; f.environments[0].regions[1].publicSubnetCidrs = ['10.30.200.0/24', '10.30.201.0/24', '10.30.202.0/24']; },
    /environments\[0\]\.regions\[1\]\.cidr: 10\.30\.128\.0\/17 overlaps 10\.30\.0\.0\/16 of environments\[0\]\.regions\[0\]/],
  ['a region without zone b (ap-northeast-1)', (f) => { f.environments[0].regions[1].region = 'ap-northeast-1'; },
    /environments\[0\]\.regions\[1\]\.availabilityZones: the default zones a, b and c do not all exist: ap-northeast-1 has no zone ap-northeast-1b \(it offers zones ap-northeast-1a, ap-northeast-1c, ap-northeast-1d\); list availabilityZones explicitly/],
  ['a region without zone c (ca-central-1)', (f) => { f.environments[0].regions[1].region = 'ca-central-1'; },
    /ca-central-1 has no zone ca-central-1c/],
  ['a region of two zones (us-west-1)', (f) => { f.environments[0].regions[1].region = 'us-west-1'; },
    /us-west-1 has no zones us-west-1a, us-west-1b, us-west-1c \(it offers two zones whose letters depend on the account\)/],
  ['a region whose zones the fleet does not know', (f) => { f.environments[0].regions[1].region = 'xx-north-9'; },
    /xx-north-9 is not a region whose zones this library knows; list availabilityZones explicitly/],
  ['an account without a home region', (f) => { delete f.accounts[1].homeRegion; },
    /accounts\[1\]\.homeRegion: missing; it is required/],
  ['an account with an empty home region', (f) => { f.accounts[1].homeRegion = ''; },
    /accounts\[1\]\.homeRegion: missing; every account needs a home region/],
  ['a home region where the account has no environment', (f) => { f.accounts[1].homeRegion = 'eu-central-1'; },
    /accounts\[1\]\.homeRegion: eu-central-1 holds no environment of account 222222222222; expected one of its environments' regions \(us-east-1, eu-west-1\)/],
  ['an environment in an undeclared account', (f) => { f.environments[1].account = '444444444444'; },
    /environments\[1\]\.account: "444444444444" is not in accounts; declare it there with its home region/],
  ['an account ID that is not 12 digits', (f) => { f.accounts[0].id = '1111'; f.environments[2].account = '1111'; f.environments[3].account = '1111'; },
    /accounts\[0\]\.id: got "1111"; expected a 12-digit account ID/],
  ['a VPC that is not a /16 without subnet CIDRs', (f) => { f.environments[0].regions[0].cidr = '10.30.0.0/20'; },
    /environments\[0\]\.regions\[0\]: 10\.30\.0\.0\/20 is not a \/16 \(or has more than three zones\), so the document's subnet plan does not fit it; give privateSubnetCidrs and publicSubnetCidrs/],
  ['a CIDR that is not one', (f) => { f.environments[0].regions[0].cidr = '10.30.0.1/16'; },
    /environments\[0\]\.regions\[0\]\.cidr: "10\.30\.0\.1\/16" has host bits set/],
  ['an unknown NAT strategy', (f) => { f.environments[1].options.natGateways = 'TWO'; },
    /environments\[1\]\.options\.natGateways: got "TWO"; expected one of ONE_PER_AZ, SINGLE, NONE/],
  ['an unknown stage', (f) => { f.environments[1].stage = 'canary'; },
    /environments\[1\]\.stage: got "canary"; expected one of development, staging, production/],
  ['a misspelt property', (f) => { f.accounts[0].homeRegoin = 'eu-west-1'; },
    /accounts\[0\]\.homeRegoin: unknown property; expected one of id, homeRegion, name/],
  ['a property of the wrong type', (f) => { f.environments[0].connected = 'yes'; },
    /environments\[0\]\.connected: got "yes"; expected a boolean/],
  ['regions that are not a list', (f) => { f.environments[0].regions = { region: 'eu-west-1' }; },
    /environments\[0\]\.regions: got \{"region":"eu-west-1"\}; expected a list/],
  ['an environment without regions', (f) => { f.environments[0].regions = []; },
    /environments\[0\]\.regions: got \[\]; expected at least one region/],
  ['an environment name the baseline refuses', (f) => { f.environments[0].name = 'Production'; },
    /environments\[0\]\.name: got "Production"; expected 2-32 characters/],
  ['a bastion instance type without a bastion', (f) => { f.environments[0].options = { bastion: false, bastionInstanceType: 't3.small' }; },
    /environments\[0\]\.options\.bastionInstanceType: set while bastion is false; remove one of the two/],
  ['a project name the baseline refuses', (f) => { f.project = 'Numinia'; },
    /project: got "Numinia"; expected 2-32 characters/],
];

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
