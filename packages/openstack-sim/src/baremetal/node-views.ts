import type { FastifyRequest } from 'fastify';
import { linkBase } from '../core/link-base';
import type { BaremetalNode } from './node-state';

const base = (request: FastifyRequest) => `${linkBase(request)}/baremetal`;

export const linksOf = (request: FastifyRequest, path: string) => [
  { href: `${base(request)}/v1/${path}`, rel: 'self' },
  { href: `${base(request)}/${path}`, rel: 'bookmark' },
];

const summaryKeys = [
  'uuid',
  'name',
  'instance_uuid',
  'power_state',
  'provision_state',
  'maintenance',
] as const;

/** The whole node as GET /v1/nodes/{id} answers it (fake-hardware interfaces). */
export const nodeDetail = (request: FastifyRequest, n: BaremetalNode) => ({
  ...n,
  console_enabled: false,
  reservation: null,
  chassis_uuid: null,
  conductor_group: '',
  conductor: 'sim-conductor',
  owner: null,
  lessee: null,
  protected: false,
  protected_reason: null,
  retired: false,
  retired_reason: null,
  fault: null,
  description: null,
  automated_clean: null,
  inspection_started_at: null,
  inspection_finished_at: null,
  clean_step: {},
  deploy_step: {},
  raid_config: {},
  target_raid_config: {},
  traits: [],
  bios_interface: 'no-bios',
  boot_interface: 'fake',
  console_interface: 'no-console',
  deploy_interface: 'fake',
  inspect_interface: 'no-inspect',
  management_interface: 'fake',
  network_interface: 'noop',
  power_interface: 'fake',
  raid_interface: 'no-raid',
  rescue_interface: 'no-rescue',
  storage_interface: 'noop',
  vendor_interface: 'no-vendor',
  network_data: {},
  links: linksOf(request, `nodes/${n.uuid}`),
  ports: linksOf(request, `nodes/${n.uuid}/ports`),
  portgroups: linksOf(request, `nodes/${n.uuid}/portgroups`),
  states: linksOf(request, `nodes/${n.uuid}/states`),
  volume: linksOf(request, `nodes/${n.uuid}/volume`),
});

/** A list entry: the summary fields (or ?fields=…) plus links. */
export const nodeView = (
  request: FastifyRequest,
  n: BaremetalNode,
  detail: boolean,
  fields: string[] | null,
) => {
  const full = nodeDetail(request, n) as Record<string, unknown>;
  if (fields) return Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]]));
  if (detail) return full;
  return {
    ...Object.fromEntries(summaryKeys.map((k) => [k, full[k]])),
    links: full.links,
  };
};

export const statesOf = (n: BaremetalNode) => ({
  power_state: n.power_state,
  target_power_state: n.target_power_state,
  provision_state: n.provision_state,
  target_provision_state: n.target_provision_state,
  provision_updated_at: n.provision_updated_at,
  last_error: n.last_error,
  console_enabled: false,
  raid_config: {},
  target_raid_config: {},
});
