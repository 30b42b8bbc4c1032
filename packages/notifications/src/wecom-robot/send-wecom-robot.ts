import { requestJson } from '../http-json';
import {
  ChannelError,
  truncate,
  type RenderedMessage,
  type SendOptions,
  type SendReceipt,
} from '../types';

/**
 * WeCom group robot (企业微信群机器人): POST {baseUrl}/cgi-bin/webhook/send?key=<key> with a
 * markdown message. baseUrl defaults to https://qyapi.weixin.qq.com; an on-prem proxy (or a test
 * double) can stand in.
 */
export type WecomRobotSettings = { baseUrl: string; mentionAll?: boolean | undefined };
export type WecomRobotSecret = { key: string };

export const DEFAULT_WECOM_BASE_URL = 'https://qyapi.weixin.qq.com';

/** WeCom caps a markdown message at 4096 bytes of UTF-8. */
export const fitMarkdown = (text: string, maxBytes = 4096): string => {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = text;
  while (Buffer.byteLength(`${out}…`) > maxBytes) out = out.slice(0, -1);
  return `${out}…`;
};

export const robotMarkdown = (message: RenderedMessage, mentionAll = false): string =>
  fitMarkdown(`### ${message.subject}\n${message.body}${mentionAll ? '\n<@all>' : ''}`);

const redactKey = (key: string) => (text: string) => text.split(key).join('***');

export const sendWecomRobot = async (
  settings: WecomRobotSettings,
  secret: WecomRobotSecret,
  message: RenderedMessage,
  opts: SendOptions,
): Promise<SendReceipt> => {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/cgi-bin/webhook/send?key=${encodeURIComponent(secret.key)}`;
  const body = JSON.stringify({
    msgtype: 'markdown',
    markdown: { content: robotMarkdown(message, settings.mentionAll) },
  });
  const res = await requestJson(
    url,
    { method: 'POST', body },
    opts.timeoutMs,
    redactKey(secret.key),
  );
  const answer = res.json as { errcode?: number; errmsg?: string } | null;
  if (!answer || answer.errcode !== 0)
    throw new ChannelError(
      `WeCom robot answered errcode ${answer?.errcode ?? '?'}: ${truncate(answer?.errmsg ?? res.text)}`,
      answer?.errcode === 93000, // invalid webhook key
    );
  return { detail: 'WeCom robot errcode 0' };
};
