import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { nodeSchema, type Node } from './results';
import { nodePowerStateUrl, nodeProvisionStateUrl, nodesDetailUrl, nodeUrl } from './urls';

/**
 * Pinned Ironic API version for every node call: 1.58 (Train) has `states/provision` verbs
 * manage/provide/inspect/clean/active/deleted and `rebooting`, and every field we read.
 */
export const ironicVersion = '1.58';

export const listNodes = (baremetal: ServiceClient, call: Call): Promise<Node[]> =>
  listAll(baremetal, call, {
    path: nodesDetailUrl(),
    key: 'nodes',
    item: nodeSchema,
    pageSize: 200,
    microversion: ironicVersion,
  });

export const getNode = (baremetal: ServiceClient, call: Call, id: string): Promise<Node> =>
  baremetal.requestJson(
    call,
    { method: 'GET', path: nodeUrl(id), expected: [200], microversion: ironicVersion },
    nodeSchema,
  );

/** `target`: `power on`, `power off`, `rebooting`. Ironic answers 202 and acts later. */
export const setNodePowerState = async (
  baremetal: ServiceClient,
  call: Call,
  id: string,
  target: 'power on' | 'power off' | 'rebooting',
) => {
  await baremetal.request(call, {
    method: 'PUT',
    path: nodePowerStateUrl(id),
    body: { target },
    expected: [202],
    microversion: ironicVersion,
  });
};

export type ProvisionTarget = {
  target: 'manage' | 'provide' | 'active' | 'deleted' | 'clean' | 'inspect';
  clean_steps?: { interface: string; step: string; args?: Record<string, unknown> }[];
};

/** Move a node through Ironic's provision state machine. 202; states change later. */
export const setNodeProvisionState = async (
  baremetal: ServiceClient,
  call: Call,
  id: string,
  body: ProvisionTarget,
) => {
  await baremetal.request(call, {
    method: 'PUT',
    path: nodeProvisionStateUrl(id),
    body,
    expected: [202],
    microversion: ironicVersion,
  });
};

/** Enroll a node (admin). Used by fixtures; the portal does not enroll hardware yet. */
export const createNode = (
  baremetal: ServiceClient,
  call: Call,
  opts: { name: string; driver: string; resource_class?: string },
): Promise<Node> =>
  baremetal.requestJson(
    call,
    { method: 'POST', path: 'nodes', body: opts, expected: [201], microversion: ironicVersion },
    nodeSchema,
  );

export const deleteNode = async (baremetal: ServiceClient, call: Call, id: string) => {
  await baremetal.request(call, {
    method: 'DELETE',
    path: nodeUrl(id),
    expected: [204],
    microversion: ironicVersion,
  });
};
