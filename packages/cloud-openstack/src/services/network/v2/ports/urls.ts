export const portsUrl = () => 'ports';
export const portUrl = (id: string) => `ports/${encodeURIComponent(id)}`;
