import type { Topology, TopologyNode } from '@yunguan/contract';

/** Left to right: where traffic leaves, the routers, networks and subnets, servers, their IPs. */
const columns: Record<TopologyNode['kind'], number> = {
  'external-network': 0,
  router: 1,
  network: 2,
  subnet: 3,
  server: 4,
  'floating-ip': 5,
};
export const COLUMN_GAP = 200;
export const ROW_GAP = 90;

export type PlacedNode = TopologyNode & { x: number; y: number };

/** Fixed positions: one column per kind, nodes spread evenly (same graph → same picture). */
export const placeNodes = (topology: Topology): { nodes: PlacedNode[]; height: number } => {
  const byColumn = new Map<number, TopologyNode[]>();
  for (const node of topology.nodes) {
    const col = columns[node.kind];
    byColumn.set(col, [...(byColumn.get(col) ?? []), node]);
  }
  const tallest = Math.max(1, ...[...byColumn.values()].map((c) => c.length));
  const height = tallest * ROW_GAP;
  const nodes: PlacedNode[] = [];
  for (const [col, list] of byColumn) {
    const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
    const step = height / sorted.length;
    // Networks sit a little above their row so router → subnet edges do not run through them.
    const lift = col === columns.network ? -ROW_GAP * 0.6 : 0;
    sorted.forEach((node, i) =>
      nodes.push({ ...node, x: col * COLUMN_GAP, y: step * (i + 0.5) + lift }),
    );
  }
  return { nodes, height };
};

/**
 * Where a node leads in the console: the API's href when it is a console path; otherwise the
 * object's page by kind (a subnet opens its network).
 */
export const consoleHref = (node: TopologyNode, topology: Topology): string | null => {
  if (node.href?.startsWith('/console/')) return node.href;
  switch (node.kind) {
    case 'network':
    case 'external-network':
      return `/console/network/networks/${node.id}`;
    case 'router':
      return `/console/network/routers/${node.id}`;
    case 'server':
      return `/console/compute/servers/${node.id}`;
    case 'floating-ip':
      return '/console/network/floating-ips';
    case 'subnet': {
      const edge = topology.edges.find((e) => e.kind === 'subnet-of' && e.from === node.id);
      return edge ? `/console/network/networks/${edge.to}` : null;
    }
  }
};
