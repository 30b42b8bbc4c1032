/**
 * The list bench's reference: a bare Fastify + pg endpoint (no authentication, no hooks, no
 * Prisma, no validation) running the very SQL of the portal's server list — the statements
 * built by portal-api's server-page-repository (project, exact count, page with task badges in
 * one statement) on a pg pool of the portal's size — and sending the rows as JSON. What the portal
 * adds on top (authentication, tenancy, contracts, mapping) is its overhead over this.
 */
import type { AddressInfo } from 'node:net';
import { serverPageSql } from '@yunguan/portal-api/bench';
import Fastify from 'fastify';
import pg from 'pg';

export type BareList = { url: string; stop: () => Promise<void> };

export const startBareList = async (databaseUrl: string, poolSize: number): Promise<BareList> => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string }; Querystring: { page?: string; pageSize?: string } }>(
    '/projects/:id/servers',
    async (request) => {
      const pageSize = Number(request.query.pageSize ?? 50);
      const page = Number(request.query.page ?? 1);
      const filter = { projectId: request.params.id, includeDeleted: false };
      const sql = serverPageSql(filter, 'name', page, pageSize);
      const { rows } = await pool.query<{ total: number; id: string | null }>(sql.text, sql.values);
      return {
        items: rows.filter((r) => r.id !== null),
        total: rows[0]?.total ?? 0,
        page,
        pageSize,
      };
    },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
};
