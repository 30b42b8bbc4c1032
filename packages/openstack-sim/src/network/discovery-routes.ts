import type { FastifyRequest } from 'fastify';
import { originOf } from '../core/link-base';
import type { SimContext } from '../core/sim-context';
import { V2, notFound, type Scope } from './neutron-http';

/** Extensions the simulator implements; clients (openstacksdk, OSC) probe these. */
const extensions: [alias: string, name: string][] = [
  ['external-net', 'Neutron external network'],
  ['router', 'Neutron L3 Router'],
  ['ext-gw-mode', 'Neutron L3 Configurable external gateway mode'],
  ['provider', 'Provider Network'],
  ['security-group', 'security-group'],
  ['quotas', 'Quota management support'],
  ['quota_details', 'Quota details management support'],
  ['binding', 'Port Binding'],
  ['port-security', 'Port Security'],
  ['floating-ip-port-forwarding', 'Floating IP Port Forwarding'],
  ['expose-port-forwarding-in-fip', 'Expose Port Forwarding in Floating IP'],
  ['standard-attr-description', 'standard-attr-description'],
  ['standard-attr-revisions', 'Resource revision numbers'],
  ['standard-attr-timestamp', 'Resource timestamps'],
  ['standard-attr-tag', 'Tag support for resources with standard attribute'],
  ['project-id', 'project_id field enabled'],
  ['net-mtu', 'Network MTU'],
  ['availability_zone', 'Availability Zone'],
  ['sorting', 'Sorting support'],
  ['pagination', 'Pagination support'],
  ['fip-port-details', 'Floating IP Port Details Extension'],
  ['fwaas_v2', 'Firewall as a Service v2'],
  ['agent', 'agent'],
  ['l3_agent_scheduler', 'L3 Agent Scheduler'],
  ['auto-allocated-topology', 'Auto Allocated Topology Services'],
];

const renderExtension = ([alias, name]: [string, string]) => ({
  alias,
  name,
  description: name,
  links: [],
  updated: '2023-01-01T00:00:00-00:00',
});

export const registerNetworkDiscoveryRoutes = (app: Scope, ctx: SimContext) => {
  const versions = (request: FastifyRequest) => ({
    versions: [
      {
        id: 'v2.0',
        status: 'CURRENT',
        links: [{ rel: 'self', href: `${originOf(request, ctx.baseUrl)}/network/v2.0/` }],
      },
    ],
  });
  app.get('/network', versions);
  app.get('/network/', versions);
  const resources = (request: FastifyRequest) => ({
    resources: [
      'networks',
      'subnets',
      'ports',
      'routers',
      'floatingips',
      'security_groups',
      'security_group_rules',
      'quotas',
    ].map((name) => ({
      name: name.replace(/s$/, ''),
      collection: name,
      links: [
        {
          rel: 'self',
          href: `${originOf(request, ctx.baseUrl)}${V2}/${name.replace(/_/g, '-')}`,
        },
      ],
    })),
  });
  app.get(V2, resources);
  app.get(`${V2}/`, resources);
  app.get(`${V2}/extensions`, () => ({ extensions: extensions.map(renderExtension) }));
  app.get<{ Params: { alias: string } }>(`${V2}/extensions/:alias`, (request) => {
    const found = extensions.find(([alias]) => alias === request.params.alias);
    if (!found)
      throw notFound(
        'ExtensionNotFound',
        `Extension with alias ${request.params.alias} does not exist`,
      );
    return { extension: renderExtension(found) };
  });
};
