import { Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { EncryptionProps } from './encryption-props';
import * as defaults from '../private/defaults';
import { wholeDays } from '../private/validation-helpers';

/**
 * The keys' props: rotation, and keys brought in.
 *
 * @param region the stack's region, which keys brought in must share
 * @param alarmKeyCreated the monitoring area makes its topic's key (which rotates on the same period)
 */
export function checkEncryptionProps(
  props: EncryptionProps | undefined, fileSystemEnabled: boolean, region: string, alarmKeyCreated: boolean,
): string[] {
  const problems: string[] = [];
  const enc = props ?? {};
  if (enc.rotationPeriod !== undefined) {
    const days = wholeDays(enc.rotationPeriod);
    if (days !== undefined && !(days >= defaults.KMS_MIN_ROTATION_DAYS && days <= defaults.KMS_MAX_ROTATION_DAYS)) {
      problems.push(
        `encryption.rotationPeriod: got ${enc.rotationPeriod.toHumanString()}; KMS accepts ` +
          `${defaults.KMS_MIN_ROTATION_DAYS} to ${defaults.KMS_MAX_ROTATION_DAYS} whole days`,
      );
    }
    const allKeysBroughtIn =
      enc.eksSecretsKey !== undefined && enc.logsKey !== undefined && (enc.fileSystemKey !== undefined || !fileSystemEnabled);
    if (allKeysBroughtIn && !alarmKeyCreated) {
      problems.push(
        'encryption.rotationPeriod: every key is brought in (eksSecretsKey, fileSystemKey, logsKey), so no key is ' +
          'created for it to apply to; set rotation on your own keys and remove rotationPeriod',
      );
    }
  }
  const broughtIn: Array<[string, kms.IKey | undefined]> = [
    ['encryption.eksSecretsKey', enc.eksSecretsKey], ['encryption.fileSystemKey', enc.fileSystemKey], ['encryption.logsKey', enc.logsKey],
  ];
  for (const [name, key] of broughtIn) {
    const keyRegion = key?.env.region;
    // A KMS key serves its own region only: EFS, CloudWatch Logs and CloudTrail refuse a key of another region.
    if (keyRegion !== undefined && !Token.isUnresolved(keyRegion) && !Token.isUnresolved(region) && keyRegion !== region) {
      problems.push(`${name}: the key is in ${keyRegion}, the stack in ${region}; KMS keys serve their own region only: bring a key of ${region}`);
    }
  }
  if (enc.fileSystemKey !== undefined && !fileSystemEnabled) {
    problems.push('encryption.fileSystemKey: given while fileSystem.enabled is false; remove one of the two');
  }
  return problems;
}
