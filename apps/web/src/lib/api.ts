import { queryOptions } from '@tanstack/react-query';
import type { BodyOf, Contract, ParamsOf, QueryOf, ResponseOf } from '@yunguan/contract';
import { buildPath, renderMessage } from '@yunguan/contract';
import { ApiError, networkError, toApiError } from './api-error';
import { readCookie } from './cookies';
import { getCurrentLang } from './preferences';

type ParamsPart<C extends Contract> = [ParamsOf<C>] extends [undefined]
  ? { params?: undefined }
  : { params: ParamsOf<C> };
type QueryPart<C extends Contract> = [QueryOf<C>] extends [undefined]
  ? { query?: undefined }
  : { query?: QueryOf<C> };
type BodyPart<C extends Contract> = [BodyOf<C>] extends [undefined]
  ? { body?: undefined }
  : { body: BodyOf<C> };

/** What a call needs: path params and body when the contract has them, an optional query. */
export type CallInput<C extends Contract> = ParamsPart<C> & QueryPart<C> & BodyPart<C>;

const CSRF_COOKIE = 'yg_csrf';
const unsafeMethods = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

const toSearch = (query: Record<string, unknown> | undefined): string => {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Same-origin URL of a contract call, e.g. for download links (CSV export). */
export const contractUrl = (
  contract: Contract,
  input: { params?: Record<string, string>; query?: Record<string, unknown> } = {},
): string => buildPath(contract.path, input.params) + toSearch(input.query);

const readPayload = async (response: Response): Promise<unknown> => {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Call one API operation and return its response, parsed by the contract's schema. */
export const callContract = async <C extends Contract>(
  contract: C,
  input: CallInput<C>,
  options: { signal?: AbortSignal } = {},
): Promise<ResponseOf<C>> => {
  const lang = getCurrentLang();
  const { params, query, body } = input as {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': lang });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (unsafeMethods.has(contract.method)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers.set('x-csrf-token', csrf);
  }

  let response: Response;
  try {
    response = await fetch(contractUrl(contract, { params, query }), {
      method: contract.method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw networkError(lang);
  }

  const payload = await readPayload(response);
  if (!response.ok) throw toApiError(response.status, payload, lang);

  const parsed = contract.response.safeParse(payload);
  if (!parsed.success) {
    console.error(`Unexpected response for ${contract.id}`, parsed.error.issues);
    throw new ApiError(response.status, {
      code: 'INTERNAL',
      message: renderMessage(lang, 'INTERNAL', undefined, {
        requestId: response.headers.get('x-request-id') ?? '-',
      }),
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
  return parsed.data as ResponseOf<C>;
};

/** TanStack Query options for a read: key = [contract id, input], data parsed by the contract. */
export const queryOptionsFor = <C extends Contract>(contract: C, input: CallInput<C>) =>
  queryOptions({
    queryKey: [contract.id, input] as const,
    queryFn: ({ signal }) => callContract(contract, input, { signal }),
  });
