'use client';

import { useQuery } from '@tanstack/react-query';
import type { QuickStartInput } from '@yunguan/contract';
import { getTask, renderMessage, startNetworkQuickStart, subnetIssues } from '@yunguan/contract';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { NameItem } from '@/components/common/form-items';
import { PageHeader } from '@/components/common/page-header';
import { LiveBadge } from '@/components/compute/live-badge';
import { TaskCard } from '@/components/tasks/task-timeline';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { DatacenterField } from '../common/datacenter-field';
import { dropEmpty } from '../common/drop-empty';
import { useNetworkLive } from '../common/use-network-live';
import { useTaskMutation } from '../common/use-task-mutation';
import { ExternalNetworkSelect } from '../routers/external-network-select';

type Values = Omit<QuickStartInput, 'dnsNameservers' | 'openPorts'> & {
  dnsNameservers?: string[];
  openPorts?: string[];
};

const toBody = (v: Values): QuickStartInput =>
  dropEmpty({
    ...v,
    dnsNameservers: v.dnsNameservers?.length ? v.dnsNameservers : undefined,
    openPorts: v.openPorts?.length ? v.openPorts.map(Number) : undefined,
  });

/** Network, subnet, router with gateway, interface and open ports in one task, whose steps
 * (network → subnet → router → gateway → interface → rules → record) show live. */
export function QuickStartPage() {
  const { t, lang } = useI18n();
  const connected = useNetworkLive();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const [taskId, setTaskId] = useState<string | null>(null);
  const start = useTaskMutation<Values>({
    contract: startNetworkQuickStart,
    input: (v) => ({ params: { projectId: projectId ?? '' }, body: toBody(v) }),
    form,
    onDone: (body) => setTaskId(body.task.id),
  });
  const task = useQuery({
    ...queryOptionsFor(getTask, { params: { id: taskId ?? '' } }),
    enabled: taskId !== null,
  });
  const hints = values?.cidr
    ? subnetIssues({
        cidr: values.cidr,
        ...(values.gatewayIp ? { gatewayIp: values.gatewayIp } : {}),
        dnsNameservers: values.dnsNameservers ?? [],
      })
    : [];
  const ports = (values?.openPorts ?? []).filter((p) => !/^\d{1,5}$/.test(p) || Number(p) > 65535);
  const done = task.data?.status === 'succeeded';

  return (
    <>
      <PageHeader title={t('net.qs.title')} extra={<LiveBadge connected={connected} />} />
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card>
            <Typography.Paragraph type="secondary">{t('net.qs.intro')}</Typography.Paragraph>
            <ErrorAlert error={start.error} testId="qs-error" />
            <Form<Values>
              form={form}
              layout="vertical"
              disabled={taskId !== null && !task.data?.finishedAt}
              initialValues={{ cidr: '192.168.100.0/24', openPorts: ['22'] }}
              onFinish={(v) => start.mutate(v)}
              data-testid="qs-form"
            >
              <DatacenterField testId="qs-datacenter" />
              <NameItem testId="qs-name" />
              <Form.Item
                name="cidr"
                label={t('net.sub.cidr')}
                extra={t('net.sub.cidrHint')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input data-testid="qs-cidr" />
              </Form.Item>
              <Form.Item
                name="gatewayIp"
                label={t('net.sub.gateway')}
                extra={t('net.sub.gatewayAuto')}
              >
                <Input data-testid="qs-gateway" />
              </Form.Item>
              <Form.Item name="dnsNameservers" label={t('net.sub.dns')}>
                <Select
                  mode="tags"
                  tokenSeparators={[',', ' ']}
                  data-testid="qs-dns"
                  open={false}
                />
              </Form.Item>
              <Form.Item name="externalNetworkId" label={t('net.qs.externalNetwork')}>
                <ExternalNetworkSelect
                  datacenterId={values?.datacenterId}
                  testId="qs-external"
                  allowClear
                />
              </Form.Item>
              <Form.Item name="openPorts" label={t('net.qs.ports')} extra={t('net.qs.portsHint')}>
                <Select
                  mode="tags"
                  tokenSeparators={[',', ' ']}
                  data-testid="qs-ports"
                  options={['22', '80', '443', '3389'].map((p) => ({ value: p, label: p }))}
                />
              </Form.Item>
              {(hints.length > 0 || ports.length > 0) && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="qs-hints"
                  title={t('net.sub.hints')}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {hints.map((h) => (
                        <li key={`${h.path.join('.')}:${h.reason}`}>
                          {renderMessage(lang, 'VALIDATION', h.reason, h.params)}
                        </li>
                      ))}
                      {ports.map((p) => (
                        <li key={p}>{`${p}: 1–65535`}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Flex gap={8}>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={start.isPending}
                  data-testid="qs-submit"
                >
                  {t('net.qs.submit')}
                </Button>
                {task.data?.finishedAt && (
                  <Button
                    disabled={false}
                    onClick={() => {
                      setTaskId(null);
                      start.reset();
                    }}
                    data-testid="qs-again"
                  >
                    {t('net.qs.again')}
                  </Button>
                )}
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card title={t('net.qs.progress')} data-testid="qs-progress">
            <ErrorAlert error={task.error} />
            {task.data ? (
              <TaskCard task={task.data} />
            ) : (
              <Typography.Text type="secondary">{t('net.empty')}</Typography.Text>
            )}
            {done && task.data?.resourceId && (
              <Link
                href={`/console/network/networks/${task.data.resourceId}`}
                data-testid="qs-open-network"
              >
                <Button type="primary">{t('net.qs.done')}</Button>
              </Link>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
