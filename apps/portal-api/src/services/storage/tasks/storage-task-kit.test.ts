import { describe, expect, test } from 'vitest';
import { untilGone, untilStatus } from './storage-task-kit';

describe('wait judges', () => {
  const volume = (status: string) => ({ name: 'data', status });

  test('untilStatus: done on the wanted status, pending on the way, failed on any error_*', () => {
    const judge = untilStatus('volume', 'available');
    expect(judge(volume('creating'))).toEqual({
      state: 'pending',
      detail: { key: 'status', params: { kind: 'volume', status: 'creating' } },
    });
    expect(judge(volume('available'))).toEqual({
      state: 'done',
      detail: {
        key: 'status-of',
        params: { kind: 'volume', name: 'data', status: 'available' },
      },
    });
    expect(judge(volume('error'))).toEqual({
      state: 'failed',
      reason: 'volume data went to status error',
    });
    expect(judge(volume('error_extending')).state).toBe('failed');
  });

  test("untilStatus keeps the cloud's own words when it has them (a backup's fail_reason)", () => {
    const judge = untilStatus(
      'backup',
      'available',
      () => 'Service not found for creating backup.',
    );
    expect(judge(volume('error'))).toEqual({
      state: 'failed',
      reason: 'Service not found for creating backup.',
    });
  });

  test('untilGone: done once not found; error_deleting fails', () => {
    const judge = untilGone('snapshot');
    expect(judge(null).state).toBe('done');
    expect(judge(volume('deleting')).state).toBe('pending');
    expect(judge(volume('error_deleting')).state).toBe('failed');
  });
});
