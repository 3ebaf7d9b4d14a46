export * from './fleet-props';
export * from './fleet-target';
export * from './fleet';
