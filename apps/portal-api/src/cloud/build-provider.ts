import type { CloudProvider } from '@yunguan/cloud-core';
import {
  createOpenStackProvider,
  type OpenStackDatacenterCredential,
} from '@yunguan/cloud-openstack';
import type { ServiceConfig } from '../services/context';
import { tunnelFetch } from './tunnel-fetch';

/** The service account, in the clear (only in memory, only here and in the adapter). */
export type CloudCredential = OpenStackDatacenterCredential;

/**
 * An OpenStack provider that reaches the datacenter through its tunnel. The auth URL's origin is
 * a placeholder: tunnelFetch keeps only path and query.
 */
export const buildOpenStackProvider = (
  config: ServiceConfig,
  target: { id: string; name: string; routerSecret: string },
  credential: CloudCredential,
): CloudProvider =>
  createOpenStackProvider({
    authUrl: `http://datacenter-${target.id}.tunnel${credential.authPath}`,
    username: credential.username,
    password: credential.password,
    userDomainName: credential.userDomainName,
    projectName: credential.projectName,
    projectDomainName: credential.projectDomainName,
    ...(credential.regionName ? { regionName: credential.regionName } : {}),
    fetch: tunnelFetch(config.tunnel.registry, target, config.tunnel.callTimeoutMs),
    defaultTimeoutMs: config.tunnel.callTimeoutMs,
  });
