export * from './ports';
export * from './postgres';
export * from './redis';
export * from './processes';
export * from './stack';
export * from './tunnel-processes';
export * from './openrc';
export * from './portal-login';
