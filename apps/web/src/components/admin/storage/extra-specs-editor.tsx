'use client';

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { listStoragePools } from '@yunguan/contract';
import { Button, Flex, Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { queryOptionsFor } from '@/lib/api';

export type SpecRow = { key?: string; value?: string };

/** Storage backends the presets point volume_backend_name at. */
export const presets = ['gold', 'silver', 'bronze'] as const;
export const BACKEND_KEY = 'volume_backend_name';
const keyPattern = /^[A-Za-z0-9_:.-]{1,255}$/;

export const rowsOf = (specs: Record<string, string>): SpecRow[] =>
  Object.entries(specs).map(([key, value]) => ({ key, value }));

export const specsOf = (rows: readonly SpecRow[] | undefined): Record<string, string> =>
  Object.fromEntries(
    (rows ?? []).filter((r) => r.key?.trim()).map((r) => [r.key?.trim() ?? '', r.value ?? '']),
  );

/** Set volume_backend_name to a preset's backend (the row is added when missing). */
export const applyPreset = (form: FormInstance, preset: string): void => {
  const rows = (form.getFieldValue('specs') as SpecRow[] | undefined) ?? [];
  const at = rows.findIndex((r) => r.key === BACKEND_KEY);
  const next =
    at === -1
      ? [...rows, { key: BACKEND_KEY, value: preset }]
      : rows.map((r, i) => (i === at ? { ...r, value: preset } : r));
  form.setFieldsValue({ specs: next });
};

/** The preset picker above the editor: the gold / silver / bronze tiers, and the backends the
 * datacenter's storage pools report (so a type can point at a backend that exists). Options are
 * `<testId>-<value>`. */
export function PresetSelect(props: { form: FormInstance; datacenterId: string; testId: string }) {
  const { t } = useI18n();
  const { form, testId } = props;
  const pools = useQuery({
    ...queryOptionsFor(listStoragePools, { params: { id: props.datacenterId } }),
    enabled: props.datacenterId !== '',
  });
  const backends = [
    ...new Set(
      (pools.data?.items ?? [])
        .map((p) => p.volumeBackendName)
        .filter((b): b is string => Boolean(b)),
    ),
  ].filter((b) => !(presets as readonly string[]).includes(b));
  const option = (value: string) => ({
    value,
    label: <span data-testid={`${testId}-${value}`}>{value}</span>,
  });
  return (
    <Form.Item label={t('volumeType.preset')} extra={t('volumeType.presetHelp')}>
      <Select
        allowClear
        style={{ width: 240 }}
        onChange={(value?: string) => value && applyPreset(form, value)}
        data-testid={testId}
        options={[
          { label: t('volumeType.presetTiers'), options: presets.map(option) },
          ...(backends.length
            ? [{ label: t('volumeType.presetBackends'), options: backends.map(option) }]
            : []),
        ]}
      />
    </Form.Item>
  );
}

/** Key / value rows of a volume type's extra specs (the form field `specs`); inputs are
 * `<testId>-key-<n>` and `<testId>-value-<n>`. */
export function ExtraSpecsEditor({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('volumeType.extraSpecs')}>
      <Form.List name="specs">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'key']}
                  style={{ flex: 1, marginBottom: 8 }}
                  rules={[
                    { required: true, message: t('common.required') },
                    { pattern: keyPattern, message: t('volumeType.specKeyRule') },
                    ({ getFieldValue }) => ({
                      validator: (_rule, value?: string) => {
                        const rows = (getFieldValue('specs') as SpecRow[] | undefined) ?? [];
                        const dup = rows.some((r, i) => i !== index && r.key === value);
                        return dup
                          ? Promise.reject(new Error(t('volumeType.specDuplicate')))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <Input
                    placeholder={t('volumeType.specKey')}
                    maxLength={255}
                    data-testid={`${testId}-key-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} style={{ flex: 1, marginBottom: 8 }}>
                  <Input
                    placeholder={t('volumeType.specValue')}
                    maxLength={255}
                    data-testid={`${testId}-value-${index}`}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.delete')}
                  data-testid={`${testId}-remove-${index}`}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ key: '', value: '' })}
              data-testid={`${testId}-add`}
            >
              {t('volumeType.addSpec')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
