import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { readEnv } from './env';

/**
 * Same-origin API: the browser calls /api/* on the web origin and Next forwards the request to
 * portal-api unchanged (method, headers including Cookie, body); the API's response, Set-Cookie
 * included, streams back as is. The origin is read at run time so one build fits any port.
 */
export function proxy(request: NextRequest) {
  const origin = readEnv().YUNGUAN_API_ORIGIN;
  const target = new URL(request.nextUrl.pathname + request.nextUrl.search, origin);
  return NextResponse.rewrite(target);
}

export const config = {
  matcher: '/api/:path*',
};
