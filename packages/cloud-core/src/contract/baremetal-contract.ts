import { isCloudError, type BaremetalNodeDto, type CloudProvider } from '../index';
import { expect, it } from 'vitest';
import { baremetalOf } from './ports';

/** The test's own loop (the adapter never waits): look until the node shows `done`. */
const until = async (
  provider: CloudProvider,
  id: string,
  done: (n: BaremetalNodeDto) => boolean,
): Promise<BaremetalNodeDto> => {
  const deadline = Date.now() + 30_000;
  let node = await baremetalOf(provider).getBaremetalNode(id);
  while (!done(node) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    node = await baremetalOf(provider).getBaremetalNode(id);
  }
  return node;
};

/**
 * Bare-metal cases: where the peer runs Ironic the adapter reports `baremetal`, lists nodes and
 * moves one through power and provision states; where the catalog has no bare-metal endpoint
 * (Debian's Zed here) it reports the capability absent and calls fail as `unavailable` —
 * asserted, never skipped.
 */
export const describeBaremetalContract = (
  get: () => { provider: CloudProvider; baremetal: 'present' | 'absent'; nodeId?: string },
) => {
  it('reports the baremetal capability exactly when the catalog has Ironic', async () => {
    const { provider, baremetal, nodeId } = get();
    const found = await provider.discoverCapabilities();
    expect(found.has('baremetal')).toBe(baremetal === 'present');
    expect(found.has('server.create')).toBe(true);
    if (baremetal === 'absent') {
      const error: unknown = await baremetalOf(provider)
        .listBaremetalNodes()
        .catch((e: unknown) => e);
      expect(isCloudError(error) && error.kind).toBe('unavailable');
      return;
    }
    const nodes = await baremetalOf(provider).listBaremetalNodes();
    expect(nodes.find((n) => n.externalId === nodeId)).toMatchObject({
      provisionState: 'enroll',
      maintenance: false,
    });
  });

  it('powers a node off and on, manages and provides it (Ironic accepts, acts later)', async () => {
    const { provider, baremetal, nodeId } = get();
    if (baremetal === 'absent') {
      const error: unknown = await baremetalOf(provider)
        .setBaremetalPower('00000000-0000-4000-8000-000000000000', 'off')
        .catch((e: unknown) => e);
      expect(isCloudError(error) && error.kind).toBe('unavailable');
      return;
    }
    const id = nodeId ?? '';
    await baremetalOf(provider).setBaremetalPower(id, 'off');
    expect((await until(provider, id, (n) => n.powerState === 'power off')).powerState).toBe(
      'power off',
    );
    await baremetalOf(provider).setBaremetalPower(id, 'on');
    expect((await until(provider, id, (n) => n.powerState === 'power on')).powerState).toBe(
      'power on',
    );
    await baremetalOf(provider).setBaremetalProvision(id, 'manage');
    const managed = await until(provider, id, (n) => n.targetProvisionState === null);
    expect(managed.provisionState).toBe('manageable');
    await baremetalOf(provider).setBaremetalProvision(id, 'provide');
    const provided = await until(provider, id, (n) => n.targetProvisionState === null);
    expect(provided.provisionState).toBe('available');
  }, 60_000);
};
