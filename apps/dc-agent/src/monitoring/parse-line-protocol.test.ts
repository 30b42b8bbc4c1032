import { describe, expect, it } from 'vitest';
import { LineProtocolError, parseLineProtocol, stampFor } from './parse-line-protocol';

describe('parseLineProtocol', () => {
  it('keeps timestamped points and stamps the others', () => {
    const batch = parseLineProtocol('cpu,host=a usage=1 10\n\n# comment\nmem used=2i\n', '99');
    expect(batch).toEqual({ body: 'cpu,host=a usage=1 10\nmem used=2i 99', points: 2 });
  });

  it('reads escapes and quoted strings that hold spaces, commas, quotes and newlines', () => {
    const body = 'm\\ x,t\\,k=v\\ 1 s="a b, \\"c\\"\nd",u=3u,b=true 5\nn v=-1.5e3';
    expect(parseLineProtocol(body, '7').points).toBe(2);
  });

  it.each([
    ['no fields', 'cpu,host=a'],
    ['empty measurement', ',host=a v=1'],
    ['bad number', 'cpu v=1x'],
    ['bad tag', 'cpu,host v=1'],
    ['unbalanced quote', 'cpu v="abc'],
    ['bad timestamp', 'cpu v=1 12:00'],
  ])('refuses %s', (_why, line) => {
    expect(() => parseLineProtocol(line, '1')).toThrow(LineProtocolError);
  });

  it('stamps in the write precision', () => {
    expect(stampFor('s', 1_700_000_000_123)).toBe('1700000000');
    expect(stampFor('ms', 1_700_000_000_123)).toBe('1700000000123');
    expect(stampFor(undefined, 1)).toBe('1000000');
  });
});
