import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import {
  createImageResult,
  createServerResult,
  getServerResult,
  instanceActionDetailResult,
  instanceActionSchema,
  serverSchema,
  type InstanceAction,
  type InstanceActionDetail,
  type Server,
} from './results';
import {
  instanceActionsUrl,
  instanceActionUrl,
  serverActionUrl,
  serversDetailUrl,
  serversUrl,
  serverUrl,
} from './urls';

/** Servers are read and written at 2.79: embedded flavors, `locked`, tags, networks required. */
export const serversMicroversion = '2.79';

export const getServer = async (compute: ServiceClient, call: Call, id: string): Promise<Server> =>
  (
    await compute.requestJson(
      call,
      { method: 'GET', path: serverUrl(id), expected: [200], microversion: serversMicroversion },
      getServerResult,
    )
  ).server;

export type ListServersQuery = {
  allTenants?: boolean;
  changesSince?: Date;
  name?: string;
};

export const listServers = (
  compute: ServiceClient,
  call: Call,
  query: ListServersQuery = {},
): Promise<Server[]> =>
  listAll(compute, call, {
    path: serversDetailUrl(),
    key: 'servers',
    item: serverSchema,
    microversion: serversMicroversion,
    pageSize: 500,
    query: {
      all_tenants: query.allTenants ? 1 : undefined,
      'changes-since': query.changesSince?.toISOString(),
      name: query.name,
    },
  });

export type BlockDevice = {
  boot_index: number;
  uuid: string;
  source_type: 'image' | 'volume' | 'snapshot' | 'blank';
  destination_type: 'volume' | 'local';
  volume_size?: number;
  delete_on_termination: boolean;
};

export type CreateServerOpts = {
  name: string;
  flavorRef: string;
  imageRef?: string;
  networks: { uuid: string }[] | 'auto' | 'none';
  security_groups?: { name: string }[];
  key_name?: string;
  /** Already base64. */
  user_data?: string;
  availability_zone?: string;
  metadata?: Record<string, string>;
  block_device_mapping_v2?: BlockDevice[];
  schedulerHints?: { group?: string };
};

export const createServer = async (
  compute: ServiceClient,
  call: Call,
  opts: CreateServerOpts,
): Promise<{ id: string }> => {
  const { schedulerHints, ...server } = opts;
  const body: Record<string, unknown> = { server };
  if (schedulerHints !== undefined) body['os:scheduler_hints'] = schedulerHints;
  const result = await compute.requestJson(
    call,
    {
      method: 'POST',
      path: serversUrl(),
      body,
      expected: [202],
      microversion: serversMicroversion,
    },
    createServerResult,
  );
  return { id: result.server.id };
};

export const deleteServer = async (compute: ServiceClient, call: Call, id: string) => {
  await compute.request(call, {
    method: 'DELETE',
    path: serverUrl(id),
    expected: [204],
    microversion: serversMicroversion,
  });
};

/** The Nova action bodies (POST /servers/{id}/action). */
export type ServerActionBody =
  | { 'os-start': null }
  | { 'os-stop': null }
  | { reboot: { type: 'SOFT' | 'HARD' } }
  | { resize: { flavorRef: string } }
  | { confirmResize: null }
  | { revertResize: null }
  | { rebuild: { imageRef: string } }
  | { createImage: { name: string; metadata?: Record<string, string> } }
  | { lock: null }
  | { unlock: null }
  | { suspend: null }
  | { resume: null }
  | { pause: null }
  | { unpause: null }
  | { migrate: { host?: string } | null }
  | { 'os-migrateLive': { host: string | null; block_migration: 'auto' } };

/** Nova answers 202 to every action here, 204 to confirmResize at some versions. */
export const serverAction = async (
  compute: ServiceClient,
  call: Call,
  id: string,
  body: ServerActionBody,
): Promise<string | undefined> => {
  const response = await compute.request(call, {
    method: 'POST',
    path: serverActionUrl(id),
    body,
    expected: [200, 202, 204],
    microversion: serversMicroversion,
  });
  if ('createImage' in body) {
    const parsed = createImageResult.safeParse(JSON.parse(response.text || '{}'));
    if (parsed.success) return parsed.data.image_id;
    const location = response.headers.get('location');
    return location?.split('/').pop();
  }
  return undefined;
};

/** Newest first, as Nova lists them. */
export const listInstanceActions = async (
  compute: ServiceClient,
  call: Call,
  id: string,
): Promise<InstanceAction[]> =>
  listAll(compute, call, {
    path: instanceActionsUrl(id),
    key: 'instanceActions',
    item: instanceActionSchema,
    microversion: serversMicroversion,
  });

export const getInstanceAction = async (
  compute: ServiceClient,
  call: Call,
  id: string,
  requestId: string,
): Promise<InstanceActionDetail> =>
  (
    await compute.requestJson(
      call,
      {
        method: 'GET',
        path: instanceActionUrl(id, requestId),
        expected: [200],
        microversion: serversMicroversion,
      },
      instanceActionDetailResult,
    )
  ).instanceAction;
