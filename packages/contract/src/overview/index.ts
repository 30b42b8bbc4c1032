export * from './overview.schema';
export * from './get-overview.contract';
