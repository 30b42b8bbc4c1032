import { hostileFaultText, hostileIssueMessage } from '@yunguan/contract';
import {
  DomainError,
  sanitizeText,
  textFault,
  type TextFault,
  type TextPolicy,
} from '@yunguan/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localeOf } from './locale';

declare module 'fastify' {
  interface FastifyRequest {
    /** Fields the hostile-input guard refused (for the failure audit row). */
    ygRefusedFields?: string[];
  }
}

export type TextFinding = { path: string; fault: TextFault };

/** Headers whose values reach storage (sessions, tasks) or lookups. */
const STORED_HEADERS = ['user-agent', 'idempotency-key'] as const;
const MAX_FINDINGS = 20;

const fieldName = (key: string) => (textFault(key, 'plain') ? sanitizeText(key, 32) : key);

/**
 * Every string (and object key) under `value` checked against the text rule; `raw` names
 * top-level fields that may hold control characters. Iterative, so deep nesting cannot
 * exhaust the stack.
 */
export const findHostileText = (
  value: unknown,
  root: string,
  policy: TextPolicy,
  raw: ReadonlySet<string> = new Set(),
): TextFinding[] => {
  const found: TextFinding[] = [];
  const stack: { value: unknown; path: string; policy: TextPolicy; depth: number }[] = [
    { value, path: root, policy, depth: 0 },
  ];
  while (stack.length > 0 && found.length < MAX_FINDINGS) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const fault = textFault(item.value, item.policy);
      if (fault) found.push({ path: item.path, fault });
    } else if (Array.isArray(item.value)) {
      item.value.forEach((v, i) =>
        stack.push({
          value: v,
          path: `${item.path}.${i}`,
          policy: item.policy,
          depth: item.depth + 1,
        }),
      );
    } else if (item.value !== null && typeof item.value === 'object') {
      if (
        Buffer.isBuffer(item.value) ||
        typeof (item.value as { pipe?: unknown }).pipe === 'function'
      )
        continue; // streamed uploads are not text
      for (const [key, v] of Object.entries(item.value)) {
        const path = `${item.path}.${fieldName(key)}`;
        const keyFault = textFault(key, 'plain');
        if (keyFault) found.push({ path, fault: keyFault });
        const childPolicy = item.depth === 0 && raw.has(key) ? 'raw' : item.policy;
        stack.push({ value: v, path, policy: childPolicy, depth: item.depth + 1 });
      }
    }
  }
  return found;
};

const rawFieldsOf = (request: FastifyRequest): ReadonlySet<string> =>
  new Set((request.routeOptions.config as { rawText?: readonly string[] } | undefined)?.rawText);

/** What in this request breaks the text rule: params, query, body and the stored headers. */
export const hostileTextOf = (request: FastifyRequest): TextFinding[] => {
  const headers = Object.fromEntries(
    STORED_HEADERS.flatMap((h) =>
      request.headers[h] === undefined ? [] : [[h, request.headers[h]]],
    ),
  );
  return [
    ...findHostileText(request.params, 'params', 'plain'),
    ...findHostileText(request.query, 'query', 'plain'),
    ...findHostileText(headers, 'headers', 'plain'),
    ...findHostileText(request.body, 'body', 'multiline', rawFieldsOf(request)),
  ];
};

/**
 * The boundary rule (ADR 0114): before authentication and before any lookup, a request whose
 * text is not well-formed Unicode or holds NUL / control characters where the field does not
 * allow them answers 400 naming the field, in the caller's language.
 */
export const registerHostileInputGuard = (app: FastifyInstance) => {
  app.addHook('preHandler', async (request) => {
    const findings = hostileTextOf(request);
    const first = findings[0];
    if (!first) return;
    const locale = localeOf(request);
    request.ygRefusedFields = findings.map((f) => f.path);
    throw new DomainError('VALIDATION', 'hostile input', {
      reason: 'hostile_input',
      params: { field: first.path, what: hostileFaultText(locale, first.fault) },
      issues: findings.map((f) => ({
        path: f.path,
        message: hostileIssueMessage(locale, f.fault),
      })),
    });
  });
};
