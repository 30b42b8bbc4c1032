import type { FastifyRequest } from 'fastify';
import { novaError } from '../core/errors';
import { firstOf, int, query } from './nova-http';

/** Nova's limit / marker paging with a `next` link when the page is full. */
export const paginate = <T>(
  request: FastifyRequest,
  items: T[],
  idOf: (item: T) => string,
  nextHref: (marker: string) => string,
  notFound: (marker: string) => string,
): { page: T[]; links: { rel: 'next'; href: string }[] } => {
  const q = query(request);
  const marker = firstOf(q.marker);
  const rawLimit = firstOf(q.limit);
  let start = 0;
  if (marker !== undefined) {
    const index = items.findIndex((item) => idOf(item) === marker);
    if (index < 0) throw novaError('badRequest', notFound(marker));
    start = index + 1;
  }
  const limit = rawLimit === undefined ? 1000 : Math.min(int(rawLimit, 'limit'), 1000);
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  const links =
    last !== undefined && page.length === limit && start + limit < items.length
      ? [{ rel: 'next' as const, href: nextHref(idOf(last)) }]
      : [];
  return { page, links };
};

/** The request's URL with `marker` replaced, for next links. */
export const nextLink = (baseUrl: string, request: FastifyRequest) => (marker: string) => {
  const url = new URL(request.url, baseUrl);
  url.searchParams.set('marker', marker);
  return url.toString();
};
