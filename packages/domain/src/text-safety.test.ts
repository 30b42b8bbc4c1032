import { describe, expect, it } from 'vitest';
import { ID_SHAPE, sanitizeText, textFault } from './text-safety';

describe('textFault', () => {
  it('refuses NUL and lone surrogates under every policy', () => {
    for (const policy of ['plain', 'multiline', 'raw'] as const) {
      expect(textFault('a\u0000b', policy)).toBe('nul');
      expect(textFault('x\ud800y', policy)).toBe('surrogate');
      expect(textFault('x\udc00', policy)).toBe('surrogate');
      expect(textFault('\ud800', policy)).toBe('surrogate');
    }
  });

  it('accepts surrogate pairs, CJK and emoji', () => {
    expect(textFault('研发部 🚀 \ud83d\ude80', 'plain')).toBeNull();
  });

  it('allows tab and newlines only in multiline and raw text', () => {
    expect(textFault('a\nb\tc\r', 'plain')).toBe('control');
    expect(textFault('a\nb\tc\r', 'multiline')).toBeNull();
    expect(textFault('a\u001bb', 'multiline')).toBe('control');
    expect(textFault('a\u007fb', 'multiline')).toBe('control');
    expect(textFault('a\u0085b', 'multiline')).toBe('control');
    expect(textFault('a\u001bb\u0007', 'raw')).toBeNull();
  });
});

describe('sanitizeText', () => {
  it('replaces what cannot be stored and keeps the rest', () => {
    expect(sanitizeText('a\u0000b\ud800c\u001b')).toBe('a\ufffdb\ufffdc\ufffd');
    expect(sanitizeText('研发 🚀')).toBe('研发 🚀');
  });

  it('cuts long text by code points without splitting a pair', () => {
    const cut = sanitizeText('🚀'.repeat(10), 4);
    expect(cut).toBe('🚀🚀🚀…');
    expect(textFault(cut, 'plain')).toBeNull();
  });
});

describe('ID_SHAPE', () => {
  it('takes uuids, Keystone hex ids, flavor and zone names', () => {
    for (const id of ['0b8e7f1c-2c7e-4a44-9d3c-1f2f3f4f5f6f', 'da746b9dfb9ad78a', 'm1.small', '1'])
      expect(ID_SHAPE.test(id)).toBe(true);
  });

  it('refuses prototype names that start with _, separators and encodings', () => {
    for (const id of ['__proto__', '', 'a/b', 'a%00', '%zz', 'a b', '..', 'a\u0000'])
      expect(ID_SHAPE.test(id)).toBe(false);
  });
});
