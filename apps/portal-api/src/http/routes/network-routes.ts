import * as c from '@yunguan/contract';
import { DomainError } from '@yunguan/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context';
import { actOnFloatingIp } from '../../services/network/act-on-floating-ip';
import { actOnRouter } from '../../services/network/act-on-router';
import { actOnSecurityGroup } from '../../services/network/act-on-security-group';
import { createFloatingIp } from '../../services/network/create-floating-ip';
import { createNetwork } from '../../services/network/create-network';
import { createPort } from '../../services/network/create-port';
import { createRouter } from '../../services/network/create-router';
import { createSecurityGroup } from '../../services/network/create-security-group';
import { createSubnet } from '../../services/network/create-subnet';
import { deleteFloatingIp } from '../../services/network/delete-floating-ip';
import { deleteNetwork } from '../../services/network/delete-network';
import { deletePort } from '../../services/network/delete-port';
import { deleteRouter } from '../../services/network/delete-router';
import { deleteSecurityGroup } from '../../services/network/delete-security-group';
import { deleteSubnet } from '../../services/network/delete-subnet';
import { withFloatingIpServers } from '../../services/network/floating-ip-servers';
import { getNetwork } from '../../services/network/get-network';
import { getNetworkResource } from '../../services/network/get-network-resource';
import { getTopology } from '../../services/network/get-topology';
import { listFloatingIps } from '../../services/network/list-floating-ips';
import { listNetworks } from '../../services/network/list-networks';
import { listPorts } from '../../services/network/list-ports';
import { listSecurityGroups } from '../../services/network/list-security-groups';
import { startQuickStart } from '../../services/network/start-quick-start';
import { updateSubnet } from '../../services/network/update-subnet';
import { type CsvColumns } from '../../services/resources/export-resources-csv';
import { listProjectResources } from '../../services/resources/list-project-resources';
import type { AppDeps } from '../deps';
import { localeOf } from '../locale';
import { registerContract } from '../register-contract';
import { accepted, headerKey, sendResourceCsv, withKey } from './route-kit';

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * Parse a body whose schema has cross-field network rules (CIDR, gateway, pools, provider
 * attributes, rule ports). Those issues carry a reason (network-rules.ts), so each field's
 * message is rendered in the caller's language and the error names the first reason.
 */
const parseNetworkBody = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> => {
  const locale = localeOf(request);
  const result = schema.safeParse(request.body, { error: localeErrors[locale] });
  if (result.success) return result.data;
  let first: { reason: string; params: Record<string, string | number> } | null = null;
  const issues = result.error.issues.map((i) => {
    const path = ['body', ...i.path.map(String)].join('.');
    const { reason, ...params } = (i.code === 'custom' ? (i.params ?? {}) : {}) as Record<
      string,
      string | number
    >;
    if (typeof reason !== 'string') return { path, message: i.message };
    first ??= { reason, params };
    return { path, message: c.renderMessage(locale, 'VALIDATION', reason, params) };
  });
  const head = first as { reason: string; params: Record<string, string | number> } | null;
  throw new DomainError('VALIDATION', 'invalid body', {
    ...(head ? { reason: head.reason, params: head.params } : {}),
    issues,
  });
};

/**
 * Mirror items carry their spec as stored JSON; the contract's response schema parses every
 * answer before it is sent, so this only tells the compiler what that parse guarantees.
 */
const shaped = <C extends c.Contract>(_contract: C, value: unknown): c.ResponseOf<C> =>
  value as c.ResponseOf<C>;

