import { can, DomainError, platformTarget, type Principal } from '@yunguan/domain';

/** Making an image public shows it to every project of the datacenter: platform admins only. */
export const assertMayPublish = (principal: Principal, visibility: string | undefined): void => {
  if (visibility !== 'public' || can(principal, 'compute.admin', platformTarget)) return;
  throw new DomainError('FORBIDDEN', 'public images need compute.admin', {
    reason: 'image_public_admin_only',
  });
};

/** "20 GiB", "512 MiB": how limits are shown to people. */
export const formatBytes = (bytes: number): string => {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
};
