import type { CloudKind, CloudProvider, TenantBinding } from '@yunguan/cloud-core';
import {
  openStackDatacenterCredentialSchema,
  openStackTenantBindingSchema,
  publicOpenStackCredential,
} from '@yunguan/cloud-openstack';
import { precondition } from '@yunguan/domain';
import type { z } from 'zod';
import type { ServiceConfig } from '../services/context';
import { buildOpenStackProvider } from './build-provider';

/** Where a provider is reached: the datacenter and its agent's router secret (for the tunnel). */
export type ProviderTarget = { id: string; name: string; routerSecret: string };

/**
 * One cloud kind as the portal knows it: the adapter's credential schema (what the sealed JSON
 * holds), its tenant binding schema (what ensureTenant returns, stored as JSON), and how to build
 * a provider that reaches the datacenter.
 */
export type ProviderRegistration<C> = {
  kind: CloudKind;
  credentialSchema: z.ZodType<C>;
  tenantBindingSchema: z.ZodType<TenantBinding>;
  /** The credential without its secrets, for the API and the audit log. */
  shown: (credential: C) => Record<string, unknown>;
  build: (config: ServiceConfig, target: ProviderTarget, credential: C) => CloudProvider;
};

const openstack: ProviderRegistration<z.infer<typeof openStackDatacenterCredentialSchema>> = {
  kind: 'openstack',
  credentialSchema: openStackDatacenterCredentialSchema,
  tenantBindingSchema: openStackTenantBindingSchema,
  shown: publicOpenStackCredential,
  build: buildOpenStackProvider,
};

/** Registered kinds: vmware (M2.4) and tencent (M2.5) join here. */
const registry: Partial<Record<string, ProviderRegistration<never>>> = {
  openstack: openstack as unknown as ProviderRegistration<never>,
};

/**
 * The registration of a kind, its credential read as `unknown` and parsed by its own schema;
 * a kind without an adapter is refused (409 `datacenter_kind_unsupported`).
 */
export const registrationFor = (
  kind: string,
  datacenter: string,
): ProviderRegistration<unknown> => {
  const found = registry[kind];
  if (found === undefined) throw precondition('datacenter_kind_unsupported', { datacenter, kind });
  return found as unknown as ProviderRegistration<unknown>;
};

/** Build a provider from a stored (opened) credential, checked against the kind's schema. */
export const buildRegisteredProvider = (
  registration: ProviderRegistration<unknown>,
  config: ServiceConfig,
  target: ProviderTarget,
  credential: unknown,
): CloudProvider =>
  registration.build(config, target, registration.credentialSchema.parse(credential));
