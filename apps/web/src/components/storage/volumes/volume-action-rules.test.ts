import { describe, expect, test } from 'vitest';
import type { VolumeGate } from './volume-action-rules';
import { volumeActionsFor } from './volume-action-rules';

const attachment = {
  serverExternalId: 's-1',
  serverId: 'srv',
  serverName: 'web',
  device: '/dev/vdb',
};
const volume = (over: Partial<VolumeGate> = {}): VolumeGate => ({
  status: 'available',
  activeTask: null,
  datacenterId: 'dc',
  spec: { attachments: [] },
  ...over,
});
const all = ['volume.manage', 'volume.snapshot', 'volume.backup'];
const offered = (v: VolumeGate, caps: readonly string[] | undefined = all) =>
  [...volumeActionsFor(v, caps)].sort();

describe('volume actions offered', () => {
  test('an available, detached volume: everything but detach', () => {
    expect(offered(volume())).toEqual(['attach', 'backup', 'delete', 'extend', 'snapshot']);
  });

  test('an in-use volume: detach, snapshot and backup; never delete or extend', () => {
    const v = volume({ status: 'in-use', spec: { attachments: [attachment] } });
    expect(offered(v)).toEqual(['backup', 'detach', 'snapshot']);
  });

  test('an errored volume can only be deleted', () => {
    expect(offered(volume({ status: 'error' }))).toEqual(['delete']);
  });

  test('a volume with an attachment left is not offered for delete even in error', () => {
    expect(offered(volume({ status: 'error', spec: { attachments: [attachment] } }))).toEqual([]);
  });

  test('nothing while a task runs on it or while it moves', () => {
    const busy = { id: 't', action: 'volume.extend', status: 'running' };
    expect(offered(volume({ activeTask: busy }))).toEqual([]);
    expect(offered(volume({ status: 'creating' }))).toEqual([]);
    expect(offered(volume({ status: 'extending' }))).toEqual([]);
  });

  test('datacenter capabilities gate actions; unknown capabilities gate nothing', () => {
    expect(offered(volume(), ['volume.manage'])).toEqual(['attach', 'delete', 'extend']);
    expect(offered(volume(), ['volume.manage', 'volume.snapshot'])).toEqual([
      'attach',
      'delete',
      'extend',
      'snapshot',
    ]);
    expect(offered(volume(), [])).toEqual([]);
    expect(offered(volume(), undefined)).toEqual([
      'attach',
      'backup',
      'delete',
      'extend',
      'snapshot',
    ]);
  });
});
