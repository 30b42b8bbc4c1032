import type { ResourceTaskHandler } from './resource-task-handler';

/** Task code of the network actions (network … load-balancer, and the quick start). */
export const networkTaskHandlers: readonly ResourceTaskHandler[] = [];
