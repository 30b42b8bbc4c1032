/**
 * Which datacenter capability a server action needs (the provider's `capabilities`, as listed
 * by GET /api/v1/catalog/datacenters). Mirrors cloud-core's capabilityOfAction so the web can
 * gate actions without importing cloud-core; a portal-api unit test keeps the two equal.
 * Actions not listed (delete) need no capability.
 */
export const capabilityOfServerAction: Readonly<Record<string, string>> = {
  start: 'server.start-stop',
  stop: 'server.start-stop',
  reboot: 'server.reboot',
  resize: 'server.resize',
  'confirm-resize': 'server.resize',
  'revert-resize': 'server.resize',
  rebuild: 'server.rebuild',
  snapshot: 'server.snapshot',
  lock: 'server.lock',
  unlock: 'server.lock',
  suspend: 'server.suspend',
  resume: 'server.suspend',
  pause: 'server.pause',
  unpause: 'server.pause',
  migrate: 'server.migrate',
  'live-migrate': 'server.live-migrate',
};

/** The capability behind a server's console. */
export const consoleCapability = 'server.console';

/** Whether a datacenter with these capabilities can run a server action. */
export const datacenterCanRun = (capabilities: readonly string[], action: string): boolean => {
  const needed = capabilityOfServerAction[action];
  return needed === undefined || capabilities.includes(needed);
};
