export const subnetsUrl = () => 'subnets';
export const subnetUrl = (id: string) => `subnets/${encodeURIComponent(id)}`;
