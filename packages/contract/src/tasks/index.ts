export * from './task.schema';
export * from './task.contracts';
