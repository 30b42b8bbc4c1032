import type { Call, ServiceClient } from '../../../../service-client';
import { createRemoteConsoleResult, type RemoteConsole } from './results';
import { remoteConsolesUrl } from './urls';

/** remote-consoles exists from 2.6. */
export const remoteConsolesMicroversion = '2.6';

export const createRemoteConsole = async (
  compute: ServiceClient,
  call: Call,
  serverId: string,
  opts: { protocol: 'vnc' | 'spice' | 'serial'; type: 'novnc' | 'spice-html5' | 'serial' },
): Promise<RemoteConsole> =>
  (
    await compute.requestJson(
      call,
      {
        method: 'POST',
        path: remoteConsolesUrl(serverId),
        body: { remote_console: opts },
        expected: [200],
        microversion: remoteConsolesMicroversion,
      },
      createRemoteConsoleResult,
    )
  ).remote_console;
