import type { KnownDifference } from './compare';

/**
 * Where real Zed, as infra/dev/openstack/up.sh runs it (Nova's fake driver, Cinder's fake
 * logging driver, ML2/linuxbridge without service plugins, no cinder-backup, no Octavia, no
 * Ironic, no FWaaS), cannot do what the simulator does. Each entry is asserted: the suite fails
 * when a difference disappears, so the list never goes stale. Nothing else may differ.
 */
export const knownDifferences: KnownDifference[] = [
  {
    op: 'identity.catalog.service-types',
    what: /^field types\.(load-balancer|baremetal|block-storage): sim boolean zed absent$/,
    reason:
      'The simulator serves Octavia and Ironic and registers Cinder as DevStack does (volumev3 and block-storage); this Zed runs neither Octavia nor Ironic and registers volumev3 only.',
  },
  {
    op: 'network.fwaas.extension',
    what: /^(status sim 200 zed 404|field (extension|NeutronError): .*)$/,
    reason: 'The simulator serves FWaaS v2; this Zed loads no firewall service plugin.',
  },
  {
    op: 'network.fwaas.firewall-groups',
    what: /^(status sim 200 zed 404|field (firewall_groups|NeutronError): .*)$/,
    reason: 'The simulator serves FWaaS v2; this Zed loads no firewall service plugin.',
  },
  {
    op: 'network.fip.port-forwardings',
    what: /^(status sim 200 zed 404|field (port_forwardings|NeutronError): .*)$/,
    reason:
      'The simulator serves floating-IP port forwarding; this Zed loads no port_forwarding plugin.',
  },
  ...['create', 'get', 'associate', 'disassociate'].map((verb) => ({
    op: `network.fip.${verb}`,
    what: /^field floatingip\.port_forwardings: sim array zed absent$/,
    reason: 'expose-port-forwarding-in-fip comes with the port_forwarding plugin this Zed lacks.',
  })),
  {
    op: 'network.fip.list',
    what: /^field floatingips\[\]\.port_forwardings: sim array zed absent$/,
    reason: 'expose-port-forwarding-in-fip comes with the port_forwarding plugin this Zed lacks.',
  },
  {
    op: 'compute.hypervisor.uptime',
    mv: ['2.1', '2.28', '2.53'],
    what: /^(status sim 200 zed 501|field (hypervisor|notImplemented): .*)$/,
    reason: "Nova's fake driver implements no host uptime (501); libvirt hosts answer it.",
  },
  {
    op: 'compute.hypervisors.detail',
    mv: ['2.88'],
    what: /^field hypervisors\[\]\.uptime: sim string zed null$/,
    reason: "Nova's fake driver has no uptime, so 2.88 shows null; libvirt hosts show the string.",
  },
  {
    op: 'compute.hypervisor.get',
    mv: ['2.88'],
    what: /^field hypervisor\.uptime: sim string zed null$/,
    reason: "Nova's fake driver has no uptime, so 2.88 shows null; libvirt hosts show the string.",
  },
];

/**
 * Settled behaviour (values, not schemas) that differs for the same reason: what each cloud
 * ends in after a backup and after an extend of a 1 GiB volume to 2 GiB.
 */
export const knownOutcomes = {
  sim: { backup: 'available', extend: 'available size 2' },
  zed: { backup: /^(creating|error)$/, extend: /^error_extending size 1$/ },
  reason:
    "This Zed runs no cinder-backup service, and Cinder's fake logging driver cannot extend: the simulator keeps working behaviour there.",
};
