/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- the two clouds' bodies are read loosely to find ids; their schemas, not these reads, are what the suite compares */
import { generateKeyPairSync } from 'node:crypto';
import type { Recorder } from './recorder';

const c = 'compute' as const;
/** Microversions where a server's view changes, up to Zed's 2.93. */
export const serverVersions = [
  '2.1',
  '2.3',
  '2.9',
  '2.16',
  '2.19',
  '2.26',
  '2.47',
  '2.63',
  '2.69',
  '2.73',
  '2.90',
  '2.93',
];

const sshEd25519 = (): string => {
  const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '';
  const raw = Buffer.from(x, 'base64url');
  const part = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return `ssh-ed25519 ${Buffer.concat([part(Buffer.from('ssh-ed25519')), part(raw)]).toString('base64')} diff`;
};

/** Nova: flavors, key pairs, a server through its life, metadata, actions, refusals. */
export const computeScript = async (r: Recorder) => {
  const t = r.tag;
  await r.call('compute.versions', { svc: c, path: '/..' });
  await r.call('compute.version', { svc: c, path: '/' });
  await r.call('compute.unsupported-microversion', { svc: c, path: '/flavors', mv: '2.94' });
  // Flavors (admin creates; numeric id as the CLI sends it).
  const flavorId = String(900000 + (parseInt(t.slice(-4), 16) % 90000));
  for (const mv of ['2.1', '2.55'])
    await r.call('compute.flavor.create', {
      svc: c,
      method: 'POST',
      path: '/flavors',
      admin: true,
      mv,
      body: {
        flavor: {
          name: `${t}-${mv}`,
          ram: 64,
          vcpus: 1,
          disk: 1,
          id: mv === '2.1' ? Number(flavorId) : null,
        },
      },
    });
  const byName = await r.raw({ svc: c, path: '/flavors/detail?is_public=None', admin: true });
  const flavors = (byName.body?.flavors ?? []) as { id: string; name: string }[];
  r.vars.flavor = flavors.find((f) => f.name === `${t}-2.1`)?.id ?? '';
  r.vars.flavor2 = flavors.find((f) => f.name === `${t}-2.55`)?.id ?? '';
  const fl = `/flavors/${r.v('flavor')}`;
  for (const mv of ['2.1', '2.55', '2.61', '2.75']) {
    await r.call('compute.flavor.get', { svc: c, path: fl, mv });
    await r.call('compute.flavor.list-detail', {
      svc: c,
      path: '/flavors/detail?limit=1000',
      mv,
      pick: (b) => ({ flavors: b?.flavors?.filter((f: { name: string }) => f.name.startsWith(t)) }),
    });
  }
  await r.call('compute.flavor.list', { svc: c, path: '/flavors?limit=2' });
  await r.call('compute.flavor.extra-specs.create', {
    svc: c,
    method: 'POST',
    path: `${fl}/os-extra_specs`,
    admin: true,
    body: { extra_specs: { 'hw:cpu_policy': 'shared' } },
  });
  await r.call('compute.flavor.extra-specs.list', { svc: c, path: `${fl}/os-extra_specs` });
  await r.call('compute.flavor.extra-spec.get', {
    svc: c,
    path: `${fl}/os-extra_specs/hw:cpu_policy`,
  });
  await r.call('compute.flavor.extra-spec.delete', {
    svc: c,
    method: 'DELETE',
    path: `${fl}/os-extra_specs/hw:cpu_policy`,
    admin: true,
  });
  await r.call('compute.flavor.update-description', {
    svc: c,
    method: 'PUT',
    path: fl,
    admin: true,
    mv: '2.55',
    body: { flavor: { description: 'diff' } },
  });
  await r.call('compute.flavor.delete', {
    svc: c,
    method: 'DELETE',
    path: `/flavors/${r.v('flavor2')}`,
    admin: true,
  });
  // Key pairs.
  for (const mv of ['2.1', '2.2', '2.10', '2.92']) {
    const name = `${t}-${mv.replace('.', '-')}`;
    await r.call('compute.keypair.import', {
      svc: c,
      method: 'POST',
      path: '/os-keypairs',
      mv,
      body: {
        keypair: { name, public_key: sshEd25519(), ...(mv === '2.1' ? {} : { type: 'ssh' }) },
      },
    });
    await r.call('compute.keypair.get', { svc: c, path: `/os-keypairs/${name}`, mv });
    await r.call('compute.keypair.list', { svc: c, path: '/os-keypairs', mv });
    await r.call('compute.keypair.delete', {
      svc: c,
      method: 'DELETE',
      path: `/os-keypairs/${name}`,
      mv,
    });
  }
  await r.call('compute.keypair.malformed', {
    svc: c,
    method: 'POST',
    path: '/os-keypairs',
    body: { keypair: { name: `${t}-bad`, public_key: 'ssh-rsa not-a-key' } },
  });
  // A server.
  const server = (extra: Record<string, unknown>) => ({
    server: {
      name: t,
      flavorRef: r.v('flavor'),
      imageRef: r.v('image'),
      networks: [{ uuid: r.v('net') }],
      ...extra,
    },
  });
  const post = (op: string, body: unknown, mv?: string) =>
    r.call(op, { svc: c, method: 'POST', path: '/servers', body, mv });
  await post('compute.server.create-name-too-long', server({ name: 'x'.repeat(256) }));
  await post('compute.server.create-name-blank', server({ name: '   ' }));
  await post('compute.server.create-bad-access-ip', server({ accessIPv4: '300.1.1.1' }));
  await post(
    'compute.server.create-unknown-sg',
    server({ security_groups: [{ name: `${t}-nosuch` }] }),
  );
  const created = await post(
    'compute.server.create',
    server({ accessIPv4: '192.0.2.10', accessIPv6: '2001:db8::10', metadata: { a: 'b' } }),
  );
  r.vars.server = created.body?.server?.id as string;
  const sv = `/servers/${r.v('server')}`;
  await r.until(
    'server active',
    { svc: c, path: sv },
    (x) => ['ACTIVE', 'ERROR'].includes(x.body?.server?.status as string),
    120_000,
  );
  for (const mv of serverVersions) {
    await r.call('compute.server.get', { svc: c, path: sv, mv });
    await r.call('compute.server.get-as-admin', { svc: c, path: sv, mv, admin: true });
    await r.call('compute.server.list-detail', { svc: c, path: `/servers/detail?name=${t}`, mv });
  }
  await r.call('compute.server.list', { svc: c, path: `/servers?name=${t}` });
  await r.call('compute.server.changes-since-invalid', {
    svc: c,
    path: '/servers?changes-since=nope',
  });
  for (const mv of ['2.1', '2.9', '2.75', '2.90'])
    await r.call('compute.server.update', {
      svc: c,
      method: 'PUT',
      path: sv,
      mv,
      body: { server: { name: `${t}` } },
    });
  // Metadata and addresses.
  await r.call('compute.server.metadata.list', { svc: c, path: `${sv}/metadata` });
  await r.call('compute.server.metadata.update', {
    svc: c,
    method: 'POST',
    path: `${sv}/metadata`,
    body: { metadata: { c: 'd' } },
  });
  await r.call('compute.server.metadata-key.set', {
    svc: c,
    method: 'PUT',
    path: `${sv}/metadata/c`,
    body: { meta: { c: 'e' } },
  });
  await r.call('compute.server.metadata-key.get', { svc: c, path: `${sv}/metadata/c` });
  await r.call('compute.server.metadata-key.delete', {
    svc: c,
    method: 'DELETE',
    path: `${sv}/metadata/c`,
  });
  await r.call('compute.server.metadata.replace', {
    svc: c,
    method: 'PUT',
    path: `${sv}/metadata`,
    body: { metadata: { a: 'b' } },
  });
  await r.call('compute.server.ips', { svc: c, path: `${sv}/ips`, maps: ['addresses'] });
  await r.call('compute.server.interfaces', { svc: c, path: `${sv}/os-interface` });
  await r.call('compute.server.volume-attachments', {
    svc: c,
    path: `${sv}/os-volume_attachments`,
  });
  for (const mv of ['2.1', '2.51', '2.58', '2.62', '2.84']) {
    const acts = await r.call('compute.server.instance-actions', {
      svc: c,
      path: `${sv}/os-instance-actions`,
      mv,
    });
    const reqId = acts.body?.instanceActions?.[0]?.request_id as string | undefined;
    if (reqId !== undefined)
      await r.call('compute.server.instance-action', {
        svc: c,
        path: `${sv}/os-instance-actions/${reqId}`,
        mv,
      });
  }
  const action = (op: string, body: unknown, mv?: string, admin = false) =>
    r.call(op, { svc: c, method: 'POST', path: `${sv}/action`, body, mv, admin });
  const settle = (status: string) =>
    r.until(
      `server ${status}`,
      { svc: c, path: sv },
      (x) => x.body?.server?.status === status && x.body?.server?.['OS-EXT-STS:task_state'] == null,
    );
  await action('compute.server.action.console-output', { 'os-getConsoleOutput': { length: 5 } });
  await r.call('compute.server.remote-console', {
    svc: c,
    method: 'POST',
    path: `${sv}/remote-consoles`,
    mv: '2.6',
    body: { remote_console: { protocol: 'vnc', type: 'novnc' } },
  });
  await action('compute.server.action.lock', { lock: null });
  await action('compute.server.action.unlock', { unlock: null });
  await action('compute.server.action.stop', { 'os-stop': null });
  await settle('SHUTOFF');
  await action('compute.server.action.start', { 'os-start': null });
  await settle('ACTIVE');
  await action('compute.server.action.reboot', { reboot: { type: 'SOFT' } });
  await settle('ACTIVE');
  for (const mv of ['2.1', '2.75']) {
    await action('compute.server.action.rebuild', { rebuild: { imageRef: r.v('image') } }, mv);
    await settle('ACTIVE');
  }
  await action('compute.server.action.restore-not-deleted', { restore: null });
  // Admin views around the server.
  for (const mv of ['2.1', '2.23', '2.59', '2.80'])
    await r.call('compute.migrations.list', { svc: c, path: '/os-migrations', mv, admin: true });
  // Usage (Nova's simple_tenant_usage): the end is cut to "now" and only servers with
  // launched_at < end count; a rebuild relaunches the server (launched_at = its end, stored to the
  // second). Ask once the relaunch is at least two seconds old, so both clouds count the server.
  const launched = await r.raw({ svc: c, path: sv });
  const launchedAt = Date.parse(`${String(launched.body?.server?.['OS-SRV-USG:launched_at'])}Z`);
  if (Number.isNaN(launchedAt)) throw new Error('server shows no OS-SRV-USG:launched_at');
  await new Promise((done) => setTimeout(done, Math.max(0, launchedAt + 2_000 - Date.now())));
  const window = 'start=2020-01-01T00:00:00&end=2100-01-01T00:00:00';
  for (const mv of ['2.1', '2.40']) {
    await r.call('compute.usage.list', {
      svc: c,
      path: `/os-simple-tenant-usage?${window}&detailed=1`,
      mv,
      admin: true,
      pick: (b) => ({
        tenant_usages: b?.tenant_usages?.filter(
          (u: { tenant_id: string }) => u.tenant_id === r.v('project'),
        ),
      }),
    });
    await r.call('compute.usage.get', {
      svc: c,
      path: `/os-simple-tenant-usage/${r.v('project')}?${window}`,
      mv,
    });
  }
  const usageOf = `/os-simple-tenant-usage/${r.v('project')}`;
  await r.call('compute.usage.start-after-end', {
    svc: c,
    path: `${usageOf}?start=2030-02-01T00:00:00&end=2030-01-01T00:00:00`,
  });
  await r.call('compute.usage.zoned-time', {
    svc: c,
    path: `${usageOf}?start=2020-01-01T00:00:00Z`,
  });
  await r.call('compute.usage.bare-date', { svc: c, path: `${usageOf}?start=2020-01-01` });
  await r.call('compute.usage.before-launch', {
    svc: c,
    path: `${usageOf}?start=2020-01-01T00:00:00&end=2020-02-01 00:00:00.5`,
  });
};

export const computeTeardownScript = async (r: Recorder) => {
  const sv = `/servers/${r.v('server')}`;
  await r.call('compute.server.delete', { svc: c, method: 'DELETE', path: sv });
  await r.until('server gone', { svc: c, path: sv }, (x) => x.status === 404, 120_000);
  await r.call('compute.server.get-deleted', { svc: c, path: sv });
};

export const computeCleanup = async (r: Recorder) => {
  if (r.vars.server !== undefined) {
    await r.raw({
      svc: 'compute',
      method: 'DELETE',
      path: `/servers/${r.vars.server}`,
      admin: true,
    });
    await r.until(
      'server gone',
      { svc: c, path: `/servers/${r.vars.server}`, admin: true },
      (x) => x.status === 404,
      120_000,
    );
  }
  if (r.vars.flavor !== undefined && r.vars.flavor !== '')
    await r.raw({
      svc: 'compute',
      method: 'DELETE',
      path: `/flavors/${r.vars.flavor}`,
      admin: true,
    });
};
