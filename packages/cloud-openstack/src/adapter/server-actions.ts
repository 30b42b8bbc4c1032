import type { ServerAction, ServerStatus } from '@yunguan/cloud-core';
import type { ServerActionBody } from '../services/compute/v2/servers/requests';

/** Statuses a server rests in; lock/unlock settle in any of them (judged by `locked`). */
export const restingStatuses: ServerStatus[] = [
  'active',
  'stopped',
  'paused',
  'suspended',
  'shelved',
  'verify-resize',
];

/** The Nova action body of each ServerAction and the statuses that mean it is done. */
export const novaAction = (
  action: ServerAction,
): { body: ServerActionBody; settlesOn: ServerStatus[] } => {
  switch (action.type) {
    case 'start':
      return { body: { 'os-start': null }, settlesOn: ['active'] };
    case 'stop':
      return { body: { 'os-stop': null }, settlesOn: ['stopped'] };
    case 'reboot':
      return { body: { reboot: { type: action.hard ? 'HARD' : 'SOFT' } }, settlesOn: ['active'] };
    case 'resize':
      return {
        body: { resize: { flavorRef: action.flavorExternalId } },
        settlesOn: ['verify-resize'],
      };
    case 'confirm-resize':
      return { body: { confirmResize: null }, settlesOn: ['active', 'stopped'] };
    case 'revert-resize':
      return { body: { revertResize: null }, settlesOn: ['active', 'stopped'] };
    case 'rebuild':
      return { body: { rebuild: { imageRef: action.imageExternalId } }, settlesOn: ['active'] };
    case 'snapshot':
      return {
        body: { createImage: { name: action.imageName } },
        settlesOn: ['active', 'stopped', 'paused', 'suspended'],
      };
    case 'lock':
      return { body: { lock: null }, settlesOn: restingStatuses };
    case 'unlock':
      return { body: { unlock: null }, settlesOn: restingStatuses };
    case 'suspend':
      return { body: { suspend: null }, settlesOn: ['suspended'] };
    case 'resume':
      return { body: { resume: null }, settlesOn: ['active'] };
    case 'pause':
      return { body: { pause: null }, settlesOn: ['paused'] };
    case 'unpause':
      return { body: { unpause: null }, settlesOn: ['active'] };
    case 'migrate':
      return {
        body: { migrate: action.host === undefined ? null : { host: action.host } },
        settlesOn: ['verify-resize'],
      };
    case 'live-migrate':
      return {
        body: { 'os-migrateLive': { host: action.host ?? null, block_migration: 'auto' } },
        settlesOn: ['active', 'paused'],
      };
  }
};

/** Nova's instance-action name for each of ours (os-instance-actions), to find failures. */
export const novaActionName: Record<ServerAction['type'], string> = {
  start: 'start',
  stop: 'stop',
  reboot: 'reboot',
  resize: 'resize',
  'confirm-resize': 'confirmResize',
  'revert-resize': 'revertResize',
  rebuild: 'rebuild',
  snapshot: 'createImage',
  lock: 'lock',
  unlock: 'unlock',
  suspend: 'suspend',
  resume: 'resume',
  pause: 'pause',
  unpause: 'unpause',
  migrate: 'migrate',
  'live-migrate': 'live-migration',
};
