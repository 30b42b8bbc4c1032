'use client';

import { DownOutlined } from '@ant-design/icons';
import type { Volume } from '@yunguan/contract';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { useCan } from '@/lib/me-context';
import type { VolumeMenuAction } from './volume-actions';
import { useDatacenterOffers, useVolumeActions, volumeMenuActions } from './volume-actions';

/** A volume's "more" menu: every action the datacenter offers, greyed out where the status,
 * a running task or the user's permission do not allow it now. */
export function VolumeActionMenu(props: {
  volume: Volume;
  onAction: (action: VolumeMenuAction) => void;
  size?: 'small' | 'middle';
}) {
  const { volume, onAction } = props;
  const { t } = useI18n();
  const available = useVolumeActions(volume);
  const offers = useDatacenterOffers(volume.datacenterId);
  const canUse = useCan('resource.use');
  if (!canUse) return null;
  const items: MenuProps['items'] = volumeMenuActions
    .filter((action) => offers(action))
    .flatMap((action) => [
      ...(action === 'delete' ? [{ type: 'divider' as const, key: 'd' }] : []),
      {
        key: action,
        danger: action === 'delete',
        disabled: !available.has(action),
        label: <span data-testid={`volume-action-${action}`}>{t(`volume.action.${action}`)}</span>,
      },
    ]);
  return (
    <Dropdown
      trigger={['click']}
      menu={{ items, onClick: ({ key }) => onAction(key as VolumeMenuAction) }}
    >
      <Button
        type="link"
        size={props.size ?? 'small'}
        data-testid={`volume-actions-${volume.name}`}
      >
        {t('storage.more')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
