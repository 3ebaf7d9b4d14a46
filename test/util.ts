import { App, AppProps, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { NuminiaBaseline, NuminiaBaselineProps } from '../src';

export const REGION = 'eu-west-1';

export interface SynthOptions {
  /** The stack's region; `null` for an environment-agnostic stack. */
  readonly region?: string | null;
  readonly appProps?: AppProps;
}

/** A baseline in a region-specific stack of a fresh app, ready to assert on. */
export function baselineStack(props: Partial<NuminiaBaselineProps> = {}, options: SynthOptions = {}) {
  const app = new App(options.appProps);
  const region = options.region === undefined ? REGION : options.region;
  const stack = new Stack(app, 'TestStack', region === null ? {} : { env: { region } });
  const baseline = new NuminiaBaseline(stack, 'Baseline', { environment: 'production', ...props });
  return { app, stack, baseline };
}

export function synthTemplate(props: Partial<NuminiaBaselineProps> = {}, options: SynthOptions = {}): Template {
  return Template.fromStack(baselineStack(props, options).stack);
}

/**
 * Types that hold data or identity: replacing one loses data, or every reference to it. The alarm topic holds no data,
 * but a new topic loses its confirmed subscriptions (each address must confirm again) and every subscription or
 * integration configured outside the stack with its ARN.
 */
export const STATEFUL_TYPES = [
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EFS::FileSystem',
  'AWS::EFS::MountTarget',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::S3::Bucket',
  'AWS::SNS::Topic',
];
