import { z } from 'zod';

export const remoteConsoleSchema = z.looseObject({
  protocol: z.string(),
  type: z.string(),
  url: z.string(),
});
export type RemoteConsole = z.infer<typeof remoteConsoleSchema>;

export const createRemoteConsoleResult = z.looseObject({ remote_console: remoteConsoleSchema });
