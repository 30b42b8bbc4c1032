import { type Shape, shapeOf } from './shape';
import type { Session } from './os-session';

export type Service = 'identity' | 'compute' | 'network' | 'volume' | 'image' | 'placement';

export type Call = {
  svc: Service;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the service's versioned root: `/servers`, `/v2.0` is added for network, … */
  path: string;
  body?: unknown;
  /** Microversion (compute, volume, placement) sent in OpenStack-API-Version. */
  mv?: string;
  contentType?: string;
  /** Raw request body (image data, JSON-patch documents). */
  raw?: string | Uint8Array;
  /** The admin session instead of the project member's. */
  admin?: boolean;
  /** Extra object paths or keys whose keys are data. */
  maps?: string[];
  /** Reduce the body before its schema is taken (lists: keep only this run's objects). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of either cloud, read loosely
  pick?: (body: any) => unknown;
};

export type Observation = {
  op: string;
  mv: string;
  status: number;
  shape: Shape | null;
  body: unknown;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of either cloud, read loosely
export type Reply = { status: number; body: any; headers: Headers };

const mvService: Partial<Record<Service, string>> = {
  compute: 'compute',
  volume: 'volume',
  placement: 'placement',
};

/**
 * Runs one script against one cloud and records what each named operation answered: status and
 * body schema. The same script runs against the simulator and real Zed; the records are compared
 * by operation name and microversion.
 */
export class Recorder {
  readonly observations = new Map<string, Observation>();
  /** Ids the script made, by name (the script reads them back). */
  readonly vars: Record<string, string> = {};
  /** Settled values the suite asserts as documented behaviour differences. */
  outcomes: Record<string, string> = {};
  user: Session;

  constructor(
    readonly target: 'sim' | 'zed',
    readonly admin: Session,
    readonly tag: string,
  ) {
    this.user = admin;
  }

  url(c: Call): string {
    const s = c.admin === true ? this.admin : this.user;
    const root = {
      identity: () => s.authUrl,
      compute: () => s.endpoint('compute'),
      network: () => `${s.endpoint('network')}/v2.0`,
      volume: () => s.endpoint('volumev3'),
      image: () => `${s.endpoint('image')}/v2`,
      placement: () => s.endpoint('placement'),
    }[c.svc]();
    return `${root}${c.path}`;
  }

  /** An unrecorded request (set-up, polling, clean-up). */
  async raw(c: Call): Promise<Reply> {
    const s = c.admin === true ? this.admin : this.user;
    const headers: Record<string, string> = { 'x-auth-token': s.token, accept: 'application/json' };
    const service = mvService[c.svc];
    if (c.mv !== undefined && service !== undefined)
      headers['openstack-api-version'] = `${service} ${c.mv}`;
    let body: string | Uint8Array | undefined = c.raw;
    if (c.body !== undefined) body = JSON.stringify(c.body);
    if (body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
    const response = await fetch(this.url(c), {
      method: c.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let parsed: unknown = text === '' ? null : text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') {
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A recorded request: `op` names it (unique per microversion) in both clouds' records. */
  async call(op: string, c: Call): Promise<Reply> {
    const mv = c.mv ?? '-';
    const key = `${op} @ ${mv}`;
    if (this.observations.has(key)) throw new Error(`script bug: ${key} recorded twice`);
    const reply = await this.raw(c);
    const json = reply.body !== null && typeof reply.body === 'object';
    this.observations.set(key, {
      op,
      mv,
      status: reply.status,
      shape: json ? shapeOf(c.pick ? c.pick(reply.body) : reply.body, c.maps) : null,
      body: reply.body,
    });
    return reply;
  }

  /** Poll (unrecorded) until `done` holds for the reply; throws after timeoutMs. */
  async until(what: string, c: Call, done: (r: Reply) => boolean, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.raw(c);
      if (done(r)) return r;
      if (Date.now() > deadline)
        throw new Error(`${this.target}: timed out waiting for ${what}: ${JSON.stringify(r.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  /** vars[name], or a clear error when an earlier step did not produce it. */
  v(name: string): string {
    const value = this.vars[name];
    if (value === undefined) throw new Error(`${this.target}: no ${name} (an earlier step failed)`);
    return value;
  }
}
