import { poolUrl } from '../pools/urls';

export const membersUrl = (poolId: string) => `${poolUrl(poolId)}/members`;
export const memberUrl = (poolId: string, id: string) =>
  `${membersUrl(poolId)}/${encodeURIComponent(id)}`;
