export { startGateway, type RunningGateway } from './start-gateway';
export {
  type GatewayConfig,
  type GatewayConfigInput,
  gatewayConfigSchema,
} from './config/gateway-config';
export { allocatePort, releasePort, type PortRange } from './registry/allocate-port';
export { fingerprintOf } from './ssh/fingerprint-of';
