export const networksUrl = () => 'networks';
export const networkUrl = (id: string) => `networks/${encodeURIComponent(id)}`;
