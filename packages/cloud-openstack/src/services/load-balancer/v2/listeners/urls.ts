export const listenersUrl = () => 'lbaas/listeners';
export const listenerUrl = (id: string) => `lbaas/listeners/${encodeURIComponent(id)}`;
