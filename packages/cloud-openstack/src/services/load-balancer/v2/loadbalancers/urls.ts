export const loadBalancersUrl = () => 'lbaas/loadbalancers';
export const loadBalancerUrl = (id: string) => `lbaas/loadbalancers/${encodeURIComponent(id)}`;
