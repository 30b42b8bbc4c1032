import type { FastifyInstance } from 'fastify';
import { glanceError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { findImage } from './image-access';
import {
  type Image,
  type ImageMember,
  glanceTime,
  imageStateOf,
  memberStatuses,
} from './image-state';
import { idTable } from '../core/id-table';

type ImageParams = { id: string };
type MemberParams = { id: string; memberId: string };

const renderMember = (member: ImageMember) => ({ ...member, schema: '/v2/schemas/member' });

const bodyObject = (body: unknown): Record<string, unknown> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw glanceError(400, 'Body expected in request.');
  }
  return body as Record<string, unknown>;
};

/** Glance's _check_visibility_and_ownership, with each verb's own 403 wording. */
const checkShared = (image: Image, message: string) => {
  if (image.visibility !== 'shared') throw glanceError(403, message);
};

/**
 * Glance v2 image members: only the owner adds and removes members, only the member project
 * changes its own status (pending → accepted/rejected), and only shared images have members. A
 * member project sees its own membership; anyone else gets Glance's 404.
 */
export const registerImageMemberRoutes = (app: FastifyInstance, ctx: SimContext) => {
  const membersOf = (imageId: string) => {
    const all = imageStateOf(ctx.store.state).members;
    all[imageId] ??= idTable();
    return all[imageId];
  };
  const isOwner = (caller: SimCaller, image: Image) =>
    caller.isAdmin || image.owner === caller.projectId;
  const lookupMember = (caller: SimCaller, image: Image, memberId: string): ImageMember => {
    const member = membersOf(image.id)[memberId];
    if (member === undefined || (!isOwner(caller, image) && memberId !== caller.projectId)) {
      throw glanceError(404, `${memberId} not found in the member list of the image ${image.id}.`);
    }
    return member;
  };
  const notify = (event: string, member: ImageMember) =>
    ctx.notify({
      event_type: `image.member.${event}`,
      publisher_id: 'image.localhost',
      payload: { ...member, deleted: event === 'delete' },
    });

  app.post<{ Params: ImageParams }>('/image/v2/images/:id/members', (request) => {
    const caller = ctx.caller(request);
    const image = findImage(ctx, caller, request.params.id);
    const forbidden = `Not allowed to create members for image ${image.id}.`;
    checkShared(image, forbidden);
    if (!isOwner(caller, image)) throw glanceError(403, forbidden);
    const body = bodyObject(request.body);
    if (!('member' in body)) throw glanceError(400, 'Member to be added not specified');
    if (body.member === '' || body.member === null) {
      throw glanceError(400, "Member can't be empty");
    }
    if (typeof body.member !== 'string') {
      throw glanceError(400, 'Expected a member in the form: {"member": "image_id"}');
    }
    const members = membersOf(image.id);
    if (members[body.member] !== undefined) {
      throw glanceError(409, `Member ${body.member} is duplicated for image ${image.id}`);
    }
    const now = glanceTime(ctx.now());
    const member: ImageMember = {
      member_id: body.member,
      image_id: image.id,
      status: 'pending',
      created_at: now,
      updated_at: now,
    };
    members[member.member_id] = member;
    ctx.store.changed();
    notify('create', member);
    return renderMember(member);
  });

  app.get<{ Params: ImageParams }>('/image/v2/images/:id/members', (request) => {
    const caller = ctx.caller(request);
    const image = findImage(ctx, caller, request.params.id);
    checkShared(
      image,
      `Not allowed to list members for image ${image.id}: Only shared images have members.`,
    );
    const members = Object.values(membersOf(image.id))
      .filter((m) => isOwner(caller, image) || m.member_id === caller.projectId)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
    return { members: members.map(renderMember), schema: '/v2/schemas/members' };
  });

  app.get<{ Params: MemberParams }>('/image/v2/images/:id/members/:memberId', (request) => {
    const caller = ctx.caller(request);
    const image = findImage(ctx, caller, request.params.id);
    if (image.visibility !== 'shared') throw glanceError(404, 'Only shared images have members.');
    return renderMember(lookupMember(caller, image, request.params.memberId));
  });

  app.put<{ Params: MemberParams }>('/image/v2/images/:id/members/:memberId', (request) => {
    const caller = ctx.caller(request);
    const body = bodyObject(request.body);
    if (!('status' in body)) throw glanceError(400, 'Status not specified');
    const image = findImage(ctx, caller, request.params.id);
    const forbidden = `Not allowed to update members for image ${image.id}.`;
    checkShared(image, forbidden);
    if (!caller.isAdmin && image.owner === caller.projectId) throw glanceError(403, forbidden);
    const member = lookupMember(caller, image, request.params.memberId);
    if (!memberStatuses.includes(body.status as ImageMember['status'])) {
      throw glanceError(
        400,
        'Incorrect request: Status must be "pending", "accepted" or "rejected".',
      );
    }
    member.status = body.status as ImageMember['status'];
    member.updated_at = glanceTime(ctx.now());
    ctx.store.changed();
    notify('update', member);
    return renderMember(member);
  });

  app.delete<{ Params: MemberParams }>(
    '/image/v2/images/:id/members/:memberId',
    (request, reply) => {
      const caller = ctx.caller(request);
      const image = findImage(ctx, caller, request.params.id);
      const forbidden = `Not allowed to delete members for image ${image.id}.`;
      checkShared(image, forbidden);
      if (!isOwner(caller, image)) throw glanceError(403, forbidden);
      const member = lookupMember(caller, image, request.params.memberId);
      delete membersOf(image.id)[member.member_id];
      ctx.store.changed();
      notify('delete', member);
      return reply.code(204).send();
    },
  );
};
