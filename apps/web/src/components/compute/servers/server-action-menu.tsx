'use client';

import { DownOutlined } from '@ant-design/icons';
import type { Server } from '@yunguan/contract';
import { adminServerActions, datacenterCanRun } from '@yunguan/contract';
import { Button, Dropdown, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { useDatacenterCapabilities } from '@/lib/datacenter-capabilities';
import { useCan } from '@/lib/me-context';

/** What a menu entry opens: the action plus, for reboot, its kind. */
export type MenuAction =
  | 'start'
  | 'stop'
  | 'reboot-soft'
  | 'reboot-hard'
  | 'resize'
  | 'confirm-resize'
  | 'revert-resize'
  | 'rebuild'
  | 'snapshot'
  | 'lock'
  | 'unlock'
  | 'suspend'
  | 'resume'
  | 'pause'
  | 'unpause'
  | 'migrate'
  | 'live-migrate'
  | 'delete';

/** Menu entries in display order, grouped (null = divider). */
const layout: (MenuAction | null)[] = [
  'start',
  'stop',
  'reboot-soft',
  'reboot-hard',
  null,
  'resize',
  'confirm-resize',
  'revert-resize',
  'rebuild',
  'snapshot',
  null,
  'lock',
  'unlock',
  'suspend',
  'resume',
  'pause',
  'unpause',
  null,
  'migrate',
  'live-migrate',
  null,
  'delete',
];

/** The API's action name behind a menu entry. */
export const apiAction = (action: MenuAction): string =>
  action === 'reboot-soft' || action === 'reboot-hard' ? 'reboot' : action;

/** Which entries this user may use on this server right now: the state allows it (the API's
 * `allowedActions`), no other task runs on it, the user has `resource.use` (and `compute.admin`
 * for migrations), and the server's datacenter can do it (its `capabilities`, when known). */
export const useAvailableActions = (
  server: Pick<Server, 'allowedActions' | 'activeTask' | 'datacenterId' | 'status'> | undefined,
): Set<MenuAction> => {
  const capabilities = useDatacenterCapabilities(server?.datacenterId);
  const canUse = useCan('resource.use');
  const isComputeAdmin = useCan('compute.admin');
  const available = new Set<MenuAction>();
  if (!canUse || !server) return available;
  for (const action of layout) {
    if (action === null) continue;
    const api = apiAction(action);
    if (!server.allowedActions.includes(api)) continue;
    if (server.activeTask && action !== 'delete') continue;
    // A soft reboot asks the guest to restart: only a running one can. A hard reboot of a
    // stopped, paused or failed server is how the cloud brings it back, so it stays.
    if (action === 'reboot-soft' && server.status !== 'active') continue;
    if ((adminServerActions as readonly string[]).includes(api) && !isComputeAdmin) continue;
    if (capabilities && !datacenterCanRun(capabilities, api)) continue;
    available.add(action);
  }
  return available;
};

/** The row's "more" menu: every action, the ones not available now greyed out. */
export function ServerActionMenu(props: {
  server: Server;
  onAction: (action: MenuAction) => void;
  size?: 'small' | 'middle';
}) {
  const { server, onAction } = props;
  const { t } = useI18n();
  const available = useAvailableActions(server);
  const isComputeAdmin = useCan('compute.admin');
  const items: MenuProps['items'] = [];
  layout.forEach((action, index) => {
    if (action === null) {
      if (items.length > 0 && items.at(-1)?.type !== 'divider')
        items.push({ type: 'divider', key: `d${index}` });
      return;
    }
    // Migrations are not even listed for people who can never run them.
    if (adminServerActions.includes(apiAction(action) as 'migrate') && !isComputeAdmin) return;
    items.push({
      key: action,
      danger: action === 'delete',
      disabled: !available.has(action),
      label: (
        <span data-testid={`server-action-${action}`}>
          {t(`server.action.${action}` as MessageKey)}
        </span>
      ),
    });
  });
  const button = (
    <Dropdown
      trigger={['click']}
      menu={{ items, onClick: ({ key }) => onAction(key as MenuAction) }}
    >
      <Button
        type="link"
        size={props.size ?? 'small'}
        data-testid={`server-actions-${server.name}`}
      >
        {t('server.more')} <DownOutlined />
      </Button>
    </Dropdown>
  );
  return server.activeTask ? (
    <Tooltip
      title={t('server.busy', {
        action: t(
          `server.action.${server.activeTask.action.replace(/^server\./, '')}` as MessageKey,
        ),
      })}
    >
      {button}
    </Tooltip>
  ) : (
    button
  );
}
