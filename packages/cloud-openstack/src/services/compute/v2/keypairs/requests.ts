import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { getKeypairResult, keypairEntrySchema, type KeyPair } from './results';
import { keypairsUrl, keypairUrl } from './urls';

/** 2.79: key type and paging; the cloud may still generate keys (removed at 2.92). */
export const keypairsMicroversion = '2.79';

export const listKeypairs = async (compute: ServiceClient, call: Call): Promise<KeyPair[]> =>
  (
    await listAll(compute, call, {
      path: keypairsUrl(),
      key: 'keypairs',
      item: keypairEntrySchema,
      microversion: keypairsMicroversion,
      pageSize: 500,
    })
  ).map((entry) => entry.keypair);

export const createKeypair = async (
  compute: ServiceClient,
  call: Call,
  opts: { name: string; public_key?: string; type?: 'ssh' | 'x509' },
): Promise<KeyPair> =>
  (
    await compute.requestJson(
      call,
      {
        method: 'POST',
        path: keypairsUrl(),
        body: { keypair: opts },
        expected: [200, 201],
        microversion: keypairsMicroversion,
      },
      getKeypairResult,
    )
  ).keypair;

export const deleteKeypair = async (compute: ServiceClient, call: Call, name: string) => {
  await compute.request(call, {
    method: 'DELETE',
    path: keypairUrl(name),
    expected: [202, 204],
    microversion: keypairsMicroversion,
  });
};
