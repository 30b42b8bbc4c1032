import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { verifyWebhook } from '@yunguan/notifications';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Peers for the notification tests. SMTP is real: an `smtp-server` instance with STARTTLS (a
 * self-signed certificate made with openssl for this run) and AUTH, mail parsed by `mailparser`.
 * WeCom has no local implementation, so `startWecomDouble` is a DOUBLE: a local HTTP server that
 * checks the request shapes WeCom documents (group robot webhook/send, gettoken, message/send)
 * and answers like WeCom does. The webhook receiver verifies the HMAC signature as an integrator would.
 */

const exec = promisify(execFile);

export type ReceivedMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  secure: boolean;
  user: string;
};

export const startSmtpPeer = async (creds: { user: string; pass: string }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'yg-smtp-'));
  await exec('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  const key = await readFile(path.join(dir, 'key.pem'), 'utf8');
  const cert = await readFile(path.join(dir, 'cert.pem'), 'utf8');
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false, // plain first; the client must upgrade with STARTTLS
    key,
    cert,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === creds.user && auth.password === creds.pass)
        cb(null, { user: auth.username });
      else cb(new Error('535 authentication failed'));
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          mails.push({
            from: mail.from?.text ?? '',
            to: Array.isArray(mail.to)
              ? mail.to.map((a) => a.text).join(',')
              : (mail.to?.text ?? ''),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            secure: session.secure,
            user: String(session.user ?? ''),
          });
          cb();
        })
        .catch((e: unknown) => cb(e as Error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    cert,
    mails,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
};

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

export type WecomDouble = Awaited<ReturnType<typeof startWecomDouble>>;

/** DOUBLE of WeCom's API (no WeCom here): robot and application messages, checked for shape. */
export const startWecomDouble = async (opts: {
  robotKey: string;
  corpId: string;
  corpSecret: string;
  agentId: number;
}) => {
  const state = {
    robotMessages: [] as { content: string }[],
    appMessages: [] as { touser?: string; toparty?: string; content: string; token: string }[],
    gettokenCalls: 0,
    tokens: [] as string[],
    /** Tokens WeCom has expired (next use answers 42001). */
    expired: new Set<string>(),
    shapeErrors: [] as string[],
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://double');
      const send = (o: object) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(o));
      };
      const body = req.method === 'POST' ? await bodyOf(req) : '';
      if (url.pathname === '/cgi-bin/webhook/send') {
        if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json'))
          state.shapeErrors.push('robot: not a JSON POST');
        if (url.searchParams.get('key') !== opts.robotKey)
          return send({ errcode: 93000, errmsg: 'invalid webhook url' });
        const m = JSON.parse(body) as { msgtype?: string; markdown?: { content?: unknown } };
        if (m.msgtype !== 'markdown' || typeof m.markdown?.content !== 'string')
          return send({ errcode: 40008, errmsg: 'invalid message type' });
        if (Buffer.byteLength(m.markdown.content) > 4096)
          return send({ errcode: 40058, errmsg: 'content exceed max length' });
        state.robotMessages.push({ content: m.markdown.content });
        return send({ errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === '/cgi-bin/gettoken') {
        state.gettokenCalls += 1;
        if (req.method !== 'GET') state.shapeErrors.push('gettoken: not a GET');
        if (
          url.searchParams.get('corpid') !== opts.corpId ||
          url.searchParams.get('corpsecret') !== opts.corpSecret
        )
          return send({ errcode: 40001, errmsg: 'invalid credential' });
        const token = `tok-${state.gettokenCalls}-${Math.random().toString(36).slice(2)}`;
        state.tokens.push(token);
        return send({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/message/send') {
        const token = url.searchParams.get('access_token') ?? '';
        if (!state.tokens.includes(token))
          return send({ errcode: 40014, errmsg: 'invalid access_token' });
        if (state.expired.has(token))
          return send({ errcode: 42001, errmsg: 'access_token expired' });
        const m = JSON.parse(body) as {
          touser?: string;
          toparty?: string;
          msgtype?: string;
          agentid?: unknown;
          markdown?: { content?: unknown };
        };
        if (
          m.msgtype !== 'markdown' ||
          typeof m.markdown?.content !== 'string' ||
          m.agentid !== opts.agentId
        )
          return send({ errcode: 40008, errmsg: 'invalid message' });
        if (!m.touser && !m.toparty) return send({ errcode: 40031, errmsg: 'invalid user list' });
        state.appMessages.push({
          ...(m.touser ? { touser: m.touser } : {}),
          ...(m.toparty ? { toparty: m.toparty } : {}),
          content: m.markdown.content,
          token,
        });
        return send({ errcode: 0, errmsg: 'ok', invaliduser: '', invalidparty: '' });
      }
      res.writeHead(404).end();
    })();
  });
  const url = await listen(server);
  return { url, state, close: () => new Promise<void>((r) => server.close(() => r())) };
};

/**
 * A webhook receiver: /ok verifies the HMAC and answers 200 (401 when it does not verify),
 * /fail answers 500, /hang never answers (until closed).
 */
export const startWebhookReceiver = async (secret: string) => {
  const received: { path: string; body: Record<string, unknown>; verified: boolean }[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const url = new URL(req.url ?? '/', 'http://receiver');
      if (url.pathname === '/hang') {
        hanging.push(res);
        return;
      }
      const verified = verifyWebhook(
        secret,
        String(req.headers['x-yunguan-timestamp'] ?? ''),
        body,
        String(req.headers['x-yunguan-signature'] ?? ''),
      );
      received.push({
        path: url.pathname,
        body: JSON.parse(body) as Record<string, unknown>,
        verified,
      });
      if (url.pathname === '/fail') return res.writeHead(500).end('receiver broke');
      res.writeHead(verified ? 200 : 401).end(verified ? 'ok' : 'bad signature');
    })();
  });
  const url = await listen(server);
  return {
    url,
    received,
    close: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
