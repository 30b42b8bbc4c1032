export const nodesDetailUrl = () => 'nodes/detail';
export const nodeUrl = (id: string) => `nodes/${encodeURIComponent(id)}`;
export const nodePowerStateUrl = (id: string) => `nodes/${encodeURIComponent(id)}/states/power`;
export const nodeProvisionStateUrl = (id: string) =>
  `nodes/${encodeURIComponent(id)}/states/provision`;
