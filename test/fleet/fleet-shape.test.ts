import { checkShape } from '../../src/fleet/fleet-shape';

const minimal = () => ({
  accounts: [{ id: '111111111111', homeRegion: 'eu-west-1' }],
  environments: [{ name: 'production', account: '111111111111', regions: [{ region: 'eu-west-1', cidr: '10.0.0.0/16' }] }],
});

/** The JSON form of a fleet, checked before anything reads it: each kind of field, right and wrong. */
describe('checkShape: the JSON form of a fleet', () => {
  test('a minimal fleet, and one with every optional field, have the shape', () => {
    expect(checkShape(minimal())).toEqual([]);
    const options = {
      natGateways: 'REGIONAL',
      fileSystem: false,
      bastion: true,
      bastionInstanceType: 't3.micro',
      cloudTrail: true,
      restrictDefaultSecurityGroup: true,
      alarmEmails: ['ops@example.com'],
      tags: { Team: 'platform' },
    };
    expect(checkShape({
      $schema: './fleet.schema.json',
      project: 'acme',
      defaults: options,
      accounts: [{ id: '111111111111', homeRegion: 'eu-west-1', name: 'production' }],
      environments: [{
        name: 'production',
        account: '111111111111',
        stage: 'production',
        connected: false,
        options,
        regions: [{
          region: 'eu-west-1',
          cidr: '10.0.0.0/16',
          natGateways: 'NONE',
          availabilityZones: ['eu-west-1a'],
          privateSubnetCidrs: ['10.0.1.0/24'],
          publicSubnetCidrs: ['10.0.101.0/24'],
          databaseSubnetCidrs: ['10.0.201.0/24'],
        }],
      }],
    })).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['not an object', null, ['the fleet: got null; expected an object']],
    ['a list', [], ['the fleet: got []; expected an object']],
    ['nothing required', {}, ['accounts: missing; it is required', 'environments: missing; it is required']],
  ])('the fleet itself: %s', (_name, value, problems) => {
    expect(checkShape(value)).toEqual(problems);
  });

  test.each<[string, (f: any) => void, string[]]>([
    ['an unknown top-level property, listed without $schema', (f) => { f.owner = 'me'; },
      ['owner: unknown property; expected one of project, accounts, environments, defaults']],
    ['a required field of an account', (f) => { delete f.accounts[0].id; }, ['accounts[0].id: missing; it is required']],
    ['a required field of a region', (f) => { delete f.environments[0].regions[0].cidr; }, ['environments[0].regions[0].cidr: missing; it is required']],
    ['a string that is a number', (f) => { f.project = 7; }, ['project: got 7; expected a string']],
    ['a boolean that is a string', (f) => { f.environments[0].connected = 'false'; }, ['environments[0].connected: got "false"; expected a boolean']],
    ['an enum value that is not one', (f) => { f.environments[0].stage = 'prod'; }, ['environments[0].stage: got "prod"; expected one of development, staging, production']],
    ['an enum value that is not a string', (f) => { f.environments[0].regions[0].natGateways = 1; },
      ['environments[0].regions[0].natGateways: got 1; expected one of ONE_PER_AZ, SINGLE, NONE, REGIONAL']],
    ['a list of strings holding a number', (f) => { f.environments[0].regions[0].availabilityZones = ['eu-west-1a', 2]; },
      ['environments[0].regions[0].availabilityZones: got ["eu-west-1a",2]; expected a list of strings']],
    ['a list of strings that is a string', (f) => { f.defaults = { alarmEmails: 'ops@example.com' }; },
      ['defaults.alarmEmails: got "ops@example.com"; expected a list of strings']],
    ['an object of strings holding a number', (f) => { f.defaults = { tags: { Team: 'platform', Cost: 3 } }; },
      ['defaults.tags: got {"Team":"platform","Cost":3}; expected an object of strings']],
    ['an object of strings that is a list', (f) => { f.defaults = { tags: ['Team'] }; }, ['defaults.tags: got ["Team"]; expected an object of strings']],
    ['options that are not an object', (f) => { f.environments[0].options = 'none'; }, ['environments[0].options: got "none"; expected an object']],
    ['an unknown option', (f) => { f.environments[0].options = { nat: 'SINGLE' }; },
      ['environments[0].options.nat: unknown property; expected one of natGateways, fileSystem, bastion, bastionInstanceType, cloudTrail, '
        + 'restrictDefaultSecurityGroup, alarmEmails, tags']],
    ['a list item that is not an object', (f) => { f.accounts.push('222222222222'); }, ['accounts[1]: got "222222222222"; expected an object']],
    ['environments that are not a list', (f) => { f.environments = {}; }, ['environments: got {}; expected a list']],
  ])('%s', (_name, change, problems) => {
    const fleet: any = minimal();
    change(fleet);
    expect(checkShape(fleet)).toEqual(problems);
  });
});
