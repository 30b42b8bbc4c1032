import { describe, expect, it } from 'vitest';
import { decideForward, matchesCancel } from './decide-forward';

const policy = { allowedPort: 20001, bindAddress: '127.0.0.1', alreadyForwarding: false };

describe('decideForward', () => {
  it('allows the datacenter port on the configured address, localhost or unspecified', () => {
    for (const bindAddr of ['127.0.0.1', 'localhost', '']) {
      expect(decideForward({ bindAddr, bindPort: 20001 }, policy)).toEqual({
        allow: true,
        port: 20001,
      });
    }
  });

  it('answers a dynamic port request with the datacenter port', () => {
    expect(decideForward({ bindAddr: '', bindPort: 0 }, policy)).toEqual({
      allow: true,
      port: 20001,
    });
  });

  it('refuses another port', () => {
    expect(decideForward({ bindAddr: '127.0.0.1', bindPort: 20002 }, policy)).toMatchObject({
      allow: false,
      kind: 'forward-port',
    });
    expect(decideForward({ bindAddr: '127.0.0.1', bindPort: 22 }, policy)).toMatchObject({
      allow: false,
      kind: 'forward-port',
    });
  });

  it('refuses public or foreign bind addresses', () => {
    for (const bindAddr of ['0.0.0.0', '*', '::', '10.0.0.1', '::1']) {
      expect(decideForward({ bindAddr, bindPort: 20001 }, policy)).toMatchObject({
        allow: false,
        kind: 'forward-bind-address',
      });
    }
  });

  it('refuses a second forward on the same connection', () => {
    expect(
      decideForward({ bindAddr: '', bindPort: 20001 }, { ...policy, alreadyForwarding: true }),
    ).toMatchObject({ allow: false, kind: 'forward-duplicate' });
  });
});

describe('matchesCancel', () => {
  it('matches only the active port', () => {
    expect(matchesCancel({ bindAddr: '', bindPort: 20001 }, 20001)).toBe(true);
    expect(matchesCancel({ bindAddr: '', bindPort: 0 }, 20001)).toBe(true);
    expect(matchesCancel({ bindAddr: '', bindPort: 20002 }, 20001)).toBe(false);
    expect(matchesCancel({ bindAddr: '', bindPort: 20001 }, null)).toBe(false);
  });
});