const spec = (item: { spec: Record<string, unknown> }) => item.spec;
const csvColumns: Partial<Record<c.ResourceKind, CsvColumns>> = {
  network: {
    external: (i) => Boolean(spec(i).external),
    shared: (i) => Boolean(spec(i).shared),
    providerType: (i) => (spec(i).providerType as string | null) ?? null,
    subnets: (i) => ((spec(i).subnetExternalIds as string[] | undefined) ?? []).length,
  },
  subnet: {
    cidr: (i) => spec(i).cidr as string,
    gatewayIp: (i) => (spec(i).gatewayIp as string | null) ?? null,
    enableDhcp: (i) => Boolean(spec(i).enableDhcp),
    networkExternalId: (i) => spec(i).networkExternalId as string,
  },
  port: {
    macAddress: (i) => spec(i).macAddress as string,
    fixedIps: (i) =>
      ((spec(i).fixedIps as { ipAddress: string }[] | undefined) ?? [])
        .map((f) => f.ipAddress)
        .join(' '),
    deviceOwner: (i) => spec(i).deviceOwner as string,
  },
  router: {
    gatewayNetwork: (i) =>
      (spec(i).externalGateway as { networkExternalId: string } | null)?.networkExternalId ?? null,
    interfaces: (i) => ((spec(i).interfaces as unknown[] | undefined) ?? []).length,
  },
  'floating-ip': {
    fixedIpAddress: (i) => (spec(i).fixedIpAddress as string | null) ?? null,
    portExternalId: (i) => (spec(i).portExternalId as string | null) ?? null,
  },
  'security-group': {
    rules: (i) => ((spec(i).rules as unknown[] | undefined) ?? []).length,
  },
};

const sendCsv = (
  ctx: ServiceContext,
  reply: FastifyReply,
  projectId: string,
  kind: c.ResourceKind,
  query: c.ResourceListQuery,
) => sendResourceCsv(ctx, reply, projectId, kind, query, csvColumns[kind]);

