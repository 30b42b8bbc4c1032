'use client';

import type { ReactNode } from 'react';
import { DetailShell } from '@/components/common/detail-shell';
import { useI18n } from '@/i18n/i18n-provider';
import { ResourceStatusTag } from './resource-status-tag';
import type { ResourceRow } from './resource-types';

/** Back link, name, live status (with the running task) and the page's buttons: the shared
 * detail shell with a network object's status. */
export function DetailHeader(props: {
  row: ResourceRow;
  back: string;
  prefix: string;
  connected: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const { row, prefix } = props;
  return (
    <DetailShell
      back={props.back}
      backLabel={t('net.back')}
      title={row.name || row.externalId}
      titleTestId={`${prefix}-detail-name`}
      status={
        <ResourceStatusTag
          status={row.status}
          activeTask={row.activeTask}
          testId={`${prefix}-detail-status`}
        />
      }
      connected={props.connected}
      deleted={row.deletedAt !== null}
      actions={props.extra}
    >
      {null}
    </DetailShell>
  );
}
