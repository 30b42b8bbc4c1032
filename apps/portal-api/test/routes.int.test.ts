import { allContracts, type Contract } from '@yunguan/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, json, type Harness } from './harness';

/** Every route from the contract package: auth is enforced, bad input is a 400 that names the
 * field, and the OpenAPI document lists it with its schemas. */
const all = allContracts;
const withUser = all.filter((c) => c.auth === 'user');
const withBody = all.filter((c) => c.body);
// Every path parameter gets an id of valid shape (ids are checked for shape since ADR 0114).
const pathOf = (c: Contract) =>
  c.path.replace(/:[A-Za-z]+\b/g, '00000000-0000-0000-0000-000000000000');

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

test('the contract package has the operations of M1.1', () => {
  expect(all.length).toBeGreaterThanOrEqual(37);
});

describe.each(withUser.map((c) => [c.id, c] as const))('%s', (_id, contract) => {
  test('refuses a caller without session or token (401)', async () => {
    const res = await h.anonymous.request(
      contract.method,
      pathOf(contract),
      contract.body ? {} : undefined,
    );
    expect(res.statusCode).toBe(401);
    const error = json<{ error: { code: string; requestId: string } }>(res).error;
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.requestId).toMatch(/^req-/);
  });

  test('refuses an invalid API token (401)', async () => {
    const res = await h.anonymous.request(
      contract.method,
      pathOf(contract),
      contract.body ? {} : undefined,
      {
        authorization: 'Bearer ygt_not-a-real-token',
      },
    );
    expect(res.statusCode).toBe(401);
  });
});

describe.each(withBody.map((c) => [c.id, c] as const))('%s', (_id, contract) => {
  test('answers 400 with per-field issues for a body of the wrong shape, and writes nothing', async () => {
    const before = await h.deps.db.auditLog.count({ where: { result: 'success' } });
    const session = contract.auth === 'user' ? h.admin : h.anonymous;
    const res = await session.request(contract.method, pathOf(contract), {
      name: 42,
      username: [],
      limit: 'x',
      code: 7,
      password: 1,
    });
    expect(res.statusCode).toBe(400);
    const body = json<{
      error: {
        code: string;
        message: string;
        details: { issues: { path: string; message: string }[] };
      };
    }>(res);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.issues.length).toBeGreaterThan(0);
    expect(body.error.details.issues.every((i) => i.path.startsWith('body'))).toBe(true);
    expect(await h.deps.db.auditLog.count({ where: { result: 'success' } })).toBe(before);
  });
});

describe('transport errors', () => {
  test('unreadable JSON is a 400, not a 500', async () => {
    const res = await h.admin.request('POST', '/api/v1/departments', undefined, {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    const res2 = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res2.statusCode).toBe(400);
    expect(json(res2).error).toMatchObject({ code: 'VALIDATION' });
  });

  test('an unknown route is a 404 in the error format', async () => {
    const res = await h.admin.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(json(res).error).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('messages follow the language: zh-CN by default, en on request', async () => {
    const zh = await h.anonymous.request('GET', '/api/v1/me', undefined, {
      'accept-language': 'zh-CN,zh;q=0.9',
    });
    const en = await h.anonymous.request('GET', '/api/v1/me', undefined, {
      'accept-language': 'en-US',
    });
    expect(json<{ error: { message: string } }>(zh).error.message).toBe('会话已过期，请重新登录。');
    expect(json<{ error: { message: string } }>(en).error.message).toBe(
      'Your session has expired. Please log in again.',
    );
  });
});

describe('health, readiness, metrics, OpenAPI', () => {
  test('healthz and readyz (PostgreSQL and Redis reachable)', async () => {
    expect((await h.anonymous.get('/healthz')).statusCode).toBe(200);
    const ready = await h.anonymous.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toMatchObject({
      status: 'ready',
      checks: { database: { ok: true }, redis: { ok: true } },
    });
  });

  test('metrics are in Prometheus text format', async () => {
    await h.admin.get('/api/v1/me');
    const res = await h.anonymous.get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('yunguan_api_http_request_duration_seconds_bucket');
  });

  test('GET /api/openapi.json lists every route with its schemas', async () => {
    const doc = json<{
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            requestBody?: unknown;
            responses: Record<string, { content?: unknown }>;
          }
        >
      >;
    }>(await h.anonymous.get('/api/openapi.json'));
    for (const c of all) {
      const openapiPath = c.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[openapiPath]?.[c.method.toLowerCase()];
      expect(op, `${c.method} ${c.path}`).toBeDefined();
      expect(op?.operationId).toBe(c.id);
      if (c.body) expect(op?.requestBody, `${c.id} body`).toBeDefined();
      if (c.status !== 204)
        expect(op?.responses[String(c.status)]?.content, `${c.id} response`).toBeDefined();
    }
    expect((await h.anonymous.get('/api/docs/')).statusCode).toBe(200);
  });
});
