export * from './types';
export * from './filters';
export * from './weighers';
export * from './schedule';
