export * from './cost-estimate';
