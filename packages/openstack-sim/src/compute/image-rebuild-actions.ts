import { checkBootImage, recordSnapshotImage } from './image-adapter';
import { atLeast, str, type Body } from './nova-http';
import { notifyInstance, POWER } from './server-service';
import { serverDetail } from './server-view';
import { requireState, transition, type ServerActionHandlers } from './server-action-kit';

/** Rebuild from an image and snapshot to an image (createImage). */
export const imageRebuildActions: ServerActionHandlers = {
  rebuild: (a) => {
    const s = a.server;
    requireState(s, 'rebuild', ['active', 'stopped', 'error']);
    const input = a.body.rebuild as Body | undefined;
    const image = (str(input?.imageRef, 'imageRef') ?? '').split('/').pop() ?? '';
    checkBootImage(a.ctx, image, s.flavor);
    const name = str(input?.name, 'name', false);
    if (name) s.name = name;
    if (input?.metadata) s.metadata = input.metadata as Record<string, string>;
    s.imageRef = image;
    s.fault = null;
    notifyInstance(a.ctx, s, 'rebuild.start');
    transition(
      a,
      { status: 'REBUILD', task: 'rebuilding' },
      { status: 'ACTIVE', vmState: 'active', power: POWER.RUNNING },
      () => {
        // Nova's _update_instance_after_spawn: a rebuilt server is launched anew.
        s.launchedAt = a.ctx.now().toISOString();
        notifyInstance(a.ctx, s, 'rebuild.end');
      },
    );
    return {
      code: 202,
      body: {
        server: {
          ...serverDetail(a.ctx, a.request, a.caller, s, 'rebuild'),
          adminPass: s.adminPass,
        },
      },
    };
  },
  createImage: (a) => {
    const s = a.server;
    requireState(s, 'createImage', ['active', 'stopped', 'paused', 'suspended']);
    const input = a.body.createImage as Body | undefined;
    const name = str(input?.name, 'name') ?? '';
    const imageId = recordSnapshotImage(a.ctx, {
      name,
      server: s,
      ownerProjectId: a.caller.projectId,
      metadata: (input?.metadata ?? {}) as Record<string, string>,
    });
    notifyInstance(a.ctx, s, 'snapshot.start');
    transition(
      a,
      { status: s.status, task: 'image_snapshot' },
      { status: s.status, vmState: s.vmState, power: s.powerState },
      () => notifyInstance(a.ctx, s, 'snapshot.end', { image_id: imageId }),
    );
    const location = `/image/v2/images/${imageId}`;
    void a.reply.header('location', location);
    return { code: 202, body: atLeast(a.request, 45) ? { image_id: imageId } : undefined };
  },
};
