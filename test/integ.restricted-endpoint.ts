/**
 * Integ test: the production baseline without NAT and with a restricted S3 gateway endpoint (AWS-owned buckets only).
 * dnf on the bastion must still refresh the Amazon Linux repositories and download a package. See integ.default.ts
 * for how integ-runner uses it; the app is in deploy/integ/integ-apps.ts.
 */
import { App } from 'aws-cdk-lib';
import { buildRestrictedEndpointIntegApp } from './deploy/integ/integ-apps';

buildRestrictedEndpointIntegApp(new App());
