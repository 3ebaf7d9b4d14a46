import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { BAD_FLEETS } from './bad-fleets';
import { mutated, sampleFleet } from './samples';
import { Fleet } from '../../src';

const ROOT = path.join(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'fleet.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const refusedByFleet = (json: unknown) => {
  try {
    Fleet.fromJson(json);
    return false;
  } catch {
    return true;
  }
};

/** The bad fleets that are wrong in form (what a schema can say); the others are wrong in meaning. */
const WRONG_IN_FORM = [
  'an account without a home region', 'an unknown NAT strategy', 'an unknown stage', 'a misspelt property',
  'a property of the wrong type', 'regions that are not a list',
];

describe('schema/fleet.schema.json and the fleet validator agree', () => {
  test('the schema accepts the sample fleet and the example fleet file, which the validator accepts', () => {
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'fleet', 'fleet.json'), 'utf8'));
    for (const fleet of [JSON.parse(JSON.stringify(sampleFleet())), example]) {
      expect([validate(fleet), validate.errors ?? []]).toEqual([true, []]);
      expect(refusedByFleet(fleet)).toBe(false);
    }
  });

  test.each(BAD_FLEETS.map(([name, change]) => [name, change] as const))('%s: refused by the validator, by the schema exactly when it is wrong in form', (name, change) => {
    const fleet = mutated(change);
    expect(refusedByFleet(fleet)).toBe(true);
    expect([name, !validate(fleet)]).toEqual([name, WRONG_IN_FORM.includes(name)]);
  });

  test('the schema requires what FleetProps requires and documents the defaults', () => {
    expect(schema.definitions.FleetProps.required).toEqual(['accounts', 'environments']);
    expect(schema.definitions.FleetAccountProps.required).toEqual(['homeRegion', 'id']);
    expect(schema.definitions.FleetRegionProps.properties.natGateways).toEqual({ description: expect.any(String), $ref: '#/definitions/NatGateways' });
    expect(schema.definitions.NatGateways.enum).toEqual(['ONE_PER_AZ', 'SINGLE', 'NONE', 'REGIONAL']);
    expect(schema.definitions.ReleaseStage.enum).toEqual(['development', 'staging', 'production']);
    expect(schema.definitions.FleetEnvironmentProps.properties.connected.description).toMatch(/Default: true$/);
  });
});
