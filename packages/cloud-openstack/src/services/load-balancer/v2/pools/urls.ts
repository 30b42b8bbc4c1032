export const poolsUrl = () => 'lbaas/pools';
export const poolUrl = (id: string) => `lbaas/pools/${encodeURIComponent(id)}`;
