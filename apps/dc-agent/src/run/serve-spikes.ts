import type { IncomingMessage, ServerResponse } from 'node:http';
import { spikeInput, type SimMetrics } from '@yunguan/openstack-sim';
import { sendError, sendJson } from '../router/send-json';

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
};

/**
 * Sim mode, local listener only: `GET /agent/sim/spikes` lists the forced values in force;
 * `POST /agent/sim/spikes {"resource": "<server id>", "metric": "cpu", "value": 95, "minutes": 10}`
 * forces one (docs/monitoring.md).
 */
export const spikesEndpoint =
  (metrics: SimMetrics) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET') return sendJson(res, 200, { spikes: metrics.spikes.list() });
    if (req.method !== 'POST') return sendError(res, 405, 'VALIDATION', 'use GET or POST');
    const parsed = spikeInput.safeParse(await readJson(req));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
      return sendError(
        res,
        400,
        'VALIDATION',
        `expected {"resource": id, "metric": cpu|memory|disk|ceph_health, "value": 0-100, "minutes": >0}: ${issues.join('; ')}`,
      );
    }
    const spike = metrics.spikes.add(parsed.data);
    await metrics.writeNow();
    sendJson(res, 201, { spike });
  };
