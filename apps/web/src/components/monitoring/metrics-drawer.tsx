'use client';

import type { Contract } from '@yunguan/contract';
import { Button, Drawer } from 'antd';
import { useState } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { MetricPanel } from './metric-panel';

/** A "charts" button that opens one object's charts in a drawer (hosts, bare-metal nodes). */
export function MetricsDrawerButton(props: {
  title: string;
  contract: Contract;
  params: Record<string, string>;
  metrics: readonly string[];
  testId: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={props.testId}>
        {t('mon.charts')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={props.title}
        size="large"
        destroyOnHidden
      >
        {open ? (
          <MetricPanel contract={props.contract} params={props.params} metrics={props.metrics} />
        ) : null}
      </Drawer>
    </>
  );
}
