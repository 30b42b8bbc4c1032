import type { FastifyInstance } from 'fastify';
import { glanceError } from '../core/errors';
import type { SimCaller, SimContext } from '../core/sim-context';
import { type Image, imageStateOf, membershipOf, renderImage, visibilities } from './image-state';

type Query = Record<string, string | undefined>;

const byKey = (key: string) => (a: Image, b: Image) => {
  const x = (a as Record<string, unknown>)[key] ?? a.properties[key] ?? '';
  const y = (b as Record<string, unknown>)[key] ?? b.properties[key] ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

const memberStatusFilters = ['pending', 'accepted', 'rejected', 'all'];

/** Glance's sortable keys (sort_key / sort=key:dir). */
const sortKeys = [
  'name',
  'status',
  'container_format',
  'disk_format',
  'size',
  'id',
  'created_at',
  'updated_at',
  'min_disk',
  'min_ram',
  'owner',
  'visibility',
  'protected',
];

/** `sort=k1:asc,k2` or `sort_key=k&sort_dir=d` (default created_at desc), validated as Glance does. */
const sortsOf = (q: Query): { key: string; dir: string }[] => {
  const pairs =
    q.sort !== undefined
      ? q.sort.split(',').map((p) => {
          const [key = '', dir = 'desc'] = p.trim().split(':');
          return { key, dir };
        })
      : [{ key: q.sort_key ?? 'created_at', dir: q.sort_dir ?? 'desc' }];
  for (const { key, dir } of pairs) {
    if (!sortKeys.includes(key))
      throw glanceError(
        400,
        `Invalid sort key: ${key}. It must be one of the following: ${sortKeys.join(', ')}.`,
      );
    if (dir !== 'asc' && dir !== 'desc') throw glanceError(400, `Invalid sort direction: ${dir}`);
  }
  return pairs;
};

const sizeParam = (raw: string | undefined, name: string): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw glanceError(400, `${name} filter must be an integer`);
  return Number(raw);
};

/**
 * Glance's image_get_all for a regular user: public and community images, the project's own, and
 * shared images the project is a member of with `member_status` (default accepted; `all`).
 */
const listable = (ctx: SimContext, caller: SimCaller, image: Image, memberStatus: string) => {
  if (caller.isAdmin || image.owner === caller.projectId) return true;
  if (image.visibility === 'public' || image.visibility === 'community') return true;
  if (image.visibility !== 'shared') return false;
  const member = membershipOf(ctx.store.state, image.id, caller.projectId);
  return member !== undefined && (memberStatus === 'all' || member.status === memberStatus);
};

/** `GET /v2/images`: filters, sort_key/sort_dir, limit/marker with a `next` link. */
export const registerImageListRoute = (app: FastifyInstance, ctx: SimContext) => {
  app.get('/image/v2/images', (request) => {
    const caller = ctx.caller(request);
    const q = request.query as Query;
    const memberStatus = q.member_status ?? 'accepted';
    if (!memberStatusFilters.includes(memberStatus)) {
      throw glanceError(400, `Invalid status: ${memberStatus}`);
    }
    if (
      q.visibility !== undefined &&
      q.visibility !== 'all' &&
      !visibilities.includes(q.visibility as Image['visibility'])
    ) {
      throw glanceError(400, `Invalid visibility value: ${q.visibility}`);
    }
    const limit = Math.min(Number(q.limit ?? 25) || 25, 1000);
    const sorts = sortsOf(q);
    const sizeMin = sizeParam(q.size_min, 'size_min');
    const sizeMax = sizeParam(q.size_max, 'size_max');
    let items = Object.values(imageStateOf(ctx.store.state).images)
      .filter((i) => listable(ctx, caller, i, memberStatus))
      .filter((i) =>
        q.visibility === undefined
          ? i.visibility !== 'community' || i.owner === caller.projectId
          : q.visibility === 'all' || i.visibility === q.visibility,
      )
      .filter((i) => q.name === undefined || i.name === q.name)
      .filter((i) => q.status === undefined || i.status === q.status)
      .filter((i) => q.owner === undefined || i.owner === q.owner)
      .filter((i) => q.disk_format === undefined || i.disk_format === q.disk_format)
      .filter((i) => q.container_format === undefined || i.container_format === q.container_format)
      .filter((i) => q.protected === undefined || String(i.protected) === q.protected)
      .filter((i) => q.tag === undefined || i.tags.includes(q.tag))
      .filter((i) => q.os_hidden === 'true' || !i.os_hidden)
      .filter((i) => sizeMin === undefined || (i.size ?? -1) >= sizeMin)
      .filter((i) => sizeMax === undefined || (i.size !== null && i.size <= sizeMax))
      .sort((a, b) => {
        for (const { key, dir } of sorts) {
          const order = byKey(key)(a, b);
          if (order !== 0) return dir === 'asc' ? order : -order;
        }
        return -byKey('id')(a, b);
      });
    if (q.marker !== undefined) {
      const at = items.findIndex((i) => i.id === q.marker);
      if (at === -1) throw glanceError(400, `marker [${q.marker}] not found`);
      items = items.slice(at + 1);
    }
    const page = items.slice(0, limit);
    const last = page.at(-1);
    const params = new URLSearchParams(
      Object.entries(q).filter(
        (e): e is [string, string] => e[1] !== undefined && e[0] !== 'marker',
      ),
    );
    return {
      images: page.map(renderImage),
      first: '/v2/images',
      schema: '/v2/schemas/images',
      ...(items.length > limit &&
        last && {
          next: `/v2/images?${params.toString() ? `${params.toString()}&` : ''}marker=${last.id}`,
        }),
    };
  });
};
