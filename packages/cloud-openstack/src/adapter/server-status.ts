import type { ServerStatus } from '@yunguan/cloud-core';

const byNovaStatus: Record<string, ServerStatus> = {
  ACTIVE: 'active',
  BUILD: 'building',
  DELETED: 'deleted',
  SOFT_DELETED: 'deleted',
  ERROR: 'error',
  HARD_REBOOT: 'rebooting',
  REBOOT: 'rebooting',
  MIGRATING: 'migrating',
  PASSWORD: 'active',
  PAUSED: 'paused',
  REBUILD: 'rebuilding',
  RESCUE: 'active',
  RESIZE: 'resizing',
  REVERT_RESIZE: 'reverting-resize',
  SHELVED: 'shelved',
  SHELVED_OFFLOADED: 'shelved',
  SHUTOFF: 'stopped',
  SUSPENDED: 'suspended',
  UNKNOWN: 'unknown',
  VERIFY_RESIZE: 'verify-resize',
};

/**
 * Nova's status (with task_state, which moves first) as our ServerStatus. A `deleting` task
 * wins over any status; `migrating` / `resize_*` tasks on an ACTIVE server mean it is moving.
 */
export const serverStatusOf = (
  status: string,
  taskState: string | null | undefined,
): ServerStatus => {
  if (taskState === 'deleting' || taskState === 'soft-deleting') return 'deleting';
  const mapped = byNovaStatus[status.toUpperCase()] ?? 'unknown';
  if (mapped === 'active' && taskState === 'migrating') return 'migrating';
  if (mapped === 'active' && taskState?.startsWith('resize_') === true) return 'resizing';
  if (mapped === 'active' && taskState?.startsWith('rebuild') === true) return 'rebuilding';
  if (mapped === 'active' && taskState?.startsWith('reboot') === true) return 'rebooting';
  return mapped;
};
