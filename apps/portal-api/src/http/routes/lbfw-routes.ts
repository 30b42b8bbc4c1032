import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';

/** Firewalls (FWaaS v2) and load balancers (M1.5). */
export const registerLbfwRoutes = (_app: FastifyInstance, _deps: AppDeps) => {};
