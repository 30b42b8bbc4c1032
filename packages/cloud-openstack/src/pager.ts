import { z } from 'zod';
import { parseBody, type Call, type ServiceClient } from './service-client';

export type ListRequest<T extends z.ZodType> = {
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  microversion?: string;
  /** The array's key in the body: `servers`, `networks`, `images`, `projects`… */
  key: string;
  item: T;
  /** `limit` sent with each page; omit for APIs without paging (Keystone). */
  pageSize?: number;
};

const linkList = z.array(z.looseObject({ rel: z.string(), href: z.string() }));

/**
 * Where the next page is, in whichever way the service says it: Nova / Neutron
 * `<key>_links: [{rel: next}]`, Keystone `links: {next}`, Glance `next: "/v2/images?marker=…"`.
 */
export const nextLinkOf = (body: Record<string, unknown>, key: string): string | null => {
  for (const candidate of [body[`${key}_links`], body.links]) {
    const list = linkList.safeParse(candidate);
    if (list.success) {
      const next = list.data.find((l) => l.rel === 'next');
      if (next !== undefined) return next.href;
    }
  }
  const links = body.links;
  if (links !== null && typeof links === 'object' && !Array.isArray(links)) {
    const next = (links as Record<string, unknown>).next;
    if (typeof next === 'string' && next !== '') return next;
  }
  return typeof body.next === 'string' && body.next !== '' ? body.next : null;
};

/**
 * The query of a next link. We re-issue our own path with it rather than following the href:
 * hosts in links are the cloud's internal ones, which the tunnel does not rewrite.
 */
const paramsOf = (href: string): Record<string, string> => {
  const url = new URL(href, 'http://next.invalid/');
  return Object.fromEntries(url.searchParams.entries());
};

const maxPages = 1_000;

/** The one pager: every page of a list, following limit/marker next links. */
export const listAll = async <T extends z.ZodType>(
  service: ServiceClient,
  call: Call,
  req: ListRequest<T>,
): Promise<z.infer<T>[]> => {
  const pageSchema = z.looseObject({ [req.key]: z.array(req.item) });
  const items: z.infer<T>[] = [];
  let next: Record<string, string> = {};
  const seen = new Set<string>();
  for (let page = 0; page < maxPages; page += 1) {
    const query = {
      ...req.query,
      ...(req.pageSize === undefined ? {} : { limit: req.pageSize }),
      ...next,
    };
    const response = await service.request(call, {
      method: 'GET',
      path: req.path,
      query,
      microversion: req.microversion,
      expected: [200],
    });
    const body = parseBody(response, pageSchema) as Record<string, unknown>;
    const pageItems = body[req.key] as z.infer<T>[];
    items.push(...pageItems);
    const href = nextLinkOf(body, req.key);
    if (href === null || pageItems.length === 0) return items;
    next = paramsOf(href);
    const fingerprint = JSON.stringify(next);
    if (seen.has(fingerprint)) return items;
    seen.add(fingerprint);
  }
  return items;
};
