import { randomUUID } from 'node:crypto';
import type { SimContext } from '../core/sim-context';
import { ironicError } from './ironic-http';
import { withIdTables } from '../core/id-table';

export type PowerState = 'power on' | 'power off';

export type BaremetalNode = {
  uuid: string;
  name: string | null;
  driver: string;
  driver_info: Record<string, unknown>;
  properties: { cpus: number; memory_mb: number; local_gb: number; cpu_arch: string };
  power_state: PowerState | null;
  target_power_state: string | null;
  provision_state: string;
  target_provision_state: string | null;
  maintenance: boolean;
  maintenance_reason: string | null;
  last_error: string | null;
  instance_uuid: string | null;
  instance_info: Record<string, unknown>;
  extra: Record<string, unknown>;
  resource_class: string | null;
  created_at: string;
  updated_at: string | null;
  provision_updated_at: string | null;
};

export type BaremetalSlice = { nodes: Record<string, BaremetalNode> };

const hardware = [
  { name: 'bm-0', cpus: 32, memory_mb: 131_072, local_gb: 960, state: 'available' },
  { name: 'bm-1', cpus: 16, memory_mb: 65_536, local_gb: 480, state: 'manageable' },
  { name: 'bm-2', cpus: 8, memory_mb: 32_768, local_gb: 240, state: 'enroll' },
] as const;

export const newNode = (
  ctx: SimContext,
  input: { name: string | null; driver: string; properties?: Partial<BaremetalNode['properties']> },
): BaremetalNode => ({
  uuid: randomUUID(),
  name: input.name,
  driver: input.driver,
  driver_info: {},
  properties: { cpus: 0, memory_mb: 0, local_gb: 0, cpu_arch: 'x86_64', ...input.properties },
  power_state: null,
  target_power_state: null,
  provision_state: 'enroll',
  target_provision_state: null,
  maintenance: false,
  maintenance_reason: null,
  last_error: null,
  instance_uuid: null,
  instance_info: {},
  extra: {},
  resource_class: null,
  created_at: ctx.now().toISOString(),
  updated_at: null,
  provision_updated_at: null,
});

/** Ironic's slice of the state file; three fake-hardware nodes on first start. */
export const baremetalSlice = (ctx: SimContext): BaremetalSlice => {
  const state = ctx.store.state as unknown as { baremetal: Partial<BaremetalSlice> };
  if (!state.baremetal.nodes) {
    const nodes: Record<string, BaremetalNode> = {};
    for (const h of hardware) {
      const node = newNode(ctx, {
        name: h.name,
        driver: 'fake-hardware',
        properties: { cpus: h.cpus, memory_mb: h.memory_mb, local_gb: h.local_gb },
      });
      node.provision_state = h.state;
      node.power_state = h.state === 'enroll' ? null : 'power off';
      node.resource_class = 'baremetal';
      nodes[node.uuid] = node;
    }
    state.baremetal.nodes = nodes;
    ctx.store.changed();
  }
  return withIdTables(state.baremetal as BaremetalSlice, ['nodes']);
};

export const findNode = (ctx: SimContext, ident: string): BaremetalNode => {
  const nodes = baremetalSlice(ctx).nodes;
  const node = nodes[ident] ?? Object.values(nodes).find((n) => n.name === ident);
  if (!node) throw ironicError(404, `Node ${ident} could not be found.`);
  return node;
};

export const touch = (ctx: SimContext, node: BaremetalNode) => {
  node.updated_at = ctx.now().toISOString();
  ctx.store.changed();
};

/** Finish what a stopped simulator left half-done (a restart is a conductor restart). */
export const recoverNodes = (ctx: SimContext) => {
  const settle: Record<string, string> = {
    verifying: 'manageable',
    cleaning: 'available',
    deploying: 'active',
    'wait call-back': 'active',
    deleting: 'available',
  };
  for (const node of Object.values(baremetalSlice(ctx).nodes)) {
    const final = settle[node.provision_state];
    if (final) node.provision_state = node.target_provision_state ?? final;
    node.target_provision_state = null;
    if (node.target_power_state)
      node.power_state = node.target_power_state === 'power off' ? 'power off' : 'power on';
    node.target_power_state = null;
  }
  ctx.store.changed();
};
