import type { SimContext } from '../core/sim-context';
import type { Server } from './compute-state';
import { finishDelete } from './servers-routes';
import { finishAction, liveServers, notifyInstance, POWER, setState } from './server-service';

type Final = { status: string; vmState: string; power: number };

const running: Final = { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING };

/** Where each task state would have ended had its timer not been lost. */
const finals: Record<string, (s: Server) => Final> = {
  scheduling: () => running,
  networking: () => running,
  spawning: () => running,
  'powering-off': () => ({ status: 'SHUTOFF', vmState: 'stopped', power: POWER.SHUTDOWN }),
  'powering-on': () => running,
  rebooting: () => running,
  rebooting_hard: () => running,
  rebuilding: () => running,
  resuming: () => running,
  unpausing: () => running,
  suspending: () => ({ status: 'SUSPENDED', vmState: 'suspended', power: POWER.SUSPENDED }),
  pausing: () => ({ status: 'PAUSED', vmState: 'paused', power: POWER.PAUSED }),
  resize_prep: (s) => ({ status: 'VERIFY_RESIZE', vmState: 'resized', power: s.powerState }),
  resize_migrating: (s) => ({ status: 'VERIFY_RESIZE', vmState: 'resized', power: s.powerState }),
};

/**
 * After a restart the timers of in-flight transitions are gone (Nova's init_host has the same
 * problem and resolves it the same way): finish every interrupted task once, shortly after start.
 */
export const recoverInterrupted = (ctx: SimContext) => {
  for (const s of liveServers(ctx)) {
    const task = s.taskState;
    if (task === null && s.status !== 'MIGRATING') continue;
    ctx.later(0, () => {
      if (s.deleted || s.taskState !== task) return;
      if (task === 'deleting') return finishDelete(ctx, s);
      if (task === 'resize_reverting') {
        if (s.oldFlavor) s.flavor = s.oldFlavor;
        if (s.previousHost) s.host = s.previousHost;
        s.oldFlavor = null;
        s.previousHost = null;
      }
      const final = task ? finals[task]?.(s) : undefined;
      if (final && !(task === 'spawning' && !s.host)) {
        if (s.vmState === 'building') s.launchedAt = ctx.now().toISOString();
        setState(ctx, s, final.status, final.vmState, null, final.power);
      } else {
        // image_snapshot, migrating, resize_reverting, …: back to the state the vm_state says.
        const status =
          {
            active: 'ACTIVE',
            stopped: 'SHUTOFF',
            paused: 'PAUSED',
            suspended: 'SUSPENDED',
            resized: 'VERIFY_RESIZE',
            error: 'ERROR',
          }[s.vmState] ?? 'ERROR';
        setState(ctx, s, status, status === 'ERROR' ? 'error' : s.vmState, null);
      }
      finishAction(ctx, s, 'Success');
      notifyInstance(ctx, s, 'update', { recovered_task_state: task });
    });
  }
};
