export const remoteConsolesUrl = (serverId: string) =>
  `servers/${encodeURIComponent(serverId)}/remote-consoles`;
