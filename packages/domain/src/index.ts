export * from './errors';
export * from './permissions';
export * from './authorize';
export * from './quota';
export * from './lockout';
export * from './text-safety';
