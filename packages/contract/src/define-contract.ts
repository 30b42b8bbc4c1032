import type { ErrorCode } from '@yunguan/domain';
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One API operation: the single source for routes, client calls and the OpenAPI document. */
export type Contract = {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  /** 'public' needs no session; 'user' needs a session cookie or a Bearer API token. */
  auth: 'public' | 'user';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  status: 200 | 201 | 202 | 204;
  response: z.ZodType;
  errors: readonly ErrorCode[];
  /**
   * Top-level body fields that may hold control characters (user data, key material); every
   * other string refuses them, and no string may hold NUL or lone surrogates (ADR 0114).
   */
  rawText?: readonly string[];
  /** The operation can answer text/csv when asked with ?format=csv. */
  csv?: boolean;
};

export const defineContract = <const C extends Contract>(contract: C): C => contract;

export type ParamsOf<C extends Contract> = C['params'] extends z.ZodObject
  ? z.input<C['params']>
  : undefined;
export type QueryOf<C extends Contract> = C['query'] extends z.ZodObject
  ? z.input<C['query']>
  : undefined;
export type BodyOf<C extends Contract> = C['body'] extends z.ZodType
  ? z.input<C['body']>
  : undefined;
export type ResponseOf<C extends Contract> = z.output<C['response']>;

/** Fill `:name` segments of a contract path. */
export const buildPath = (path: string, params: Record<string, string> = {}): string =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
