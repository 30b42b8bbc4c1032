export const floatingIpsUrl = () => 'floatingips';
export const floatingIpUrl = (id: string) => `floatingips/${encodeURIComponent(id)}`;
