export const routersUrl = () => 'routers';
export const routerUrl = (id: string) => `routers/${encodeURIComponent(id)}`;
export const addInterfaceUrl = (id: string) => `${routerUrl(id)}/add_router_interface`;
export const removeInterfaceUrl = (id: string) => `${routerUrl(id)}/remove_router_interface`;
