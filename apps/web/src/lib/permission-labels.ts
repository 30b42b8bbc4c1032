import type { Permission } from '@yunguan/domain';
import type { MessageKey, Translate } from '@/i18n/i18n-provider';

export type PermissionEntity =
  | 'department'
  | 'project'
  | 'user'
  | 'role'
  | 'quota'
  | 'audit'
  | 'resource'
  | 'datacenter'
  | 'notification';

export const entityOf = (permission: Permission): PermissionEntity =>
  permission.split('.')[0] as PermissionEntity;

/** "department.create" → "创建" (the verb part; the entity is the group heading). */
export const actionLabel = (permission: Permission, t: Translate): string => {
  const action = permission.slice(permission.indexOf('.') + 1);
  return t(`perm.${action}` as MessageKey);
};

export const permissionLabel = (permission: Permission, t: Translate): string =>
  `${t(`entity.${entityOf(permission)}`)} · ${actionLabel(permission, t)}`;
