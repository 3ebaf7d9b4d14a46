/**
 * The IANA time zone of the city each commercial region is in (AWS documentation, "Regions and Zones"; dated 2026-12),
 * so that the maintenance window's default "Sunday, 03:00" is a night where the region is. Built on each call, not held
 * at module level: mutation testing then judges each row by the tests that read it.
 */
function timezoneByRegion(): Readonly<Record<string, string>> {
  return {
    'us-east-1': 'America/New_York',
    'us-east-2': 'America/New_York',
    'us-west-1': 'America/Los_Angeles',
    'us-west-2': 'America/Los_Angeles',
    'af-south-1': 'Africa/Johannesburg',
    'ap-east-1': 'Asia/Hong_Kong',
    'ap-east-2': 'Asia/Taipei',
    'ap-south-1': 'Asia/Kolkata',
    'ap-south-2': 'Asia/Kolkata',
    'ap-southeast-1': 'Asia/Singapore',
    'ap-southeast-2': 'Australia/Sydney',
    'ap-southeast-3': 'Asia/Jakarta',
    'ap-southeast-4': 'Australia/Melbourne',
    'ap-southeast-5': 'Asia/Kuala_Lumpur',
    'ap-southeast-7': 'Asia/Bangkok',
    'ap-northeast-1': 'Asia/Tokyo',
    'ap-northeast-2': 'Asia/Seoul',
    'ap-northeast-3': 'Asia/Tokyo',
    'ca-central-1': 'America/Toronto',
    'ca-west-1': 'America/Edmonton',
    'eu-central-1': 'Europe/Berlin',
    'eu-central-2': 'Europe/Zurich',
    'eu-west-1': 'Europe/Dublin',
    'eu-west-2': 'Europe/London',
    'eu-west-3': 'Europe/Paris',
    'eu-south-1': 'Europe/Rome',
    'eu-south-2': 'Europe/Madrid',
    'eu-north-1': 'Europe/Stockholm',
    'il-central-1': 'Asia/Jerusalem',
    'me-south-1': 'Asia/Bahrain',
    'me-central-1': 'Asia/Dubai',
    'mx-central-1': 'America/Mexico_City',
    'sa-east-1': 'America/Sao_Paulo',
  };
}

/** The region's time zone; UTC for a region the table does not know (or one unknown at synth time). */
export function regionTimezone(region: string): string {
  return timezoneByRegion()[region] ?? 'Etc/UTC';
}

/** Whether the runtime's time zone database knows the name (Systems Manager takes IANA names). */
export function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
