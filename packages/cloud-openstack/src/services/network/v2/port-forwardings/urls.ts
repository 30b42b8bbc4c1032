import { floatingIpUrl } from '../floating-ips/urls';

export const portForwardingsUrl = (fipId: string) => `${floatingIpUrl(fipId)}/port_forwardings`;
export const portForwardingUrl = (fipId: string, id: string) =>
  `${portForwardingsUrl(fipId)}/${encodeURIComponent(id)}`;
