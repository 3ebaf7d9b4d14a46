import { isTimezone, regionTimezone } from '../../src/access/region-timezones';

describe('the time zone of a region (where the maintenance window\'s night is)', () => {
  test.each([
    // The city each region is in (AWS, "Regions and Zones").
    ['eu-west-1', 'Europe/Dublin'],
    ['eu-central-1', 'Europe/Berlin'],
    ['us-east-1', 'America/New_York'],
    ['us-west-2', 'America/Los_Angeles'],
    ['ap-southeast-2', 'Australia/Sydney'],
    ['ap-northeast-1', 'Asia/Tokyo'],
    ['sa-east-1', 'America/Sao_Paulo'],
    ['a-region-of-the-future', 'Etc/UTC'],
    ['', 'Etc/UTC'],
  ])('%s: %s', (region, zone) => {
    expect(regionTimezone(region)).toBe(zone);
  });

  test('every zone of the table is one the time zone database knows', () => {
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
      'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7', 'ap-northeast-1',
      'ap-northeast-2', 'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
      'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1'];
    for (const region of regions) {
      expect([region, regionTimezone(region) !== 'Etc/UTC', isTimezone(regionTimezone(region))]).toEqual([region, true, true]);
    }
    expect(isTimezone('Mars/Olympus_Mons')).toBe(false);
  });
});
