import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './env';

const base = { GATEWAY_ID: 'gw-1', GATEWAY_SSH_PORT: '2222' };

describe('loadGatewayConfig: the announced public SSH address', () => {
  it('defaults to loopback and the SSH port for a wildcard bind', () => {
    const config = loadGatewayConfig({ ...base, GATEWAY_SSH_HOST: '0.0.0.0' });
    expect(config).toMatchObject({ publicHost: '127.0.0.1', publicPort: 2222 });
    expect(loadGatewayConfig({ ...base, GATEWAY_SSH_HOST: '::' }).publicHost).toBe('127.0.0.1');
  });

  it('defaults to the bind host when it names an address', () => {
    expect(loadGatewayConfig({ ...base, GATEWAY_SSH_HOST: '10.1.2.3' }).publicHost).toBe(
      '10.1.2.3',
    );
  });

  it('prefers GATEWAY_ADVERTISE_HOST over the bind host, and GATEWAY_PUBLIC_HOST over both', () => {
    const advertised = { ...base, GATEWAY_SSH_HOST: '10.1.2.3', GATEWAY_ADVERTISE_HOST: 'gw.lan' };
    expect(loadGatewayConfig(advertised).publicHost).toBe('gw.lan');
    expect(
      loadGatewayConfig({ ...advertised, GATEWAY_PUBLIC_HOST: 'gw.example.com' }).publicHost,
    ).toBe('gw.example.com');
  });

  it('takes GATEWAY_PUBLIC_PORT (a NAT or load balancer in front), else the bound port', () => {
    expect(loadGatewayConfig({ ...base, GATEWAY_PUBLIC_PORT: '22' }).publicPort).toBe(22);
    expect(loadGatewayConfig({ ...base, GATEWAY_SSH_PORT: '0' }).publicPort).toBeNull();
    expect(() => loadGatewayConfig({ ...base, GATEWAY_PUBLIC_PORT: '0' })).toThrow(
      /GATEWAY_PUBLIC_PORT/,
    );
  });
});
