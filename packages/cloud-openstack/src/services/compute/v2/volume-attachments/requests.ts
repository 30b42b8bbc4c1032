import type { Call, ServiceClient } from '../../../../service-client';
import { getVolumeAttachmentResult, type VolumeAttachment } from './results';
import { volumeAttachmentsUrl, volumeAttachmentUrl } from './urls';

/** 2.79: `delete_on_termination` may be set on attach and is shown. */
export const volumeAttachmentsMicroversion = '2.79';

/**
 * Attach through Nova, as Horizon does: Nova reserves the volume in Cinder and answers; the
 * volume then moves reserved → attaching → in-use while compute connects it.
 */
export const attachVolume = async (
  compute: ServiceClient,
  call: Call,
  serverId: string,
  opts: { volumeId: string; device?: string; delete_on_termination?: boolean },
): Promise<VolumeAttachment> =>
  (
    await compute.requestJson(
      call,
      {
        method: 'POST',
        path: volumeAttachmentsUrl(serverId),
        body: { volumeAttachment: opts },
        expected: [200],
        microversion: volumeAttachmentsMicroversion,
      },
      getVolumeAttachmentResult,
    )
  ).volumeAttachment;

/** Starts the detach (202); the volume goes detaching → available. */
export const detachVolume = async (
  compute: ServiceClient,
  call: Call,
  serverId: string,
  volumeId: string,
) => {
  await compute.request(call, {
    method: 'DELETE',
    path: volumeAttachmentUrl(serverId, volumeId),
    expected: [202],
    microversion: volumeAttachmentsMicroversion,
  });
};
