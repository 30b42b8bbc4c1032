import { describe, expect, it } from 'vitest';
import { classifyProbe } from './classify-probe';

describe('classifyProbe', () => {
  it('is online for a fast 200 with status ok', () => {
    expect(
      classifyProbe({ kind: 'answered', status: 200, latencyMs: 3.14159, agentStatus: 'ok' }, 1000),
    ).toEqual({ state: 'online', latencyMs: 3.1, reason: null });
  });

  it('is degraded when slow, not 200, or the agent reports trouble', () => {
    expect(
      classifyProbe({ kind: 'answered', status: 200, latencyMs: 1500, agentStatus: 'ok' }, 1000)
        .state,
    ).toBe('degraded');
    expect(
      classifyProbe({ kind: 'answered', status: 503, latencyMs: 2, agentStatus: null }, 1000).state,
    ).toBe('degraded');
    expect(
      classifyProbe({ kind: 'answered', status: 200, latencyMs: 2, agentStatus: 'degraded' }, 1000)
        .state,
    ).toBe('degraded');
  });

  it('is offline when nothing answered', () => {
    expect(classifyProbe({ kind: 'failed', reason: 'timeout' }, 1000)).toEqual({
      state: 'offline',
      latencyMs: null,
      reason: 'timeout',
    });
  });
});
