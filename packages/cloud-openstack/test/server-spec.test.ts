import { describe, expect, it } from 'vitest';
import { keyNameIn, keyNameOut, ownsKeyName } from '../src/adapter/keypair-names';
import { novaAction } from '../src/adapter/server-actions';
import { serverSpecOf } from '../src/adapter/server-spec';

const scope = { projectExternalId: 'f0f8e1a7e5e947d799ab5670b07d0b4e' };

describe('CreateServerSpec → Nova POST /servers', () => {
  it('boots from a new volume, encodes user data, sets the token and the server group', () => {
    const opts = serverSpecOf(scope, {
      name: 'web-1',
      flavorExternalId: 'f1',
      imageExternalId: 'img-1',
      bootVolumeGb: 20,
      networkExternalIds: ['net-1'],
      securityGroupNames: ['web'],
      keyName: 'ops',
      userData: '#cloud-config\nhostname: 云管\n',
      availabilityZone: 'az-1',
      serverGroupExternalId: 'grp-1',
      metadata: { owner: 'dept-1' },
      idempotencyToken: 'task-42',
    });
    expect(opts).toEqual({
      name: 'web-1',
      flavorRef: 'f1',
      block_device_mapping_v2: [
        {
          boot_index: 0,
          uuid: 'img-1',
          source_type: 'image',
          destination_type: 'volume',
          volume_size: 20,
          delete_on_termination: true,
        },
      ],
      networks: [{ uuid: 'net-1' }],
      security_groups: [{ name: 'web' }],
      key_name: `yg-${scope.projectExternalId}-ops`,
      user_data: Buffer.from('#cloud-config\nhostname: 云管\n').toString('base64'),
      availability_zone: 'az-1',
      metadata: { owner: 'dept-1', yunguan_task: 'task-42' },
      schedulerHints: { group: 'grp-1' },
    });
  });

  it('boots from the image when no volume is asked for, with auto networking when none given', () => {
    const opts = serverSpecOf(scope, {
      name: 'a',
      flavorExternalId: 'f',
      imageExternalId: 'i',
      networkExternalIds: [],
    });
    expect(opts).toEqual({ name: 'a', flavorRef: 'f', imageRef: 'i', networks: 'auto' });
  });
});

describe('key pair names', () => {
  it('keeps each project’s key pairs apart under one service account', () => {
    const stored = keyNameIn(scope, 'ops key');
    expect(ownsKeyName(scope, stored)).toBe(true);
    expect(ownsKeyName({ projectExternalId: 'other' }, stored)).toBe(false);
    expect(keyNameOut(scope, stored)).toBe('ops key');
  });
});

describe('server actions', () => {
  it('maps every action to its Nova body and the statuses that settle it', () => {
    expect(novaAction({ type: 'stop' })).toEqual({
      body: { 'os-stop': null },
      settlesOn: ['stopped'],
    });
    expect(novaAction({ type: 'reboot', hard: true }).body).toEqual({ reboot: { type: 'HARD' } });
    expect(novaAction({ type: 'resize', flavorExternalId: 'f2' })).toEqual({
      body: { resize: { flavorRef: 'f2' } },
      settlesOn: ['verify-resize'],
    });
    expect(novaAction({ type: 'migrate' })).toEqual({
      body: { migrate: null },
      settlesOn: ['verify-resize'],
    });
    expect(novaAction({ type: 'live-migrate', host: 'fake-2' }).body).toEqual({
      'os-migrateLive': { host: 'fake-2', block_migration: 'auto' },
    });
    expect(novaAction({ type: 'snapshot', imageName: 's' }).body).toEqual({
      createImage: { name: 's' },
    });
    expect(novaAction({ type: 'lock' }).settlesOn).toContain('stopped');
  });
});
