import { pickLocale, type Locale } from '@yunguan/contract';
import type { FastifyRequest } from 'fastify';

/** The UI's language cookie wins over the browser's Accept-Language; zh-CN by default. */
export const localeOf = (request: FastifyRequest): Locale =>
  pickLocale(request.cookies?.yg_lang ?? request.headers['accept-language'] ?? null);
