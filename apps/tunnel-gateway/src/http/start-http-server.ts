import { type Server, createServer } from 'node:http';
import type { GatewayContext } from '../gateway-context';

/** `/healthz` (ready when Redis is) and Prometheus `/metrics` on a small internal listener. */
export const startHttpServer = (ctx: GatewayContext): Promise<Server> => {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      const redisReady = ctx.redis.status === 'ready';
      res.writeHead(redisReady ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: redisReady ? 'ok' : 'redis-unavailable',
          gatewayId: ctx.config.gatewayId,
          tunnels: ctx.connections.size,
        }),
      );
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      ctx.metrics.registry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': ctx.metrics.registry.contentType });
          res.end(body);
        },
        (err: unknown) => {
          ctx.log.error(
            { err: err instanceof Error ? err.message : String(err) },
            'metrics failed',
          );
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(ctx.config.httpPort, ctx.config.httpHost, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
};
