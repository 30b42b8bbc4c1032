export * from './server.schema';
export * from './server-action.schema';
export * from './server.contracts';
export * from './get-server-console.contract';
