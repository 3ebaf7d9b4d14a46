/**
 * Integ test (integ-runner + @aws-cdk/integ-tests-alpha): the production example's baseline, every default, a NAT
 * gateway per zone. The app and its API checks are in deploy/integ/integ-apps.ts.
 *
 * `integ-runner` without flags only compares this app with its committed snapshot (integ.default.ts.snapshot/):
 * no AWS account, no credentials. `integ-runner --update-on-failed` deploys it for real into eu-west-1, runs the
 * checks, destroys it and rewrites the snapshot: only in a dedicated test account, and the KMS keys, file system,
 * trail buckets and log groups are retained by design, to be removed by hand afterwards.
 */
import { App } from 'aws-cdk-lib';
import { buildDefaultIntegApp } from './deploy/integ/integ-apps';

buildDefaultIntegApp(new App());
