import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, PASSWORD, Session, type Harness } from './harness';

/** The boundary rule of ADR 0114: hostile text answers 400 naming the field, and is audited. */
let h: Harness;
let org: Organisation;

type ErrorBody = {
  error: {
    code: string;
    message: string;
    details: { reason?: string; params?: Record<string, string>; issues?: { path: string }[] };
  };
};

beforeAll(async () => {
  h = await createHarness();
  org = await createOrganisation(h.adminCtx, 'hostile');
});
afterAll(() => h.close());

const auditRows = (requestId: string) => h.deps.db.auditLog.findMany({ where: { requestId } });

describe('hostile text at the boundary', () => {
  test('login with a NUL in the username answers 400 naming the field, and is audited', async () => {
    const res = await new Session(h.app, null).post('/api/v1/auth/login', {
      username: `${org.member.username}\u0000x`,
      password: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error.details.reason).toBe('hostile_input');
    expect(body.error.details.issues?.map((i) => i.path)).toEqual(['body.username']);
    expect(body.error.message).toContain('body.username');
    expect(body.error.message).toContain('NUL');
    const rows = await auditRows(String(res.headers['x-request-id']));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'auth.login',
      result: 'failure',
      actorName: 'anonymous',
      targetName: `${org.member.username}\ufffdx`,
      detail: { status: 400, reason: 'hostile_input', fields: ['body.username'] },
    });
    // The account is untouched: the real password still logs in.
    await expect(h.login(org.member.username)).resolves.toBeInstanceOf(Session);
  });

  test('the message is in the caller’s language', async () => {
    const res = await new Session(h.app, null).request(
      'POST',
      '/api/v1/auth/login',
      { username: 'a\ud800b', password: 'x' },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.message).toBe(
      '字段 body.username 含有不允许的字符（无效的 Unicode：孤立的 UTF-16 代理项），请删除后重试。',
    );
  });

  test('a NUL as a path id answers 400 and the refused write is audited', async () => {
    const get = await h.admin.get('/api/v1/departments/%00');
    expect(get.statusCode, get.body).toBe(400);
    const del = await h.admin.delete('/api/v1/departments/a%00b');
    expect(del.statusCode, del.body).toBe(400);
    expect(json<ErrorBody>(del).error.details.issues?.map((i) => i.path)).toEqual(['params.id']);
    const rows = await auditRows(String(del.headers['x-request-id']));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ result: 'failure', targetId: 'a\ufffdb' });
  });

  test('body strings: NUL, lone surrogates and control characters; newlines are fine', async () => {
    const url = '/api/v1/departments';
    for (const description of ['a\u0000b', 'x\ud800y', 'bell\u0007']) {
      const res = await h.admin.post(url, { name: `d-${Date.now()}`, description });
      expect(res.statusCode, res.body).toBe(400);
      expect(json<ErrorBody>(res).error.details.issues?.map((i) => i.path)).toEqual([
        'body.description',
      ]);
    }
    const surrogateName = await h.admin.post('/api/v1/projects', {
      name: 'p\udfffq',
      description: '',
      departmentId: org.department.id,
    });
    expect(surrogateName.statusCode).toBe(400);
    const ok = await h.admin.post(url, { name: `d-${Date.now()}`, description: 'two\nlines' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  test('query strings and object keys are checked too', async () => {
    const query = await h.admin.get('/api/v1/audit-events?actor=%00');
    expect(query.statusCode).toBe(400);
    expect(json<ErrorBody>(query).error.details.issues?.map((i) => i.path)).toEqual([
      'query.actor',
    ]);
    const key = await h.admin.post('/api/v1/departments', { 'na\u0000me': 'x' });
    expect(key.statusCode).toBe(400);
  });

  test('ids are checked for shape before any lookup', async () => {
    for (const id of ['__proto__', '%25zz', 'a%20b']) {
      const res = await h.admin.delete(`/api/v1/departments/${id}`);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(400);
    }
    const unknown = await h.admin.delete('/api/v1/departments/constructor');
    expect(unknown.statusCode).toBe(404);
  });
});
