/** Helpers for tests that run real programs (ssh, sshd, agents, gateways). */
export { freePort } from './ports';
export * from './spawn-process';
export * from './http-get';
export * from './wait-for-value';
export * from './redis-scope';
export { testRedisUrl } from './database';
