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

type Node = {
  value: unknown;
  key: string;
  parent: Node | null;
  policy: TextPolicy;
  depth: number;
};

/** The dotted path of a node, built only for findings (deep bodies stay linear to walk). */
const pathOf = (node: Node): string => {
  const keys: string[] = [];
  for (let n: Node | null = node; n; n = n.parent) keys.push(n.key);
  return keys.reverse().join('.');
};

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
  const stack: Node[] = [{ value, key: root, parent: null, policy, depth: 0 }];
  while (stack.length > 0 && found.length < MAX_FINDINGS) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      const fault = textFault(v, node.policy);
      if (fault) found.push({ path: pathOf(node), fault });
    } else if (Array.isArray(v)) {
      v.forEach((item: unknown, i) =>
        stack.push({
          value: item,
          key: String(i),
          parent: node,
          policy: node.policy,
          depth: node.depth + 1,
        }),
      );
    } else if (v !== null && typeof v === 'object') {
      if (Buffer.isBuffer(v) || typeof (v as { pipe?: unknown }).pipe === 'function') continue; // streamed uploads are not text
      for (const [key, child] of Object.entries(v)) {
        const keyFault = textFault(key, 'plain');
        const childNode: Node = {
          value: child,
          key: fieldName(key),
          parent: node,
          policy: node.depth === 0 && raw.has(key) ? 'raw' : node.policy,
          depth: node.depth + 1,
        };
        if (keyFault) found.push({ path: pathOf(childNode), fault: keyFault });
        stack.push(childNode);
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
  app.addHook('preHandler', (request, _reply, done) => {
    const findings = hostileTextOf(request);
    const first = findings[0];
    if (!first) {
      done();
      return;
    }
    const locale = localeOf(request);
    request.ygRefusedFields = findings.map((f) => f.path);
    done(
      new DomainError('VALIDATION', 'hostile input', {
        reason: 'hostile_input',
        params: { field: first.path, what: hostileFaultText(locale, first.fault) },
        issues: findings.map((f) => ({
          path: f.path,
          message: hostileIssueMessage(locale, f.fault),
        })),
      }),
    );
  });
};
