import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

type SimFile = {
  identity: { projects: Record<string, { id: string; name: string }> };
  compute: { servers: Record<string, unknown>[]; flavors: Record<string, unknown>[] };
};

/**
 * N servers in the admin project, cloned field by field from the sim's own shape. SHUTOFF, not
 * ACTIVE: the sim runs a VNC server (and a 1 MB framebuffer) per ACTIVE instance, which 10,000
 * instances would turn into a console benchmark.
 */
export const fillServers = async (stateFile: string, count: number) => {
  const state = JSON.parse(await readFile(stateFile, 'utf8')) as SimFile;
  const project = Object.values(state.identity.projects).find((p) => p.name === 'admin')!;
  const flavor = state.compute.flavors[0]!;
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    state.compute.servers.push({
      id: randomUUID(),
      name: `bench-${String(i).padStart(5, '0')}`,
      projectId: project.id,
      userId: 'bench',
      status: 'SHUTOFF',
      vmState: 'stopped',
      taskState: null,
      powerState: 4,
      flavor: {
        id: flavor.id,
        name: flavor.name,
        vcpus: flavor.vcpus,
        ram: flavor.ram,
        disk: flavor.disk,
        ephemeral: flavor.ephemeral,
        swap: flavor.swap,
        extraSpecs: flavor.extraSpecs,
      },
      oldFlavor: null,
      imageRef: '',
      host: `compute-0${(i % 8) + 1}`,
      previousHost: null,
      availabilityZone: 'az-1',
      requestedAz: null,
      keyName: null,
      userData: null,
      metadata: { tier: i % 2 ? 'web' : 'db' },
      addresses: [],
      userPortIds: [],
      volumes: [],
      groupId: null,
      fault: null,
      locked: false,
      lockedReason: null,
      description: null,
      createdAt: now,
      updatedAt: now,
      launchedAt: now,
      terminatedAt: null,
      deleted: false,
      reservationId: `r-${i}`,
      launchIndex: 0,
      adminPass: null,
    });
  }
  await writeFile(stateFile, JSON.stringify(state));
};
