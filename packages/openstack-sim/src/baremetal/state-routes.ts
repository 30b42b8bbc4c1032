import type { FastifyInstance } from 'fastify';
import type { SimContext } from '../core/sim-context';
import { bodyOf, ironicError } from './ironic-http';
import { type BaremetalNode, findNode, touch } from './node-state';
import { requireAdmin } from './node-routes';
import { linksOf, statesOf } from './node-views';

type Id = { Params: { id: string } };

const busy = (n: BaremetalNode) =>
  ironicError(
    409,
    `Node ${n.uuid} is locked by host sim-conductor, please retry after the current operation is completed.`,
  );
const invalid = (n: BaremetalNode, target: string) =>
  ironicError(
    400,
    `The requested action "${target}" can not be performed on node "${n.uuid}" while it is in state "${n.provision_state}".`,
  );

/**
 * One provision action: the state it starts from, the transient states it passes through (one
 * delay each), and where it ends. Actions with no steps happen at once.
 */
type Plan = { from: string[]; steps: string[]; end: string; power?: 'power on' | 'power off' };
const plans: Record<string, Plan> = {
  manage: { from: ['enroll'], steps: ['verifying'], end: 'manageable', power: 'power off' },
  provide: { from: ['manageable'], steps: ['cleaning'], end: 'available', power: 'power off' },
  deploy: {
    from: ['available'],
    steps: ['deploying', 'wait call-back'],
    end: 'active',
    power: 'power on',
  },
  rebuild: { from: ['active'], steps: ['deploying'], end: 'active', power: 'power on' },
  deleted: {
    from: ['active', 'deploy failed'],
    steps: ['deleting', 'cleaning'],
    end: 'available',
    power: 'power off',
  },
  clean: { from: ['manageable'], steps: ['cleaning'], end: 'manageable' },
  inspect: { from: ['manageable'], steps: ['inspecting'], end: 'manageable' },
};
const aliases: Record<string, string> = { active: 'deploy', undeploy: 'deleted' };
const needsHealthyNode = ['deploy', 'rebuild', 'provide', 'clean', 'inspect'];

const startProvision = (
  ctx: SimContext,
  n: BaremetalNode,
  target: string,
  body: Record<string, unknown>,
) => {
  const action = aliases[target] ?? target;
  // available → manageable needs no conductor work.
  if (action === 'manage' && n.provision_state === 'available') {
    n.provision_state = 'manageable';
    n.provision_updated_at = ctx.now().toISOString();
    return touch(ctx, n);
  }
  const plan = plans[action];
  if (!plan)
    throw ironicError(400, `Invalid input for field/attribute target. Value: '${target}'.`);
  if (!plan.from.includes(n.provision_state)) throw invalid(n, target);
  if (n.maintenance && needsHealthyNode.includes(action))
    throw ironicError(
      400,
      `The requested action "${target}" can not be performed on node "${n.uuid}" while it is in maintenance mode.`,
    );
  if (action === 'clean' && !Array.isArray(body.clean_steps))
    throw ironicError(400, 'clean_steps is required when setting target provision state to clean');
  n.last_error = null;
  n.target_provision_state = plan.end;
  const advance = (i: number) => {
    if (i < plan.steps.length) {
      n.provision_state = plan.steps[i] ?? plan.end;
      n.provision_updated_at = ctx.now().toISOString();
      touch(ctx, n);
      ctx.later(ctx.delays.actionMs, () => advance(i + 1));
      return;
    }
    n.provision_state = plan.end;
    n.target_provision_state = null;
    if (plan.power) n.power_state = plan.power;
    n.provision_updated_at = ctx.now().toISOString();
    touch(ctx, n);
    ctx.notify({
      event_type: `baremetal.node.provision_set.end`,
      publisher_id: 'ironic-conductor.sim-conductor',
      payload: { uuid: n.uuid, provision_state: n.provision_state, event: action },
    });
  };
  advance(0);
};

const powerTargets: Record<string, 'power on' | 'power off'> = {
  'power on': 'power on',
  'power off': 'power off',
  'soft power off': 'power off',
  rebooting: 'power on',
  'soft rebooting': 'power on',
};

/** States (power, provision), maintenance. Answers 202 with a Location like Ironic. */
export const registerStateRoutes = (v1: FastifyInstance, ctx: SimContext) => {
  v1.get<Id>('/nodes/:id/states', (request) => {
    ctx.caller(request);
    return statesOf(findNode(ctx, request.params.id));
  });
  v1.put<Id>('/nodes/:id/states/power', (request, reply) => {
    requireAdmin(ctx.caller(request));
    const n = findNode(ctx, request.params.id);
    const target = bodyOf(request).target;
    const end = typeof target === 'string' ? powerTargets[target] : undefined;
    if (!end)
      throw ironicError(
        400,
        `Invalid input for field/attribute target. Value: '${String(target)}'.`,
      );
    if (n.target_power_state || n.target_provision_state) throw busy(n);
    n.target_power_state = target as string;
    touch(ctx, n);
    ctx.later(ctx.delays.actionMs, () => {
      n.power_state = end;
      n.target_power_state = null;
      touch(ctx, n);
      ctx.notify({
        event_type: 'baremetal.node.power_set.end',
        publisher_id: 'ironic-conductor.sim-conductor',
        payload: { uuid: n.uuid, power_state: end },
      });
    });
    return reply
      .code(202)
      .header('location', linksOf(request, `nodes/${n.uuid}/states`)[0]?.href ?? '')
      .send();
  });
  v1.put<Id>('/nodes/:id/states/provision', (request, reply) => {
    requireAdmin(ctx.caller(request));
    const n = findNode(ctx, request.params.id);
    const body = bodyOf(request);
    const target = typeof body.target === 'string' ? body.target : '';
    if (n.target_power_state || n.target_provision_state) throw busy(n);
    startProvision(ctx, n, target, body);
    return reply
      .code(202)
      .header('location', linksOf(request, `nodes/${n.uuid}/states`)[0]?.href ?? '')
      .send();
  });
  v1.put<Id>('/nodes/:id/maintenance', (request, reply) => {
    requireAdmin(ctx.caller(request));
    const n = findNode(ctx, request.params.id);
    const reason = bodyOf(request).reason;
    n.maintenance = true;
    n.maintenance_reason = typeof reason === 'string' ? reason : null;
    touch(ctx, n);
    return reply.code(202).send();
  });
  v1.delete<Id>('/nodes/:id/maintenance', (request, reply) => {
    requireAdmin(ctx.caller(request));
    const n = findNode(ctx, request.params.id);
    n.maintenance = false;
    n.maintenance_reason = null;
    touch(ctx, n);
    return reply.code(202).send();
  });
};
