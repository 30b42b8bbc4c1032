import { describe, expect, it } from 'vitest';
import { lineForTerminal } from './processes';

describe('lineForTerminal', () => {
  it('keeps pino warnings and errors (as their message) and drops info', () => {
    expect(lineForTerminal('{"level":30,"msg":"server listening"}')).toBeNull();
    expect(lineForTerminal('{"level":40,"msg":"slow upstream"}')).toBe('warn: slow upstream');
    expect(lineForTerminal('{"level":50,"msg":"boom"}')).toBe('error: boom');
  });
  it('keeps plain lines that say warning or error', () => {
    expect(lineForTerminal('   ▲ Next.js 16')).toBeNull();
    expect(lineForTerminal('Error: listen EADDRINUSE')).toBe('Error: listen EADDRINUSE');
    expect(lineForTerminal(' ⚠ Compiled with warnings')).toBe(' ⚠ Compiled with warnings');
  });
});
