import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListenAddress } from '../config/agent-config';

export const openrcPath = (dataDir: string): string => join(dataDir, 'openrc');

/** A wildcard bind is reached on loopback from this machine. */
const reachableHost = (host: string): string => {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
};

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * `<dataDir>/openrc` for the local listener, so `. openrc && openstack server list` works inside
 * the datacenter with Keystone auth alone. Written 0600: it holds the admin password.
 */
export const writeOpenrc = async (
  dataDir: string,
  listen: ListenAddress,
  adminPassword: string,
): Promise<string> => {
  const authUrl = `http://${reachableHost(listen.host)}:${listen.port}/identity/v3`;
  const lines = [
    '# Written by yunguan-agent (--stack sim): the simulated datacenter on the local listener.',
    `export OS_AUTH_URL=${quote(authUrl)}`,
    "export OS_USERNAME='admin'",
    `export OS_PASSWORD=${quote(adminPassword)}`,
    "export OS_PROJECT_NAME='admin'",
    "export OS_USER_DOMAIN_NAME='Default'",
    "export OS_PROJECT_DOMAIN_NAME='Default'",
    "export OS_IDENTITY_API_VERSION='3'",
    "export OS_REGION_NAME='RegionOne'",
    "export OS_INTERFACE='public'",
  ];
  const path = openrcPath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${lines.join('\n')}\n`, { mode: 0o600 });
  await rename(tmp, path);
  return path;
};
