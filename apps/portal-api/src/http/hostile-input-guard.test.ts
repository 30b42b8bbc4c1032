import { describe, expect, it } from 'vitest';
import { findHostileText } from './hostile-input-guard';

describe('findHostileText', () => {
  it('names every offending field, keys included', () => {
    const found = findHostileText(
      { name: 'ok', description: 'a\u0000b', tags: ['x', 'y\ud800'], meta: { 'k\u0007': 'v' } },
      'body',
      'multiline',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'body.description', fault: 'nul' },
        { path: 'body.tags.1', fault: 'surrogate' },
        { path: 'body.meta.k\ufffd', fault: 'control' },
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('lets a raw field hold control characters, but never NUL, and only at the top level', () => {
    const raw = new Set(['userData']);
    expect(findHostileText({ userData: '#!/bin/sh\n\u001b[0m' }, 'body', 'multiline', raw)).toEqual(
      [],
    );
    expect(findHostileText({ userData: 'a\u0000' }, 'body', 'multiline', raw)).toEqual([
      { path: 'body.userData', fault: 'nul' },
    ]);
    expect(findHostileText({ nested: { userData: '\u001b' } }, 'body', 'multiline', raw)).toEqual([
      { path: 'body.nested.userData', fault: 'control' },
    ]);
  });

  it('refuses newlines in params and query, allows them in bodies', () => {
    expect(findHostileText({ id: 'a\nb' }, 'params', 'plain')).toHaveLength(1);
    expect(findHostileText({ text: 'a\nb' }, 'body', 'multiline')).toEqual([]);
  });

  it('walks deep nesting without recursion and skips buffers', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findHostileText(deep, 'body', 'multiline')).toHaveLength(1);
    expect(findHostileText(Buffer.from([0, 1, 2]), 'body', 'multiline')).toEqual([]);
  });
});
