export * from './task.schema';
export * from './task.contracts';
export * from './step-messages';
