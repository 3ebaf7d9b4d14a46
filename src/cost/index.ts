export * from './cost-estimate';
export * from './estimate-data';
