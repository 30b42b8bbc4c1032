export const poolsUrl = () => 'scheduler-stats/get_pools';
