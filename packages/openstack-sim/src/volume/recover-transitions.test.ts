import { describe, expect, it } from 'vitest';
import type { SimContext } from '../core/sim-context';
import { openStore } from '../core/store';
import { recoverVolumeTransitions } from './recover-transitions';
import { volumeSlice, type Volume } from './volume-state';

const ctxWith = (): SimContext => ({
  store: openStore(null),
  delays: { buildMs: 0, actionMs: 0, volumeMs: 0 },
  now: () => new Date('2026-01-01T00:00:00Z'),
  baseUrl: 'http://sim.test',
  dataDir: null,
  notify: () => undefined,
  recentNotifications: () => [],
  caller: () => {
    throw new Error('no caller in unit tests');
  },
  later: () => undefined,
});

const volume = (id: string, status: Volume['status'], attached = false): Volume => ({
  id,
  name: id,
  description: null,
  project_id: 'p',
  user_id: 'u',
  size: 1,
  status,
  availability_zone: 'nova',
  bootable: false,
  multiattach: false,
  volume_type: 'silver',
  volume_type_id: 't',
  snapshot_id: null,
  source_volid: null,
  backup_id: null,
  image_id: null,
  metadata: {},
  attachments: attached
    ? [
        {
          id,
          attachment_id: 'a',
          volume_id: id,
          server_id: 's',
          host_name: null,
          device: '/dev/vdb',
          attached_at: '',
        },
      ]
    : [],
  host: 'h',
  created_at: '',
  updated_at: null,
});

describe('recoverVolumeTransitions', () => {
  it('finishes transitions whose timers were lost in a restart', () => {
    const ctx = ctxWith();
    const slice = volumeSlice(ctx);
    for (const v of [
      volume('c', 'creating'),
      volume('i', 'downloading'),
      volume('d', 'deleting'),
      volume('e', 'extending', true),
      volume('a', 'available'),
    ]) {
      slice.volumes[v.id] = v;
    }
    recoverVolumeTransitions(ctx);
    expect(Object.fromEntries(Object.values(slice.volumes).map((v) => [v.id, v.status]))).toEqual({
      c: 'available',
      i: 'available',
      e: 'in-use',
      a: 'available',
    });
  });
});
