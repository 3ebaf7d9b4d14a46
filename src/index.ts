export * from './numinia-baseline';
export * from './network/network-props';
export * from './encryption/encryption-props';
export * from './encryption/baseline-keys';
export * from './storage/file-system-props';
export * from './access/bastion-props';
export * from './access/efs-csi-driver-trust';
export * from './logging/logging-props';