/** The network API (M1.5): /api/v1/projects/:projectId/… collections, item routes and actions. */
export const registerNetworkRoutes = (app: FastifyInstance, deps: AppDeps) => {
  // Networks
  registerContract(app, deps, c.listProjectNetworks, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'network', query)
      : shaped(c.listProjectNetworks, await listNetworks(ctx, params.projectId, query)),
  );
  registerContract(
    app,
    deps,
    { ...c.createNetwork, body: c.createNetworkShape },
    async ({ ctx, params, request }) => {
      const body = withKey(parseNetworkBody(c.createNetworkInput, request), request);
      return accepted(request, await createNetwork(ctx, params.projectId, body));
    },
  );
  registerContract(app, deps, c.getNetwork, async ({ ctx, params }) =>
    shaped(c.getNetwork, await getNetwork(ctx, params.id)),
  );
  registerContract(app, deps, c.deleteNetwork, async ({ ctx, params, request }) =>
    accepted(request, await deleteNetwork(ctx, params.id, headerKey(request))),
  );

  // Subnets
  registerContract(app, deps, c.listSubnets, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'subnet', query)
      : shaped(c.listSubnets, await listProjectResources(ctx, params.projectId, 'subnet', query)),
  );
  registerContract(
    app,
    deps,
    { ...c.createSubnet, body: c.createSubnetShape },
    async ({ ctx, params, request }) => {
      const body = withKey(parseNetworkBody(c.createSubnetInput, request), request);
      return accepted(request, await createSubnet(ctx, params.projectId, body));
    },
  );
  registerContract(app, deps, c.getSubnet, async ({ ctx, params }) =>
    shaped(c.getSubnet, await getNetworkResource(ctx, 'subnet', params.id)),
  );
  registerContract(
    app,
    deps,
    { ...c.updateSubnet, body: c.updateSubnetShape },
    async ({ ctx, params, request }) => {
      const body = withKey(parseNetworkBody(c.updateSubnetInput, request), request);
      return accepted(request, await updateSubnet(ctx, params.id, body));
    },
  );
  registerContract(app, deps, c.deleteSubnet, async ({ ctx, params, request }) =>
    accepted(request, await deleteSubnet(ctx, params.id, headerKey(request))),
  );

  // Ports
  registerContract(app, deps, c.listPorts, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'port', query)
      : shaped(c.listPorts, await listPorts(ctx, params.projectId, query)),
  );
  registerContract(app, deps, c.createPort, async ({ ctx, params, body, request }) =>
    accepted(request, await createPort(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getPort, async ({ ctx, params }) =>
    shaped(c.getPort, await getNetworkResource(ctx, 'port', params.id)),
  );
  registerContract(app, deps, c.deletePort, async ({ ctx, params, request }) =>
    accepted(request, await deletePort(ctx, params.id, headerKey(request))),
  );

  // Routers
  registerContract(app, deps, c.listRouters, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'router', query)
      : shaped(c.listRouters, await listProjectResources(ctx, params.projectId, 'router', query)),
  );
  registerContract(app, deps, c.createRouter, async ({ ctx, params, body, request }) =>
    accepted(request, await createRouter(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getRouter, async ({ ctx, params }) =>
    shaped(c.getRouter, await getNetworkResource(ctx, 'router', params.id)),
  );
  registerContract(app, deps, c.deleteRouter, async ({ ctx, params, request }) =>
    accepted(request, await deleteRouter(ctx, params.id, headerKey(request))),
  );
  registerContract(app, deps, c.actOnRouter, async ({ ctx, params, body, request }) =>
    accepted(request, await actOnRouter(ctx, params.id, withKey(body, request))),
  );

  // Floating IPs
  registerContract(app, deps, c.listFloatingIps, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'floating-ip', query)
      : shaped(c.listFloatingIps, await listFloatingIps(ctx, params.projectId, query)),
  );
  registerContract(app, deps, c.createFloatingIp, async ({ ctx, params, body, request }) =>
    accepted(request, await createFloatingIp(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getFloatingIp, async ({ ctx, params }) => {
    const [fip] = await withFloatingIpServers(ctx, [
      await getNetworkResource(ctx, 'floating-ip', params.id),
    ]);
    return shaped(c.getFloatingIp, fip);
  });
  registerContract(app, deps, c.deleteFloatingIp, async ({ ctx, params, request }) =>
    accepted(request, await deleteFloatingIp(ctx, params.id, headerKey(request))),
  );
  registerContract(app, deps, c.actOnFloatingIp, async ({ ctx, params, body, request }) =>
    accepted(request, await actOnFloatingIp(ctx, params.id, withKey(body, request))),
  );

  // Security groups
  registerContract(app, deps, c.listProjectSecurityGroups, async ({ ctx, params, query, reply }) =>
    query.format === 'csv'
      ? sendCsv(ctx, reply, params.projectId, 'security-group', query)
      : shaped(c.listProjectSecurityGroups, await listSecurityGroups(ctx, params.projectId, query)),
  );
  registerContract(app, deps, c.createSecurityGroup, async ({ ctx, params, body, request }) =>
    accepted(request, await createSecurityGroup(ctx, params.projectId, withKey(body, request))),
  );
  registerContract(app, deps, c.getSecurityGroup, async ({ ctx, params }) =>
    shaped(c.getSecurityGroup, await getNetworkResource(ctx, 'security-group', params.id)),
  );
  registerContract(app, deps, c.deleteSecurityGroup, async ({ ctx, params, request }) =>
    accepted(request, await deleteSecurityGroup(ctx, params.id, headerKey(request))),
  );
  registerContract(
    app,
    deps,
    { ...c.actOnSecurityGroup, body: c.securityGroupActionShape },
    async ({ ctx, params, request }) => {
      const body = withKey(parseNetworkBody(c.securityGroupActionInput, request), request);
      return accepted(request, await actOnSecurityGroup(ctx, params.id, body));
    },
  );

  // Quick start and topology
  registerContract(
    app,
    deps,
    { ...c.startNetworkQuickStart, body: c.quickStartShape },
    async ({ ctx, params, request }) => {
      const body = withKey(parseNetworkBody(c.quickStartInput, request), request);
      return accepted(request, await startQuickStart(ctx, params.projectId, body));
    },
  );
  registerContract(app, deps, c.getNetworkTopology, async ({ ctx, params, query }) =>
    getTopology(ctx, params.projectId, query.datacenterId),
  );
};
