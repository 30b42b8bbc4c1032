export * from './catalog.schema';
export * from './catalog.contracts';
export * from './capabilities';
