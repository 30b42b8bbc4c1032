import { CloudError, kindOfStatus, type CloudErrorKind } from '@yunguan/cloud-core';

/** What every failed call knows about itself. */
export type CallSite = {
  service: string;
  method: string;
  url: string;
  expected: readonly number[];
  requestId?: string;
};

/** Upstream messages may carry HTML (Glance's `<br />`) and trailing blank lines. */
const clean = (message: string) =>
  message
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const messageIn = (value: unknown): string | undefined => {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ['message', 'detail', 'faultstring', 'title']) {
    const field = record[key];
    if (typeof field === 'string' && clean(field) !== '') return clean(field);
  }
  return undefined;
};

/**
 * The upstream's own words from an error body:
 * Nova / Cinder `{"itemNotFound": {"message": …}}` (any single fault key), Neutron
 * `{"NeutronError": {"message": …}}`, Keystone `{"error": {"message": …}}`, Placement
 * `{"errors": [{"detail": …}]}`, Octavia `{"faultstring": …}`, Glance's HTML / plain text.
 */
export const parseUpstreamMessage = (body: string): string | undefined => {
  const text = body.trim();
  if (text === '') return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed !== null && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const direct = messageIn(record);
      if (direct !== undefined) return direct;
      for (const value of Object.values(record)) {
        const nested = Array.isArray(value) ? messageIn(value[0]) : messageIn(value);
        if (nested !== undefined) return nested;
        if (typeof value === 'string' && clean(value) !== '') return clean(value);
      }
    }
    return undefined;
  } catch {
    // Glance (webob) answers errors as HTML or plain text: keep the words after the title.
    const plain = clean(
      text
        .replace(/<title>[^<]*<\/title>/gi, '')
        .replace(/<h1>[^<]*<\/h1>/gi, '')
        .replace(/^\d{3} [A-Za-z ]+\n/, ''),
    );
    return plain === '' ? undefined : plain.slice(0, 500);
  }
};

const kindOf = (status: number, message: string | undefined): CloudErrorKind => {
  if ((status === 403 || status === 413) && message !== undefined && /quota/i.test(message)) {
    return 'quota-exceeded';
  }
  return kindOfStatus(status);
};

/** The answer came but with the wrong status. */
export const unexpectedStatus = (site: CallSite, status: number, body: string): CloudError => {
  const upstreamMessage = parseUpstreamMessage(body);
  return new CloudError({
    kind: kindOf(status, upstreamMessage),
    provider: 'openstack',
    ...site,
    actual: status,
    body,
    upstreamMessage,
  });
};

/** No answer: the transport failed, the deadline passed or the caller cancelled. */
export const noResponse = (site: CallSite, cause: unknown, cancelled: boolean): CloudError => {
  const name = cause instanceof Error ? cause.name : '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  let upstreamMessage = cause instanceof Error ? cause.message : String(cause);
  if (cancelled) upstreamMessage = 'cancelled by the caller';
  else if (timedOut) upstreamMessage = 'no answer before the deadline';
  return new CloudError({
    kind: timedOut || cancelled ? 'timeout' : 'unavailable',
    provider: 'openstack',
    ...site,
    upstreamMessage,
    cause,
  });
};

/** The answer had the right status but not the shape we rely on. */
export const invalidResponse = (site: CallSite, status: number, body: string, detail: string) =>
  new CloudError({
    kind: 'invalid-response',
    provider: 'openstack',
    ...site,
    actual: status,
    body,
    upstreamMessage: detail,
  });
