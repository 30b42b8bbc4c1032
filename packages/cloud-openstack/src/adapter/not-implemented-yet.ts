import { CloudError } from '@yunguan/cloud-core';

/** Scaffolding while a port's verbs are written (M1.5): every verb throws. Removed once done. */
export const notImplementedYet = <T extends object>(service: string): T =>
  new Proxy({} as T, {
    get: (_target, verb) => () =>
      Promise.reject(
        new CloudError({
          kind: 'unexpected',
          provider: 'openstack',
          service,
          method: 'n/a',
          url: String(verb),
          expected: [],
          actual: 0,
          upstreamMessage: `${String(verb)} is not written yet`,
        }),
      ),
  });
