'use client';

import type { MenuKey, Permission } from '@yunguan/domain';
import { menuKeys } from '@yunguan/domain';
import { Checkbox, Flex, Typography } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { actionLabel, entityOf } from '@/lib/permission-labels';
import type { PermissionEntity } from '@/lib/permission-labels';

type PickerProps<T extends string> = {
  value?: T[];
  onChange?: (value: T[]) => void;
  disabled?: boolean;
};

/** Permission checkboxes grouped by entity (department, project, user, …). */
export function PermissionPicker(
  props: PickerProps<Permission> & { options: readonly Permission[] },
) {
  const { t } = useI18n();
  const value = props.value ?? [];
  const groups = new Map<PermissionEntity, Permission[]>();
  for (const permission of props.options) {
    const entity = entityOf(permission);
    groups.set(entity, [...(groups.get(entity) ?? []), permission]);
  }

  const setGroup = (entity: PermissionEntity, picked: Permission[]) => {
    const others = value.filter((p) => entityOf(p) !== entity);
    props.onChange?.([...others, ...picked]);
  };

  return (
    <Flex vertical gap={6} data-testid="role-form-permissions">
      {[...groups].map(([entity, permissions]) => (
        <Flex key={entity} gap={12} align="baseline" wrap>
          <Typography.Text strong style={{ width: 72 }}>
            {t(`entity.${entity}`)}
          </Typography.Text>
          <Checkbox.Group<Permission>
            disabled={props.disabled}
            value={value.filter((p) => entityOf(p) === entity)}
            onChange={(picked) => setGroup(entity, picked)}
            options={permissions.map((p) => ({
              value: p,
              label: <span data-testid={`perm-${p}`}>{actionLabel(p, t)}</span>,
            }))}
          />
        </Flex>
      ))}
    </Flex>
  );
}

/** Which console menus the role shows. */
export function MenuPicker(props: PickerProps<MenuKey>) {
  const { t } = useI18n();
  return (
    <Checkbox.Group<MenuKey>
      disabled={props.disabled}
      value={props.value ?? []}
      onChange={(picked) => props.onChange?.(picked)}
      options={menuKeys.map((key) => ({
        value: key,
        label: <span data-testid={`menu-option-${key}`}>{t(`menu.${key}`)}</span>,
      }))}
      data-testid="role-form-menus"
    />
  );
}
