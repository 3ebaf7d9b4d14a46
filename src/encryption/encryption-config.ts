import { Duration } from 'aws-cdk-lib';
import { EncryptionProps } from './encryption-props';
import * as defaults from '../private/defaults';

/** The encryption props with every default filled in (the keys a user brings stay in the props). */
export interface EncryptionConfig {
  readonly rotationPeriod: Duration;
  readonly logsKeyForAllLogGroups: boolean;
}

/** The keys' config: the document's annual rotation; the logs key serves the baseline's own log groups only. */
export function resolveEncryptionConfig(props: EncryptionProps | undefined): EncryptionConfig {
  return {
    rotationPeriod: props?.rotationPeriod ?? Duration.days(defaults.SEED_KEY_ROTATION_DAYS),
    logsKeyForAllLogGroups: props?.logsKeyForAllLogGroups ?? false,
  };
}
