import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BAD_FLEETS } from './bad-fleets';
import { mutated } from './samples';
import { Fleet } from '../../src';

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
