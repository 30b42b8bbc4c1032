import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimCaller, SimContext } from '../core/sim-context';
import { bodyOf, ironicError } from './ironic-http';
import { baremetalSlice, findNode, newNode } from './node-state';
import { linksOf, nodeDetail, nodeView } from './node-views';

type Id = { Params: { id: string } };

export const requireAdmin = (caller: SimCaller) => {
  if (!caller.isAdmin) throw ironicError(403, 'Access was denied to this resource.');
};

const fieldsOf = (request: FastifyRequest): string[] | null => {
  const raw = (request.query as Record<string, string | undefined>).fields;
  return raw ? raw.split(',').map((f) => f.trim()) : null;
};

const listNodes = (ctx: SimContext, request: FastifyRequest, detail: boolean) => {
  ctx.caller(request);
  const q = request.query as Record<string, string | undefined>;
  let nodes = Object.values(baremetalSlice(ctx).nodes).sort((a, b) =>
    a.created_at === b.created_at
      ? a.uuid.localeCompare(b.uuid)
      : a.created_at.localeCompare(b.created_at),
  );
  if (q.provision_state) nodes = nodes.filter((n) => n.provision_state === q.provision_state);
  if (q.maintenance !== undefined)
    nodes = nodes.filter((n) => String(n.maintenance) === q.maintenance?.toLowerCase());
  if (q.driver) nodes = nodes.filter((n) => n.driver === q.driver);
  if (q.associated !== undefined)
    nodes = nodes.filter((n) => (n.instance_uuid !== null) === (q.associated === 'true'));
  const fields = fieldsOf(request);
  return { nodes: nodes.map((n) => nodeView(request, n, detail, fields)) };
};

const drivers = ['fake-hardware', 'ipmi', 'redfish'];

/** Nodes (list, detail, show, enroll, delete) and drivers. */
export const registerNodeRoutes = (v1: FastifyInstance, ctx: SimContext) => {
  v1.get('/nodes', (request) => listNodes(ctx, request, false));
  v1.get('/nodes/detail', (request) => listNodes(ctx, request, true));
  v1.get<Id>('/nodes/:id', (request) => {
    ctx.caller(request);
    const node = findNode(ctx, request.params.id);
    const fields = fieldsOf(request);
    return fields ? nodeView(request, node, true, fields) : nodeDetail(request, node);
  });
  v1.post('/nodes', (request, reply) => {
    requireAdmin(ctx.caller(request));
    const body = bodyOf(request);
    const driver = typeof body.driver === 'string' ? body.driver : '';
    if (!drivers.includes(driver))
      throw ironicError(
        400,
        `Could not find the following driver(s) or hardware type(s): ${driver || 'None'}.`,
      );
    const name = typeof body.name === 'string' ? body.name : null;
    if (name && Object.values(baremetalSlice(ctx).nodes).some((n) => n.name === name))
      throw ironicError(409, `A node with name ${name} already exists.`);
    const node = newNode(ctx, {
      name,
      driver,
      properties: body.properties ?? {},
    });
    if (typeof body.resource_class === 'string') node.resource_class = body.resource_class;
    baremetalSlice(ctx).nodes[node.uuid] = node;
    ctx.store.changed();
    return reply
      .code(201)
      .header('location', linksOf(request, `nodes/${node.uuid}`)[0]?.href ?? '')
      .send(nodeDetail(request, node));
  });
  v1.delete<Id>('/nodes/:id', (request, reply) => {
    requireAdmin(ctx.caller(request));
    const node = findNode(ctx, request.params.id);
    if (node.instance_uuid)
      throw ironicError(
        409,
        `Node ${node.uuid} is associated with instance ${node.instance_uuid}.`,
      );
    if (!['enroll', 'manageable', 'available'].includes(node.provision_state) && !node.maintenance)
      throw ironicError(
        400,
        `Can not delete node "${node.uuid}" while it is in provision state "${node.provision_state}". Valid provision states to perform deletion are: "available", "enroll", "manageable"`,
      );
    delete baremetalSlice(ctx).nodes[node.uuid];
    ctx.store.changed();
    return reply.code(204).send();
  });
  v1.get('/drivers', (request) => {
    ctx.caller(request);
    return {
      drivers: drivers.map((name) => ({
        name,
        hosts: ['sim-conductor'],
        type: 'dynamic',
        links: linksOf(request, `drivers/${name}`),
        properties: linksOf(request, `drivers/${name}/properties`),
      })),
    };
  });
};
