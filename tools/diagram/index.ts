export * from './model';
export * from './template';
export * from './dot';
export * from './render';
