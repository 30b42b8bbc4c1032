import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { domainSchema, getDomainResult, type Domain } from './results';
import { domainsUrl, domainUrl } from './urls';

export const listDomains = (
  identity: ServiceClient,
  call: Call,
  query: { name?: string } = {},
): Promise<Domain[]> =>
  listAll(identity, call, { path: domainsUrl(), key: 'domains', item: domainSchema, query });

export const createDomain = async (
  identity: ServiceClient,
  call: Call,
  opts: { name: string; description?: string; enabled?: boolean },
): Promise<Domain> =>
  (
    await identity.requestJson(
      call,
      { method: 'POST', path: domainsUrl(), body: { domain: opts }, expected: [201] },
      getDomainResult,
    )
  ).domain;

export const updateDomain = async (
  identity: ServiceClient,
  call: Call,
  id: string,
  opts: { description?: string; enabled?: boolean },
): Promise<Domain> =>
  (
    await identity.requestJson(
      call,
      { method: 'PATCH', path: domainUrl(id), body: { domain: opts }, expected: [200] },
      getDomainResult,
    )
  ).domain;

/** Keystone deletes only disabled domains: disable first. */
export const deleteDomain = async (identity: ServiceClient, call: Call, id: string) => {
  await identity.request(call, { method: 'DELETE', path: domainUrl(id), expected: [204] });
};

export const getDomain = async (identity: ServiceClient, call: Call, id: string) =>
  (
    await identity.requestJson(
      call,
      { method: 'GET', path: domainUrl(id), expected: [200] },
      getDomainResult,
    )
  ).domain;
