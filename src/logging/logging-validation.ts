import { Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { FlowLogDestinations, LoggingProps } from './logging-props';
import * as defaults from '../private/defaults';
import { checkDisabledArea, isRegionName, show, wholeDays } from '../private/validation-helpers';

const RETENTION_VALUES = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number');

/** Flow-log retention and the trail's props. */
export function checkLoggingProps(props: LoggingProps | undefined): string[] {
  const problems: string[] = [];
  const logging = props ?? {};
  const retentions: Array<[string, logs.RetentionDays | undefined]> = [
    ['logging.flowLogRetention', logging.flowLogRetention],
    ['logging.cloudTrail.cloudWatchLogsRetention', logging.cloudTrail?.cloudWatchLogsRetention],
  ];
  for (const [name, value] of retentions) {
    if (value !== undefined && !Token.isUnresolved(value) && !RETENTION_VALUES.includes(value)) {
      problems.push(`${name}: got ${show(value)} days; CloudWatch Logs accepts ${RETENTION_VALUES.join(', ')} (see logs.RetentionDays)`);
    }
  }
  if (logging.flowLogDestinations !== undefined && !Object.values(FlowLogDestinations).includes(logging.flowLogDestinations)) {
    problems.push(`logging.flowLogDestinations: got ${show(logging.flowLogDestinations)}; expected one of ${Object.values(FlowLogDestinations).join(', ')}`);
  }
  if (logging.flowLogFormat !== undefined && !Token.isUnresolved(logging.flowLogFormat) && logging.flowLogFormat.length === 0) {
    problems.push('logging.flowLogFormat: got []; expected at least one field (or leave it unset for AWS\'s default format)');
  }
  const trail = logging.cloudTrail ?? {};
  problems.push(...checkDisabledArea('logging.cloudTrail', trail));
  if (trail.sendToCloudWatchLogs === false && trail.cloudWatchLogsRetention !== undefined) {
    problems.push('logging.cloudTrail.cloudWatchLogsRetention: set while sendToCloudWatchLogs is false; remove one of the two');
  }
  if (trail.homeRegion !== undefined && !Token.isUnresolved(trail.homeRegion) && !isRegionName(String(trail.homeRegion))) {
    problems.push(`logging.cloudTrail.homeRegion: got ${show(trail.homeRegion)}; expected a region name such as eu-west-1`);
  }
  const glacier = trail.transitionToGlacierAfter === undefined ? defaults.TRAIL_BUCKET_GLACIER_AFTER_DAYS : wholeDays(trail.transitionToGlacierAfter);
  const expiry = trail.expireAfter === undefined ? undefined : wholeDays(trail.expireAfter);
  if (glacier !== undefined && !(glacier >= 1)) {
    problems.push(`logging.cloudTrail.transitionToGlacierAfter: got ${trail.transitionToGlacierAfter!.toHumanString()}; expected a whole number of days, at least 1`);
  }
  if (expiry !== undefined && !(expiry >= 1)) {
    problems.push(`logging.cloudTrail.expireAfter: got ${trail.expireAfter!.toHumanString()}; expected a whole number of days, at least 1`);
  } else if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a comparison with undefined is false, so the guards only serve the type checker (the comparison's own mutants, next line, stay)
    expiry !== undefined && glacier !== undefined
    && expiry <= glacier
  ) {
    problems.push(
      `logging.cloudTrail.expireAfter: got ${expiry} days, not later than transitionToGlacierAfter (${glacier} days); ` +
        'expected a longer period, or no expiry',
    );
  }
  return problems;
}
