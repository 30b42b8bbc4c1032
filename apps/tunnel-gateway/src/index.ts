export { startGateway, type RunningGateway } from './start-gateway';
export { type GatewayConfig, gatewayConfigSchema } from './config/gateway-config';
export { allocatePort, releasePort, type PortRange } from './registry/allocate-port';
export { fingerprintOf } from './ssh/fingerprint-of';
