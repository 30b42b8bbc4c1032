/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the two clouds' bodies are read loosely to find ids; their schemas, not these reads, are what the suite compares */
import type { Recorder } from './recorder';

/**
 * What the simulator serves and this Zed does not run at all: Octavia and Ironic (catalog),
 * FWaaS and floating-IP port forwarding (Neutron service plugins). Recorded so that the
 * documented differences are asserted, not assumed.
 */
export const servicesScript = async (r: Recorder) => {
  await r.call('identity.catalog.service-types', {
    svc: 'identity',
    path: '/auth/catalog',
    admin: true,
    pick: (b) => ({
      types: Object.fromEntries(
        ((b?.catalog ?? []) as { type: string }[]).map((s) => [s.type, true]),
      ),
    }),
  });
  await r.call('network.fwaas.extension', { svc: 'network', path: '/extensions/fwaas_v2' });
  await r.call('network.fwaas.firewall-groups', { svc: 'network', path: '/fwaas/firewall_groups' });
  await r.call('network.fip.port-forwardings', {
    svc: 'network',
    path: `/floatingips/${r.v('fip')}/port_forwardings`,
  });
};

/** Settled outcomes (values, not schemas) of what Zed's fake Cinder cannot do. */
export const volumeOutcomes = async (r: Recorder): Promise<Record<string, string>> => {
  // A backup with no cinder-backup service may stay `creating`: give it 30 s, then read it.
  const deadline = Date.now() + 30_000;
  let backup: { status?: string } | undefined;
  for (;;) {
    const list = await r.raw({ svc: 'volume', path: `/backups/detail?name=${r.tag}` });
    backup = (list.body?.backups ?? [])[0] as { status?: string } | undefined;
    if (backup?.status !== 'creating' || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const volume = await r.raw({ svc: 'volume', path: `/volumes/${r.v('volume')}`, admin: true });
  return {
    backup: backup?.status ?? 'none',
    extend: `${String(volume.body?.volume?.status)} size ${String(volume.body?.volume?.size)}`,
  };
};
