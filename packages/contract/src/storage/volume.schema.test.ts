import { describe, expect, test } from 'vitest';
import { renderMessage } from '../messages';
import { storageMessagesEn, storageMessagesZh } from './storage-messages';
import { createVolumeTypeInput, updateVolumeTypeInput } from './volume-type.schema';
import { createVolumeInput, volumeActionInput, volumeActionsAllowed } from './volume.schema';

describe('createVolumeInput', () => {
  const base = { datacenterId: 'dc-1', name: 'data', sizeGb: 10 };

  test('defaults the source to empty', () => {
    expect(createVolumeInput.parse(base).source).toEqual({ type: 'empty' });
  });

  test('sizes are whole GB from 1 to 16384', () => {
    for (const sizeGb of [0, -1, 1.5, 16_385])
      expect(createVolumeInput.safeParse({ ...base, sizeGb }).success).toBe(false);
    for (const sizeGb of [1, 16_384])
      expect(createVolumeInput.safeParse({ ...base, sizeGb }).success).toBe(true);
  });

  test('a source names what it needs', () => {
    expect(createVolumeInput.safeParse({ ...base, source: { type: 'image' } }).success).toBe(false);
    expect(
      createVolumeInput.safeParse({ ...base, source: { type: 'snapshot', snapshotId: 's-1' } })
        .success,
    ).toBe(true);
    expect(createVolumeInput.safeParse({ ...base, source: { type: 'volume' } }).success).toBe(
      false,
    );
  });
});

test('volume actions: extend needs newSizeGb, attach and detach a serverId', () => {
  expect(volumeActionInput.safeParse({ action: 'extend' }).success).toBe(false);
  expect(volumeActionInput.safeParse({ action: 'attach', serverId: 's' }).success).toBe(true);
  expect(volumeActionInput.safeParse({ action: 'shrink', newSizeGb: 1 }).success).toBe(false);
});

test('allowed actions follow the Cinder status', () => {
  expect(volumeActionsAllowed('available')).toEqual([
    'extend',
    'attach',
    'delete',
    'snapshot',
    'backup',
  ]);
  expect(volumeActionsAllowed('in-use')).toEqual(['detach', 'snapshot', 'backup']);
  expect(volumeActionsAllowed('creating')).toEqual([]);
  expect(volumeActionsAllowed('error')).toEqual(['delete']);
});

test('volume type extra specs: Cinder-style keys; null unsets on update only', () => {
  expect(
    createVolumeTypeInput.parse({ name: 'gold', extraSpecs: { volume_backend_name: 'ssd' } }),
  ).toMatchObject({ isPublic: true });
  expect(createVolumeTypeInput.safeParse({ name: 'x', extraSpecs: { 'a b': '1' } }).success).toBe(
    false,
  );
  expect(createVolumeTypeInput.safeParse({ name: 'x', extraSpecs: { k: null } }).success).toBe(
    false,
  );
  expect(updateVolumeTypeInput.safeParse({ extraSpecs: { k: null } }).success).toBe(true);
});

test('every storage reason has an English and a Chinese sentence', () => {
  expect(Object.keys(storageMessagesZh).sort()).toEqual(Object.keys(storageMessagesEn).sort());
  const params = {
    volume: 'data',
    volumeProject: 'app',
    server: 'vm',
    serverProject: 'ops',
  };
  expect(renderMessage('en', 'PRECONDITION_FAILED', 'volume_attach_other_project', params)).toBe(
    'Volume "data" belongs to project "app" and server "vm" to project "ops". A volume can only be attached to a server of its own project; nothing was changed.',
  );
  expect(
    renderMessage('zh-CN', 'PRECONDITION_FAILED', 'volume_attach_other_project', params),
  ).toContain('云硬盘“data”属于项目“app”');
});
