const id = (serverId: string) => encodeURIComponent(serverId);

export const serversUrl = () => 'servers';
export const serversDetailUrl = () => 'servers/detail';
export const serverUrl = (serverId: string) => `servers/${id(serverId)}`;
export const serverActionUrl = (serverId: string) => `servers/${id(serverId)}/action`;
export const instanceActionsUrl = (serverId: string) =>
  `servers/${id(serverId)}/os-instance-actions`;
export const instanceActionUrl = (serverId: string, requestId: string) =>
  `servers/${id(serverId)}/os-instance-actions/${encodeURIComponent(requestId)}`;
