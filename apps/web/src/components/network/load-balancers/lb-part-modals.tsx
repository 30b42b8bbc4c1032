'use client';

import type { LoadBalancerItem } from '@yunguan/contract';
import {
  actOnLoadBalancer,
  lbAlgorithmNames,
  lbHealthMonitorTypes,
  lbListenerProtocols,
  lbPoolProtocols,
} from '@yunguan/contract';
import { Form, Input, InputNumber, Select } from 'antd';
import { NameItem } from '@/components/common/form-items';
import { useI18n } from '@/i18n/i18n-provider';
import { TaskFormModal } from '../common/task-form-modal';

export type LbPart = 'add-listener' | 'add-pool' | 'add-member' | 'add-health-monitor';
type Values = Record<string, unknown>;
const required = (message: string) => [{ required: true, message }];

/** The form of one "add" action on a load balancer (listener, pool, member, health monitor). */
export function LbPartModal(props: {
  lb: LoadBalancerItem;
  part: LbPart | null;
  poolId?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { lb, part } = props;
  const req = required(t('common.required'));
  const titles: Record<LbPart, string> = {
    'add-listener': t('net.lb.addListener'),
    'add-pool': t('net.lb.addPool'),
    'add-member': t('net.lb.addMember'),
    'add-health-monitor': t('net.lb.addMonitor'),
  };
  const initial: Record<LbPart, Values> = {
    'add-listener': { protocol: 'HTTP', protocolPort: 80, connectionLimit: -1 },
    'add-pool': { protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN' },
    'add-member': { protocolPort: 80, weight: 1 },
    'add-health-monitor': { type: 'HTTP', delaySeconds: 5, timeoutSeconds: 3, maxRetries: 3 },
  };
  return (
    <TaskFormModal<Values>
      open={part !== null}
      onClose={props.onClose}
      title={part ? titles[part] : ''}
      form={form}
      contract={actOnLoadBalancer}
      prefix="lb-part"
      initialValues={part ? initial[part] : undefined}
      input={(v) => ({
        params: { id: lb.id },
        body: { action: part, ...(props.poolId ? { poolId: props.poolId } : {}), ...v },
      })}
    >
      {part === 'add-listener' && (
        <>
          <NameItem testId="lb-listener-name" />
          <Form.Item name="protocol" label={t('net.protocol')} rules={req}>
            <Select options={lbListenerProtocols.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          <Form.Item name="protocolPort" label={t('net.port')} rules={req}>
            <InputNumber min={1} max={65535} data-testid="lb-listener-port" />
          </Form.Item>
          <Form.Item
            name="connectionLimit"
            label={t('net.lb.connectionLimit')}
            extra={t('net.lb.connectionLimitHint')}
          >
            <InputNumber min={-1} max={1_000_000} data-testid="lb-listener-limit" />
          </Form.Item>
          <Form.Item name="defaultPoolId" label={t('net.lb.defaultPool')}>
            <Select
              allowClear
              options={lb.spec.pools.map((p) => ({ value: p.externalId, label: p.name }))}
            />
          </Form.Item>
        </>
      )}
      {part === 'add-pool' && (
        <>
          <NameItem testId="lb-pool-name" />
          <Form.Item name="protocol" label={t('net.protocol')} rules={req}>
            <Select options={lbPoolProtocols.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          <Form.Item name="lbAlgorithm" label={t('net.lb.algorithm')} rules={req}>
            <Select
              data-testid="lb-pool-algorithm"
              options={lbAlgorithmNames.map((a) => ({ value: a, label: t(`net.lb.alg.${a}`) }))}
            />
          </Form.Item>
          <Form.Item name="listenerId" label={t('net.lb.listener')}>
            <Select
              allowClear
              options={lb.spec.listeners.map((l) => ({
                value: l.externalId,
                label: `${l.name} (${l.protocol}:${l.protocolPort})`,
              }))}
            />
          </Form.Item>
        </>
      )}
      {part === 'add-member' && (
        <>
          <Form.Item name="name" label={t('common.name')}>
            <Input data-testid="lb-member-name" />
          </Form.Item>
          <Form.Item name="address" label={t('net.lb.memberAddress')} rules={req}>
            <Input data-testid="lb-member-address" placeholder="10.0.0.10" />
          </Form.Item>
          <Form.Item name="protocolPort" label={t('net.port')} rules={req}>
            <InputNumber min={1} max={65535} />
          </Form.Item>
          <Form.Item name="weight" label={t('net.lb.weight')}>
            <InputNumber min={0} max={256} />
          </Form.Item>
        </>
      )}
      {part === 'add-health-monitor' && (
        <>
          <Form.Item name="type" label={t('net.lb.monitorType')} rules={req}>
            <Select options={lbHealthMonitorTypes.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="delaySeconds" label={t('net.lb.delay')} rules={req}>
            <InputNumber min={1} max={3600} />
          </Form.Item>
          <Form.Item name="timeoutSeconds" label={t('net.lb.timeout')} rules={req}>
            <InputNumber min={1} max={3600} />
          </Form.Item>
          <Form.Item name="maxRetries" label={t('net.lb.retries')} rules={req}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="urlPath" label={t('net.lb.urlPath')}>
            <Input placeholder="/healthz" />
          </Form.Item>
        </>
      )}
    </TaskFormModal>
  );
}
