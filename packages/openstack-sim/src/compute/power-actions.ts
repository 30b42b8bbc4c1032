import { novaError } from '../core/errors';
import { type Body } from './nova-http';
import { notifyInstance, POWER } from './server-service';
import { requireState, transition, type ServerActionHandlers } from './server-action-kit';

/** Power: stop, start, reboot, suspend/resume, pause/unpause. */
export const powerActions: ServerActionHandlers = {
  'os-stop': (a) => {
    requireState(a.server, 'stop', ['active', 'error']);
    transition(
      a,
      { status: a.server.status, task: 'powering-off' },
      { status: 'SHUTOFF', vmState: 'stopped', power: POWER.SHUTDOWN },
      () => notifyInstance(a.ctx, a.server, 'power_off.end'),
    );
    notifyInstance(a.ctx, a.server, 'power_off.start');
  },
  'os-start': (a) => {
    requireState(a.server, 'start', ['stopped']);
    notifyInstance(a.ctx, a.server, 'power_on.start');
    transition(
      a,
      { status: 'SHUTOFF', task: 'powering-on' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'power_on.end'),
    );
  },
  reboot: (a) => {
    const raw = (a.body.reboot as Body | undefined)?.type;
    const type = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (type !== 'SOFT' && type !== 'HARD')
      throw novaError(
        'badRequest',
        'Invalid input for field/attribute type. Value: ' + type + ". 'SOFT' or 'HARD' expected",
      );
    requireState(
      a.server,
      'reboot',
      type === 'SOFT' ? ['active'] : ['active', 'stopped', 'paused', 'suspended', 'error'],
      type === 'HARD',
    );
    notifyInstance(a.ctx, a.server, 'reboot.start');
    transition(
      a,
      type === 'SOFT'
        ? { status: 'REBOOT', task: 'rebooting' }
        : { status: 'HARD_REBOOT', task: 'rebooting_hard' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'reboot.end'),
    );
  },
  suspend: (a) => {
    requireState(a.server, 'suspend', ['active']);
    transition(
      a,
      { status: 'ACTIVE', task: 'suspending' },
      { status: 'SUSPENDED', vmState: 'suspended', power: POWER.SUSPENDED },
      () => notifyInstance(a.ctx, a.server, 'suspend.end'),
    );
  },
  resume: (a) => {
    requireState(a.server, 'resume', ['suspended']);
    transition(
      a,
      { status: 'SUSPENDED', task: 'resuming' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'resume.end'),
    );
  },
  pause: (a) => {
    requireState(a.server, 'pause', ['active']);
    transition(
      a,
      { status: 'ACTIVE', task: 'pausing' },
      { status: 'PAUSED', vmState: 'paused', power: POWER.PAUSED },
      () => notifyInstance(a.ctx, a.server, 'pause.end'),
    );
  },
  unpause: (a) => {
    requireState(a.server, 'unpause', ['paused']);
    transition(
      a,
      { status: 'PAUSED', task: 'unpausing' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => notifyInstance(a.ctx, a.server, 'unpause.end'),
    );
  },
};
