import { readFileSync } from 'node:fs';
import { parseOpenrc } from '@yunguan/testing';
import { createOpenStackProvider } from '../src/openstack-provider';
import { prepareCloudFixtures } from './contract/cloud-fixtures';
import { subPortNames } from '@yunguan/cloud-core';
import { describeProviderContract } from '@yunguan/cloud-core/contract';

// The adapter contract against Debian's real OpenStack Zed (Keystone, Nova with the fake
// driver, Neutron with fake Linux-bridge agents, Glance) brought up by infra/dev/openstack/up.sh.
// Never skipped: a missing peer fails the run with how to start it.

const startHint = 'start it with `sudo bash infra/dev/openstack/up.sh`';

/** `export OS_X=value` lines of the peer's admin-openrc. */
const readOpenrc = (file: string): Record<string, string> => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `OpenStack Zed peer: cannot read ${file} (${String(error)}); ${startHint}, or point YUNGUAN_OPENSTACK_OPENRC at its admin-openrc`,
      { cause: error },
    );
  }
  return parseOpenrc(text);
};

const required = (vars: Record<string, string>, key: string, file: string) => {
  const value = vars[key];
  if (value === undefined || value === '') throw new Error(`${file} sets no ${key}`);
  return value;
};

describeProviderContract(
  'openstack adapter × OpenStack Zed',
  async () => {
    const file = process.env.YUNGUAN_OPENSTACK_OPENRC ?? '/var/tmp/openstack-peer/admin-openrc';
    const vars = readOpenrc(file);
    const auth = {
      authUrl: required(vars, 'OS_AUTH_URL', file),
      username: required(vars, 'OS_USERNAME', file),
      password: required(vars, 'OS_PASSWORD', file),
      userDomainName: vars.OS_USER_DOMAIN_NAME ?? 'Default',
      projectName: required(vars, 'OS_PROJECT_NAME', file),
      projectDomainName: vars.OS_PROJECT_DOMAIN_NAME ?? 'Default',
      regionName: vars.OS_REGION_NAME,
    };
    try {
      await fetch(auth.authUrl, { signal: AbortSignal.timeout(5_000) });
    } catch (error) {
      throw new Error(
        `OpenStack Zed peer is not reachable at ${auth.authUrl} (${String(error)}); ${startHint}`,
        { cause: error },
      );
    }
    const fixtures = await prepareCloudFixtures(auth);
    // Debian's Zed here runs no Ironic, no Octavia, no FWaaS and no port-forwarding service
    // plugin: the adapter must say so (capabilities absent).
    return {
      ...fixtures,
      provider: createOpenStackProvider(auth),
      baremetal: 'absent',
      volumeFromImage: 'fails-on-fake-driver',
      volumeExtend: 'fails-on-fake-driver',
      volumeBackup: 'absent',
      firewall: 'absent',
      loadBalancer: 'absent',
      portForwarding: 'absent',
    };
  },
  // The OpenStack adapter has every sub-port: every part of the contract runs.
  { subPorts: subPortNames },
);
