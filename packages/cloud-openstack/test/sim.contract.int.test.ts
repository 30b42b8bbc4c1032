import { startSim } from '@yunguan/openstack-sim';
import { createOpenStackProvider } from '../src/openstack-provider';
import { ProviderClient } from '../src/provider-client';
import { serviceClients } from '../src/service-client';
import { createNode, deleteNode } from '../src/services/baremetal/v1/nodes/requests';
import { prepareCloudFixtures } from './contract/cloud-fixtures';
import { subPortNames } from '@yunguan/cloud-core';
import { describeProviderContract } from '@yunguan/cloud-core/contract';

// The adapter contract against the simulator, in-process, state in memory, short delays.
describeProviderContract(
  'openstack adapter × openstack-sim',
  async () => {
    const sim = await startSim({
      dataDir: null,
      adminPassword: 'contract-secret',
      delays: { buildMs: 300, actionMs: 200, volumeMs: 200 },
    });
    const auth = {
      authUrl: `${sim.url}/identity/v3`,
      username: 'admin',
      password: 'contract-secret',
      userDomainName: 'Default',
      projectName: 'admin',
      projectDomainName: 'Default',
    };
    try {
      const fixtures = await prepareCloudFixtures(auth);
      // The simulator's Ironic starts empty: enroll one node on its fake hardware.
      const { baremetal } = serviceClients(new ProviderClient(auth));
      const node = await createNode(
        baremetal,
        { scope: 'default' },
        {
          name: 'contract-node',
          driver: 'fake-hardware',
        },
      );
      return {
        ...fixtures,
        provider: createOpenStackProvider(auth),
        baremetal: 'present',
        volumeFromImage: 'works',
        volumeExtend: 'works',
        volumeBackup: 'present',
        firewall: 'present',
        loadBalancer: 'present',
        portForwarding: 'present',
        baremetalNodeExternalId: node.uuid,
        cleanup: async () => {
          try {
            await deleteNode(baremetal, { scope: 'default' }, node.uuid);
            await fixtures.cleanup();
          } finally {
            await sim.stop();
          }
        },
      };
    } catch (error) {
      await sim.stop();
      throw error;
    }
  },
  // The OpenStack adapter has every sub-port: every part of the contract runs.
  { subPorts: subPortNames },
);
