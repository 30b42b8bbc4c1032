export * from './inventory.schema';
export * from './inventory.contracts';
