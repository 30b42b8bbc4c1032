/** Console paths of network objects (apps/web routes), used by the topology's hrefs. */
export const consolePath = {
  network: (id: string) => `/console/network/networks/${id}`,
  subnet: (networkId: string, id: string) => `/console/network/networks/${networkId}#subnet-${id}`,
  router: (id: string) => `/console/network/routers/${id}`,
  server: (id: string) => `/console/compute/servers/${id}`,
  floatingIp: (id: string) => `/console/network/floating-ips#${id}`,
};
