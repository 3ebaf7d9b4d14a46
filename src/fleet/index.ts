export * from './fleet-props';
export * from './fleet-target';
export * from './fleet';
export * from './baseline-stage';
export * from './fleet-pipeline';
export * from './stackset-baseline';
