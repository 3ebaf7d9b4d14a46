/**
 * Integ test: the production baseline with one NAT gateway (NatGateways.SINGLE), a non-default configuration.
 * See integ.default.ts for how integ-runner uses it; the app is in deploy/integ/integ-apps.ts.
 */
import { App } from 'aws-cdk-lib';
import { buildSingleNatIntegApp } from './deploy/integ/integ-apps';

buildSingleNatIntegApp(new App());
