import type { AddressInfo } from 'node:net';
import type { Harness, Session } from './harness';

/** One SSE frame as the wire carried it. `id` is null for a frame without an id line. */
export type SseFrame = { id: string | null; event: string | null; data: unknown };

/**
 * An SSE client on the listening app with the session's cookie, like a browser's EventSource:
 * it keeps the last id it was given (frames with an id but no data move it too). `resume` sends
 * it as `Last-Event-ID` (header) or `?lastEventId=` (query).
 */
export const openSse = async (
  h: Harness,
  session: Session,
  resume?: { lastEventId: string; via: 'header' | 'query' },
) => {
  const { port } = h.app.server.address() as AddressInfo;
  const controller = new AbortController();
  const query = resume?.via === 'query' ? `?lastEventId=${resume.lastEventId}` : '';
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/events${query}`, {
    headers: {
      cookie: Object.entries(session.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      'accept-language': 'en',
      ...(resume?.via === 'header' ? { 'last-event-id': resume.lastEventId } : {}),
    },
    signal: controller.signal,
  });
  if (res.status !== 200) throw new Error(`events: ${res.status} ${await res.text()}`);
  const state = { lastEventId: null as string | null, frames: [] as SseFrame[] };
  let text = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const lines = text.slice(0, end).split('\n');
          text = text.slice(end + 2);
          const field = (name: string) =>
            lines.filter((l) => l.startsWith(`${name}: `)).map((l) => l.slice(name.length + 2));
          const id = field('id')[0] ?? null;
          if (id !== null) state.lastEventId = id;
          const data = field('data').join('\n');
          if (data)
            state.frames.push({ id, event: field('event')[0] ?? null, data: JSON.parse(data) });
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  })();
  return {
    state,
    /** Wait until `done` holds for the frames received (or fail after `timeoutMs`). */
    until: async (done: (frames: SseFrame[]) => boolean, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!done(state.frames)) {
        if (Date.now() > deadline) {
          throw new Error(`stream: condition not met; got ${JSON.stringify(state.frames)}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      controller.abort();
      await reading;
    },
  };
};
