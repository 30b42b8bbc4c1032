import type { Contract, ResponseOf } from '@yunguan/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RequestContext, ServiceContext } from '../services/context';
import type { AppDeps } from './deps';
import { localeOf } from './locale';
import { authenticate, requestContextOf } from './request-context';
import { parseInput } from './validate';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export type HandlerArgs<C extends Contract> = {
  ctx: C['auth'] extends 'user' ? ServiceContext : RequestContext;
  params: Parsed<C['params']>;
  query: Parsed<C['query']>;
  body: Parsed<C['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
};

/** Sentinel a handler returns when it has already sent the reply (CSV streams). */
export const SENT = Symbol('sent');

/**
 * Register one contract as a Fastify route: the contract's zod schemas validate input (messages
 * in the caller's language) and output, and feed the OpenAPI document.
 */
export const registerContract = <C extends Contract>(
  app: FastifyInstance,
  deps: AppDeps,
  contract: C,
  handler: (args: HandlerArgs<C>) => Promise<ResponseOf<C> | typeof SENT>,
): void => {
  app.route({
    method: contract.method,
    url: contract.path,
    config: { contractId: contract.id, rawText: contract.rawText ?? [] },
    schema: {
      operationId: contract.id,
      summary: contract.summary,
      tags: [contract.tag],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { [contract.status]: contract.response },
      ...(contract.auth === 'user' ? { security: [{ session: [] }, { bearer: [] }] } : {}),
    },
    handler: async (request, reply) => {
      const locale = localeOf(request);
      const ctx =
        contract.auth === 'user'
          ? await authenticate(deps, request)
          : requestContextOf(deps, request);
      const args = {
        ctx,
        params: contract.params
          ? parseInput(contract.params, request.params, locale, 'params')
          : undefined,
        query: contract.query
          ? parseInput(contract.query, request.query, locale, 'query')
          : undefined,
        body: contract.body ? parseInput(contract.body, request.body, locale, 'body') : undefined,
        request,
        reply,
      } as unknown as HandlerArgs<C>;
      const result = await handler(args);
      if (result === SENT) return reply;
      if (contract.status === 204) return reply.code(204).send();
      const output: unknown = contract.response.parse(result);
      return reply
        .code(contract.status)
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify(output));
    },
  });
};
