export const healthMonitorsUrl = () => 'lbaas/healthmonitors';
export const healthMonitorUrl = (id: string) => `lbaas/healthmonitors/${encodeURIComponent(id)}`;
