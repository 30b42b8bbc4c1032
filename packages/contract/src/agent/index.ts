export * from './enroll-agent.contract';
export * from './tunnel-registry.schema';
