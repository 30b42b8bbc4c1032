import type { Topology } from '@yunguan/contract';
import { describe, expect, it } from 'vitest';
import { COLUMN_GAP, consoleHref, placeNodes } from './topology-layout';

const node = (id: string, kind: Topology['nodes'][number]['kind'], href: string | null = null) => ({
  id,
  externalId: `ext-${id}`,
  kind,
  name: id,
  status: 'ACTIVE',
  href,
  label: null,
});

const topology: Topology = {
  datacenterId: 'dc',
  projectId: 'p',
  observedAt: '2026-11-22T10:00:00.000Z',
  nodes: [
    node('public', 'external-network'),
    node('r1', 'router'),
    node('net', 'network'),
    node('sub-b', 'subnet'),
    node('sub-a', 'subnet'),
    node('vm', 'server', '/console/compute/servers/vm'),
    node('fip', 'floating-ip'),
  ],
  edges: [
    { from: 'sub-a', to: 'net', kind: 'subnet-of', label: null },
    { from: 'r1', to: 'public', kind: 'gateway', label: null },
  ],
};

describe('placeNodes', () => {
  it('puts each kind in its own column, left to right from the external network', () => {
    const { nodes } = placeNodes(topology);
    const x = (id: string) => nodes.find((n) => n.id === id)?.x;
    expect([x('public'), x('r1'), x('net'), x('sub-a'), x('vm'), x('fip')]).toEqual(
      [0, 1, 2, 3, 4, 5].map((c) => c * COLUMN_GAP),
    );
  });

  it('spreads a column evenly, by name, and gives the same picture for the same graph', () => {
    const first = placeNodes(topology);
    const a = first.nodes.find((n) => n.id === 'sub-a');
    const b = first.nodes.find((n) => n.id === 'sub-b');
    expect(a!.y).toBeLessThan(b!.y);
    expect(placeNodes(topology)).toEqual(first);
  });

  it('lifts networks off the row so router → subnet edges do not cross them', () => {
    const { nodes } = placeNodes(topology);
    const y = (id: string) => nodes.find((n) => n.id === id)!.y;
    expect(y('net')).toBeLessThan(y('r1'));
  });
});

describe('consoleHref', () => {
  it("keeps the API's console path", () => {
    expect(consoleHref(topology.nodes[5]!, topology)).toBe('/console/compute/servers/vm');
  });

  it('derives the page by kind otherwise; a subnet opens its network', () => {
    expect(consoleHref(topology.nodes[1]!, topology)).toBe('/console/network/routers/r1');
    expect(consoleHref(topology.nodes[4]!, topology)).toBe('/console/network/networks/net');
    expect(consoleHref(topology.nodes[3]!, topology)).toBeNull();
  });
});
