import type { SimContext } from '../core/sim-context';

/** What the simulator holds, as much as its series need (read from the state slices). */
export type MetricsInventory = {
  hypervisors: {
    id: string;
    hostname: string;
    vcpus: number;
    memoryMb: number;
    localGb: number;
    up: boolean;
  }[];
  servers: {
    id: string;
    name: string;
    projectId: string;
    host: string | null;
    vcpus: number;
    ramMb: number;
    diskGb: number;
    active: boolean;
  }[];
  nodes: {
    id: string;
    name: string;
    cpus: number;
    memoryMb: number;
    localGb: number;
    poweredOn: boolean;
  }[];
  volumes: { id: string; projectId: string; sizeGb: number; inUse: boolean }[];
  routers: { id: string; projectId: string }[];
  floatingIps: { id: string; projectId: string; address: string; associated: boolean }[];
};

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] =>
  Array.isArray(v)
    ? (v as Loose[])
    : v && typeof v === 'object'
      ? (Object.values(v) as Loose[])
      : [];
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const readInventory = (ctx: SimContext): MetricsInventory => {
  const { compute, baremetal, volume, network } = ctx.store.state as unknown as Record<
    string,
    Loose
  >;
  return {
    hypervisors: list(compute?.hypervisors).map((h) => ({
      id: String(h.id),
      hostname: str(h.hostname),
      vcpus: num(h.vcpus),
      memoryMb: num(h.memoryMb),
      localGb: num(h.localGb),
      up: h.state === 'up',
    })),
    servers: list(compute?.servers).map((s) => {
      const flavor = (s.flavor ?? {}) as Loose;
      return {
        id: str(s.id),
        name: str(s.name),
        projectId: str(s.projectId),
        host: typeof s.host === 'string' ? s.host : null,
        vcpus: num(flavor.vcpus) || 1,
        ramMb: num(flavor.ram) || 512,
        diskGb: num(flavor.disk) || 1,
        active: s.status === 'ACTIVE',
      };
    }),
    nodes: list(baremetal?.nodes).map((n) => {
      const p = (n.properties ?? {}) as Loose;
      return {
        id: str(n.uuid),
        name: str(n.name) || str(n.uuid),
        cpus: num(p.cpus) || 1,
        memoryMb: num(p.memory_mb) || 1024,
        localGb: num(p.local_gb) || 10,
        poweredOn: n.power_state === 'power on',
      };
    }),
    volumes: list(volume?.volumes)
      .filter((v) => v.status !== 'deleting' && v.status !== 'error')
      .map((v) => ({
        id: str(v.id),
        projectId: str(v.project_id),
        sizeGb: num(v.size),
        inUse: v.status === 'in-use',
      })),
    routers: list(network?.routers).map((r) => ({ id: str(r.id), projectId: str(r.project_id) })),
    floatingIps: list(network?.floatingIps).map((f) => ({
      id: str(f.id),
      projectId: str(f.project_id),
      address: str(f.floating_ip_address),
      associated: typeof f.port_id === 'string',
    })),
  };
};
