export const domainsUrl = () => 'domains';
export const domainUrl = (id: string) => `domains/${encodeURIComponent(id)}`;
