export * from './app-credential.schema';
export * from './app-credential.contracts';
