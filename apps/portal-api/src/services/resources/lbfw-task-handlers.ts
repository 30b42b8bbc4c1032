import type { ResourceTaskHandler } from './resource-task-handler';

/** Task code of the firewall and load-balancer actions. */
export const lbfwTaskHandlers: readonly ResourceTaskHandler[] = [];
