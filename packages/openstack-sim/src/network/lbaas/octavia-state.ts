import type { SimContext } from '../../core/sim-context';
import { newId } from '../network-state';
import { withIdTables } from '../../core/id-table';

export type LbKind = 'loadbalancers' | 'listeners' | 'pools' | 'members' | 'healthmonitors';

/** Octavia records in API shape; `loadbalancer_id` ties every child to its load balancer. */
export type LbRecord = Record<string, unknown> & {
  id: string;
  name: string;
  project_id: string;
  loadbalancer_id: string;
  provisioning_status: 'PENDING_CREATE' | 'PENDING_UPDATE' | 'PENDING_DELETE' | 'ACTIVE' | 'ERROR';
  operating_status: 'ONLINE' | 'OFFLINE' | 'NO_MONITOR' | 'DEGRADED' | 'ERROR';
  created_at: string;
  updated_at: string | null;
};

export type OctaviaSlice = Record<LbKind, Record<string, LbRecord>>;

export const octaviaSlice = (ctx: SimContext): OctaviaSlice => {
  const root = ctx.store.state.loadBalancer as Partial<OctaviaSlice>;
  root.loadbalancers ??= {};
  root.listeners ??= {};
  root.pools ??= {};
  root.members ??= {};
  root.healthmonitors ??= {};
  return withIdTables(root as OctaviaSlice, [
    'loadbalancers',
    'listeners',
    'pools',
    'members',
    'healthmonitors',
  ]);
};

export const octaviaTime = (ctx: SimContext) =>
  ctx
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, '');

export const newRecord = (
  ctx: SimContext,
  projectId: string,
  loadbalancerId: string,
  fields: Record<string, unknown>,
): LbRecord => ({
  description: '',
  admin_state_up: true,
  tags: [],
  ...fields,
  id: newId(),
  name: typeof fields.name === 'string' ? fields.name : '',
  project_id: projectId,
  tenant_id: projectId,
  loadbalancer_id: loadbalancerId,
  provisioning_status: 'PENDING_CREATE',
  operating_status: 'OFFLINE',
  created_at: octaviaTime(ctx),
  updated_at: null,
});

export const algorithms = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP', 'SOURCE_IP_PORT'];
export const listenerProtocols = [
  'HTTP',
  'HTTPS',
  'TCP',
  'UDP',
  'TERMINATED_HTTPS',
  'SCTP',
  'PROMETHEUS',
];
export const poolProtocols = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'PROXY', 'PROXYV2', 'SCTP'];
export const monitorTypes = ['HTTP', 'HTTPS', 'PING', 'TCP', 'TLS-HELLO', 'UDP-CONNECT', 'SCTP'];

/** After a restart, finish the PENDING_* states whose timers were lost. */
export const recoverOctaviaTransitions = (ctx: SimContext) => {
  const slice = octaviaSlice(ctx);
  for (const kind of Object.keys(slice) as LbKind[]) {
    for (const row of Object.values(slice[kind])) {
      if (row.provisioning_status === 'PENDING_DELETE') delete slice[kind][row.id];
      else if (row.provisioning_status.startsWith('PENDING_')) {
        row.provisioning_status = 'ACTIVE';
        row.operating_status = 'ONLINE';
      }
    }
  }
};
