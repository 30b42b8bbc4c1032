import type { Contract } from '../define-contract';

export * from './network-messages';

/** The network API (M1.5). */
export const networkContracts: readonly Contract[] = [];
