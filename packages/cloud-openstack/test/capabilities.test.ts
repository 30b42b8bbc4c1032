import { capabilities, subPortNames } from '@yunguan/cloud-core';
import { describe, expect, it } from 'vitest';
import { createOpenStackProvider } from '../src/openstack-provider';

describe('the OpenStack provider’s capabilities', () => {
  const provider = createOpenStackProvider({
    authUrl: 'http://keystone.invalid/identity/v3',
    username: 'u',
    password: 'p',
    userDomainName: 'Default',
    projectName: 'admin',
    projectDomainName: 'Default',
  });

  it('has every sub-port, so every capability is derived (discovery narrows at run time)', () => {
    for (const name of subPortNames) expect(provider[name], name).toBeDefined();
    expect([...provider.capabilities].sort()).toEqual([...capabilities].sort());
  });
});
