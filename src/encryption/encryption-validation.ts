import { EncryptionProps } from './encryption-props';
import * as defaults from '../private/defaults';
import { wholeDays } from '../private/validation-helpers';

/**
 * The keys' props: rotation, and keys brought in.
 *
 * @param alarmKeyCreated the monitoring area makes its topic's key (which rotates on the same period)
 */
export function checkEncryptionProps(props: EncryptionProps | undefined, fileSystemEnabled: boolean, alarmKeyCreated = false): string[] {
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
  if (enc.fileSystemKey !== undefined && !fileSystemEnabled) {
    problems.push('encryption.fileSystemKey: given while fileSystem.enabled is false; remove one of the two');
  }
  return problems;
}
