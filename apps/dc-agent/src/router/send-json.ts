import type { ServerResponse } from 'node:http';

/** Answer with a small JSON body (errors use the portal's `{ error: { code, message } }` shape). */
export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

export const sendError = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void => sendJson(res, status, { error: { code, message } });
