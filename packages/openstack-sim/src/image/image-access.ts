import { glanceError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { type Image, imageStateOf, membershipOf } from './image-state';

/**
 * Glance's is_image_visible: public and community images are for everyone, others for the owner,
 * and a shared image also for each member project whatever its member status.
 */
export const canSee = (ctx: SimContext, caller: SimCaller, image: Image) =>
  caller.isAdmin ||
  image.visibility === 'public' ||
  image.visibility === 'community' ||
  image.owner === caller.projectId ||
  (image.visibility === 'shared' &&
    membershipOf(ctx.store.state, image.id, caller.projectId) !== undefined);

export const canModify = (caller: SimCaller, image: Image) =>
  caller.isAdmin || image.owner === caller.projectId;

/** The image the caller may see, or Glance's 404 (never a 403 that leaks existence). */
export const findImage = (ctx: SimContext, caller: SimCaller, id: string): Image => {
  const image = imageStateOf(ctx.store.state).images[id];
  if (image === undefined || !canSee(ctx, caller, image)) {
    throw glanceError(404, `No image found with ID ${id}`);
  }
  return image;
};

export const findOwnImage = (ctx: SimContext, caller: SimCaller, id: string): Image => {
  const image = findImage(ctx, caller, id);
  if (!canModify(caller, image)) {
    throw glanceError(403, `You are not permitted to modify image ${id}.`);
  }
  return image;
};
