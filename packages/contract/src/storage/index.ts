import type { Contract } from '../define-contract';

export * from './storage-messages';

/** The storage API (M1.5). */
export const storageContracts: readonly Contract[] = [];
