/** Compute's door into Cinder: the volume engineer's exported verbs (src/volume/index.ts). */
import type { SimCaller, SimContext } from '../core/sim-context';
import {
  attachVolume,
  createVolume,
  deleteVolumeOnTermination,
  detachVolume,
  getVolumeForBoot,
} from '../volume';

export const attachVolumeToServer = (
  ctx: SimContext,
  input: {
    volumeId: string;
    serverId: string;
    device: string;
    projectId: string;
    host: string | null;
  },
): void => {
  attachVolume(ctx, {
    volumeId: input.volumeId,
    serverId: input.serverId,
    device: input.device,
    projectId: input.projectId,
    hostName: input.host,
  });
};

export const detachVolumeFromServer = (
  ctx: SimContext,
  input: { volumeId: string; serverId: string },
): void => detachVolume(ctx, input);

/** Refuses a boot volume that does not exist or is not available (400, Cinder's message). */
export const checkBootVolume = (ctx: SimContext, volumeId: string, projectId: string): void => {
  getVolumeForBoot(ctx, volumeId, projectId);
};

/** Block-device mapping with source image / blank and destination volume: Cinder makes it. */
export const createCinderVolume = (
  ctx: SimContext,
  caller: SimCaller,
  input: { size: number; imageRef?: string; name: string },
): string => createVolume(ctx, { caller, ...input }).id;

/** A block-device mapping with delete_on_termination: Cinder deletes the volume after the detach. */
export const deleteVolumeOfServer = (ctx: SimContext, volumeId: string): void =>
  deleteVolumeOnTermination(ctx, volumeId);
