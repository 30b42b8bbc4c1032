import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';

/** The network API (M1.5): /api/v1/projects/:projectId/… collections, item routes and actions. */
export const registerNetworkRoutes = (_app: FastifyInstance, _deps: AppDeps) => {};
