import { randomBytes, randomUUID } from 'node:crypto';

/** Keystone-style id: 32 hex digits, no dashes. */
export const hexId = (): string => randomBytes(16).toString('hex');

/** Nova/Neutron/Cinder/Glance-style id: a dashed UUID. */
export const uuid = (): string => randomUUID();

/** `req-<uuid>`, the request id every OpenStack service answers with. */
export const requestId = (): string => `req-${randomUUID()}`;
