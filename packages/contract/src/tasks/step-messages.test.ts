import { describe, expect, test } from 'vitest';
import { renderStepMessage, stepMessage, type StepWords } from './step-messages';

const zhWords: StepWords = {
  kind: (kind) => ({ server: '云主机', volume: '云硬盘', network: '网络' })[kind] ?? kind,
  status: (_kind, status) => ({ ACTIVE: '运行中', available: '可用' })[status] ?? status,
  verb: (action) => ({ 'server.start': '开机', 'server.delete': '删除' })[action] ?? action,
};

describe('task step messages', () => {
  test('English keeps the sentences the worker wrote before keys existed', () => {
    const en = (key: Parameters<typeof stepMessage>[0], params = {}) =>
      renderStepMessage('en', stepMessage(key, params));
    expect(en('status-of', { kind: 'server', name: 'jweb-04', status: 'ACTIVE' })).toBe(
      'jweb-04 is ACTIVE',
    );
    expect(en('accepted', { verb: 'start' })).toBe('start accepted');
    expect(en('attached', { name: 'data-1', server: 'jweb-04', device: '/dev/vdb' })).toBe(
      'volume data-1 attached to jweb-04 as /dev/vdb',
    );
    expect(en('deleted', { kind: 'volume-snapshot', name: 'snap-1' })).toBe(
      'snapshot snap-1 deleted',
    );
    expect(en('lb-status', { provisioning: 'ACTIVE', operating: 'ONLINE' })).toBe(
      'provisioning ACTIVE, operating ONLINE',
    );
    expect(en('fwg-ports-released', { count: 1 })).toBe('1 port(s) released');
  });

  test('zh-CN renders statuses, kinds and verbs through the reader’s words', () => {
    const zh = (key: Parameters<typeof stepMessage>[0], params = {}) =>
      renderStepMessage('zh-CN', stepMessage(key, params), zhWords);
    expect(zh('status-of', { kind: 'server', name: 'jweb-04', status: 'ACTIVE' })).toBe(
      '云主机 jweb-04：运行中',
    );
    expect(zh('accepted', { verb: 'start' })).toBe('云平台已受理：开机');
    expect(zh('attached', { name: 'data-1', server: 'jweb-04', device: '' })).toBe(
      '云硬盘 data-1 已挂载到 jweb-04',
    );
    expect(
      zh('status-of-size', { kind: 'volume', name: 'd', status: 'available', sizeGb: 2 }),
    ).toBe('云硬盘 d：可用（2 GB）');
  });

  test('a key this build does not know renders as null (the caller shows the stored words)', () => {
    expect(renderStepMessage('zh-CN', { key: 'from-a-newer-worker', params: {} })).toBeNull();
  });
});
