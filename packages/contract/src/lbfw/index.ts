import type { Contract } from '../define-contract';

export * from './lbfw-messages';

/** Firewalls (FWaaS v2) and load balancers (M1.5). */
export const lbfwContracts: readonly Contract[] = [];
