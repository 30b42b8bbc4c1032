import { createHash } from 'node:crypto';
import { requestJson } from '../http-json';
import {
  ChannelError,
  truncate,
  type RenderedMessage,
  type SendOptions,
  type SendReceipt,
} from '../types';
import { fitMarkdown } from '../wecom-robot/send-wecom-robot';
import type { TokenCache } from './token-cache';

/**
 * WeCom application messages (企业微信应用消息): corp id + the application's secret buy an access
 * token from /cgi-bin/gettoken (valid expires_in seconds, cached until shortly before), then
 * /cgi-bin/message/send?access_token=… posts a markdown message to users (touser, `|`-joined)
 * and/or departments (toparty). A token WeCom calls invalid (40014) or expired (42001) is
 * dropped and bought again once.
 */
export type WecomAppSettings = {
  baseUrl: string;
  corpId: string;
  agentId: number;
  /** Department ids (`|`-joined) that receive every message of the channel, besides users. */
  toParty?: string | undefined;
};
export type WecomAppSecret = { secret: string };

const TOKEN_ERRORS = new Set([40014, 42001]);
/** Refresh this long before WeCom's own expiry. */
const EARLY_MS = 5 * 60_000;

type WecomAnswer = {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
};

const cacheKeyOf = (s: WecomAppSettings, secret: WecomAppSecret) =>
  `wecom-token:${createHash('sha256').update(`${s.corpId}\0${s.agentId}\0${secret.secret}`).digest('hex').slice(0, 32)}`;

const baseOf = (s: WecomAppSettings) => s.baseUrl.replace(/\/+$/, '');

const fetchToken = async (
  s: WecomAppSettings,
  secret: WecomAppSecret,
  opts: SendOptions,
): Promise<{ token: string; ttlMs: number }> => {
  const url = `${baseOf(s)}/cgi-bin/gettoken?corpid=${encodeURIComponent(s.corpId)}&corpsecret=${encodeURIComponent(secret.secret)}`;
  const redact = (t: string) => t.split(encodeURIComponent(secret.secret)).join('***');
  const res = await requestJson(url, { method: 'GET' }, opts.timeoutMs, redact);
  const answer = res.json as WecomAnswer | null;
  if (!answer || answer.errcode !== 0 || !answer.access_token)
    throw new ChannelError(
      `WeCom gettoken answered errcode ${answer?.errcode ?? '?'}: ${truncate(answer?.errmsg ?? res.text)}`,
      answer?.errcode === 40001 || answer?.errcode === 40013, // wrong secret / corp id
    );
  const seconds = answer.expires_in ?? 7200;
  return { token: answer.access_token, ttlMs: Math.max(seconds * 1000 - EARLY_MS, 1000) };
};

export const sendWecomApp = async (
  s: WecomAppSettings,
  secret: WecomAppSecret,
  cache: TokenCache,
  toUser: string,
  message: RenderedMessage,
  opts: SendOptions,
): Promise<SendReceipt> => {
  const key = cacheKeyOf(s, secret);
  const tokenOf = async (fresh: boolean) => {
    if (!fresh) {
      const cached = await cache.get(key);
      if (cached) return cached;
    }
    const bought = await fetchToken(s, secret, opts);
    await cache.set(key, bought.token, bought.ttlMs);
    return bought.token;
  };
  const body = JSON.stringify({
    ...(toUser ? { touser: toUser } : {}),
    ...(s.toParty ? { toparty: s.toParty } : {}),
    msgtype: 'markdown',
    agentid: s.agentId,
    markdown: { content: fitMarkdown(`### ${message.subject}\n${message.body}`, 2048) },
  });
  const post = async (token: string) => {
    const url = `${baseOf(s)}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`;
    const redact = (t: string) => t.split(encodeURIComponent(token)).join('***');
    const res = await requestJson(url, { method: 'POST', body }, opts.timeoutMs, redact);
    return { answer: (res.json ?? {}) as WecomAnswer & { invaliduser?: string }, text: res.text };
  };
  let sent = await post(await tokenOf(false));
  if (sent.answer.errcode !== undefined && TOKEN_ERRORS.has(sent.answer.errcode)) {
    await cache.delete(key);
    sent = await post(await tokenOf(true));
  }
  if (sent.answer.errcode !== 0)
    throw new ChannelError(
      `WeCom message/send answered errcode ${sent.answer.errcode ?? '?'}: ${truncate(sent.answer.errmsg ?? sent.text)}`,
    );
  if (sent.answer.invaliduser)
    throw new ChannelError(`WeCom knows no user ${sent.answer.invaliduser}`, true);
  return { detail: 'WeCom message/send errcode 0' };
};
