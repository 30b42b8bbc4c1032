import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrganisation, type Organisation } from './factories';
import { createHarness, json, PASSWORD, Session, type Harness } from './harness';

let h: Harness;
let org: Organisation;

beforeAll(async () => {
  h = await createHarness();
  org = await createOrganisation(h.adminCtx, 'auth');
});
afterAll(() => h.close());

const loginAttempt = (username: string, password: string) =>
  new Session(h.app, username).post('/api/v1/auth/login', { username, password });

describe('login and sessions', () => {
  test('login sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const session = new Session(h.app, org.member.username);
    const res = await session.post('/api/v1/auth/login', {
      username: org.member.username,
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookies = res.cookies as {
      name: string;
      httpOnly?: boolean;
      sameSite?: string;
      secure?: boolean;
    }[];
    const sessionCookie = cookies.find((c) => c.name === 'yg_session');
    const csrfCookie = cookies.find((c) => c.name === 'yg_csrf');
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(sessionCookie?.secure).toBeFalsy(); // plain HTTP here; Secure when the request came over TLS
    expect(csrfCookie?.httpOnly).toBeFalsy();
    const me = await session.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(json<{ user: { username: string } }>(me).user.username).toBe(org.member.username);
  });

  test('wrong password and unknown user get the same answer', async () => {
    const wrong = await loginAttempt(org.projectAdmin.username, 'not-the-password');
    const unknown = await loginAttempt('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).error).toMatchObject({ code: 'UNAUTHENTICATED' });
    const message = (r: typeof wrong) => json<{ error: { message: string } }>(r).error.message;
    expect(message(wrong)).toBe(message(unknown));
  });

  test('five failed logins lock the account for 15 minutes, then it opens again', async () => {
    const { username } = await createOrganisation(h.adminCtx, 'lock').then((o) => o.member);
    for (let i = 0; i < 5; i++)
      expect((await loginAttempt(username, 'wrong-password-x')).statusCode).toBe(401);
    const locked = await loginAttempt(username, PASSWORD);
    expect(locked.statusCode).toBe(401);
    const user = json<{ items: { username: string; locked: boolean }[] }>(
      await h.admin.get(`/api/v1/users?q=${username}`),
    ).items[0];
    expect(user?.locked).toBe(true);
    h.clock.offsetMs = 15 * 60 * 1000 + 1000;
    try {
      expect((await loginAttempt(username, PASSWORD)).statusCode).toBe(200);
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  test('an admin can unlock a locked account at once', async () => {
    const o = await createOrganisation(h.adminCtx, 'unlock');
    for (let i = 0; i < 5; i++) await loginAttempt(o.member.username, 'wrong-password-x');
    expect((await loginAttempt(o.member.username, PASSWORD)).statusCode).toBe(401);
    const unlock = await h.admin.patch(`/api/v1/users/${o.member.id}`, { unlock: true });
    expect(unlock.statusCode).toBe(200);
    expect((await loginAttempt(o.member.username, PASSWORD)).statusCode).toBe(200);
  });

  test('login rotates the session: the cookie presented before no longer works', async () => {
    const session = await h.login(org.deptAdmin.username);
    const old = { ...session.cookies };
    await session.post('/api/v1/auth/login', {
      username: org.deptAdmin.username,
      password: PASSWORD,
    });
    expect(session.cookies.yg_session).not.toBe(old.yg_session);
    const stale = new Session(h.app, null);
    stale.cookies = old;
    expect((await stale.get('/api/v1/me')).statusCode).toBe(401);
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
  });

  test('sessions expire after 24 hours', async () => {
    const session = await h.login(org.member.username);
    h.clock.offsetMs = 24 * 3600 * 1000 + 1000;
    try {
      expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  test('logout ends the session', async () => {
    const session = await h.login(org.member.username);
    expect((await session.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
  });

  test('cookie-authenticated mutations need the CSRF header', async () => {
    const session = await h.login(org.deptAdmin.username);
    const body = { name: 'csrf-proj', departmentId: org.department.id };
    const without = await session.request('POST', '/api/v1/projects', body, { 'x-csrf-token': '' });
    expect(without.statusCode).toBe(403);
    expect(json(without).error).toMatchObject({ details: { reason: 'csrf' } });
    const forged = await session.request('POST', '/api/v1/projects', body, {
      'x-csrf-token': 'forged-token',
    });
    expect(forged.statusCode).toBe(403);
    expect((await session.post('/api/v1/projects', body)).statusCode).toBe(201);
  });
});

describe('password change', () => {
  test('needs the current password and ends the other sessions', async () => {
    const o = await createOrganisation(h.adminCtx, 'pw');
    const a = await h.login(o.member.username);
    const b = await h.login(o.member.username);
    const wrong = await a.post('/api/v1/me/password', {
      currentPassword: 'nope',
      newPassword: 'another-long-password',
    });
    expect(wrong.statusCode).toBe(409);
    const ok = await a.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-password',
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    await h.login(o.member.username, 'another-long-password');
    await expect(h.login(o.member.username, PASSWORD)).rejects.toThrow(/401/);
  });

  test('a too short new password is refused with the field named', async () => {
    const session = await h.login(org.member.username);
    const res = await session.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(
      json<{ error: { details: { issues: { path: string }[] } } }>(res).error.details.issues[0]
        ?.path,
    ).toBe('body.newPassword');
  });
});

describe('API tokens', () => {
  test('are shown once, work as Bearer without CSRF, and stop working when revoked', async () => {
    const session = await h.login(org.deptAdmin.username);
    const created = await session.post('/api/v1/me/api-tokens', { name: 'ci' });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = json<{ token: string; apiToken: { id: string; prefix: string } }>(
      created,
    );
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const list = json<{ items: Record<string, unknown>[] }>(
      await session.get('/api/v1/me/api-tokens'),
    );
    expect(JSON.stringify(list)).not.toContain(token);
    const bearer = new Session(h.app, null);
    const auth = { authorization: `Bearer ${token}` };
    expect((await bearer.request('GET', '/api/v1/me', undefined, auth)).statusCode).toBe(200);
    const created2 = await bearer.request(
      'POST',
      '/api/v1/projects',
      { name: 'via-token', departmentId: org.department.id },
      auth,
    );
    expect(created2.statusCode).toBe(201);
    expect((await session.delete(`/api/v1/me/api-tokens/${apiToken.id}`)).statusCode).toBe(204);
    expect((await bearer.request('GET', '/api/v1/me', undefined, auth)).statusCode).toBe(401);
  });
});

describe('TOTP second factor', () => {
  test('setup, confirm, then login asks for and checks the code', async () => {
    const o = await createOrganisation(h.adminCtx, 'totp');
    const session = await h.login(o.member.username);
    const setup = json<{ secret: string; otpauthUri: string }>(
      await session.post('/api/v1/me/totp/setup'),
    );
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect((await session.post('/api/v1/me/totp/enable', { code: '000000' })).statusCode).toBe(409);
    const code = await generate({ secret: setup.secret });
    expect((await session.post('/api/v1/me/totp/enable', { code })).statusCode).toBe(204);

    const step1 = await new Session(h.app, null).post('/api/v1/auth/login', {
      username: o.member.username,
      password: PASSWORD,
    });
    expect(json(step1)).toEqual({ status: 'totp_required' });
    expect(step1.cookies).toHaveLength(0);
    const bad = await new Session(h.app, null).post('/api/v1/auth/login', {
      username: o.member.username,
      password: PASSWORD,
      totpCode: code === '123456' ? '654321' : '123456',
    });
    expect(bad.statusCode).toBe(401);
    const good = await h.login(
      o.member.username,
      PASSWORD,
      await generate({ secret: setup.secret }),
    );
    expect((await good.get('/api/v1/me')).statusCode).toBe(200);
  });

  test('the TOTP seed is stored encrypted', async () => {
    const o = await createOrganisation(h.adminCtx, 'seed');
    const session = await h.login(o.member.username);
    const { secret } = json<{ secret: string }>(await session.post('/api/v1/me/totp/setup'));
    const rows = await h.deps.db.$queryRaw<
      { totp_secret_enc: string }[]
    >`SELECT totp_secret_enc FROM app_user WHERE id = ${o.member.id}`;
    expect(rows[0]?.totp_secret_enc).toMatch(/^v1\./);
    expect(rows[0]?.totp_secret_enc).not.toContain(secret);
  });
});

describe('passwords at rest', () => {
  test('are scrypt hashes, never the password', async () => {
    const rows = await h.deps.db.$queryRaw<
      { password_hash: string }[]
    >`SELECT password_hash FROM app_user WHERE id = ${org.member.id}`;
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(rows[0]?.password_hash).not.toContain(PASSWORD);
  });
});
