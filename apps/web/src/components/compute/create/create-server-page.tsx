'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createServer, listServers, listTasks } from '@yunguan/contract';
import { App, Button, Card, Empty, Flex, Form, Steps } from 'antd';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorAlert } from '@/components/common/error-alert';
import { PageHeader } from '@/components/common/page-header';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { useCurrentProject } from '@/lib/current-project';
import { applyServerIssues } from '@/lib/form-rules';
import { useMe } from '@/lib/me-context';
import { WizardSummary } from './wizard-summary';
import { AccessStep, BasicsStep, FlavorStep, ImageStep, NetworkStep } from './wizard-steps';
import type { WizardValues } from './wizard-values';
import { initialValues, stepFields, toCreateBody, wizardSteps } from './wizard-values';

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? `web-${crypto.randomUUID()}`
    : `web-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Create servers in the current project, step by step; the summary submits and the list
 * then shows the new servers coming up live. */
export function CreateServerPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { projects } = useMe();
  const { projectId } = useCurrentProject();
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  // One key per wizard: a double click or a retry after a timeout creates nothing twice.
  const [idempotencyKey] = useState(newKey);
  const datacenterId = Form.useWatch('datacenterId', form) ?? '';
  const project = projects.find((p) => p.id === projectId);

  const mutation = useMutation({
    mutationFn: (values: WizardValues) =>
      callContract(createServer, {
        params: { projectId: projectId ?? '' },
        body: toCreateBody(values, idempotencyKey),
      }),
    onSuccess: async (result) => {
      void message.success(t('wizard.submitted', { count: result.tasks.length }));
      await queryClient.invalidateQueries({ queryKey: [listServers.id] });
      await queryClient.invalidateQueries({ queryKey: [listTasks.id] });
      router.push('/console/compute/servers');
    },
    onError: (error) => applyServerIssues(form, error),
  });

  if (!projectId || !project) return <Empty description={t('compute.noProject')} />;
  const current = wizardSteps[step] ?? 'summary';
  const where = { datacenterId, projectId };

  const next = async () => {
    try {
      await form.validateFields(stepFields[current]);
      setStep((s) => Math.min(s + 1, wizardSteps.length - 1));
    } catch {
      // antd shows the messages under the fields.
    }
  };
  const submit = async () => {
    try {
      const values = await form.validateFields();
      mutation.mutate({
        ...initialValues,
        ...form.getFieldsValue(true),
        ...values,
      } as WizardValues);
    } catch {
      // Jump back to the first step with an error.
      const errors = form.getFieldsError().filter((f) => f.errors.length > 0);
      const first = wizardSteps.findIndex((s) =>
        stepFields[s].some((name) => errors.some((e) => e.name[0] === name)),
      );
      if (first >= 0) setStep(first);
    }
  };

  const show = (s: (typeof wizardSteps)[number]) => ({ display: current === s ? 'block' : 'none' });
  return (
    <>
      <PageHeader
        title={`${t('server.create')} · ${project.departmentName} / ${project.name}`}
        extra={
          <Button
            onClick={() => router.push('/console/compute/servers')}
            data-testid="wizard-cancel"
          >
            {t('common.cancel')}
          </Button>
        }
      />
      <Card>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          onChange={(s) => s < step && setStep(s)}
          items={wizardSteps.map((s) => ({
            title: (
              <span data-testid={`wizard-step-${s}`}>{t(`wizard.step.${s}` as MessageKey)}</span>
            ),
          }))}
        />
        <Form<WizardValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          style={{ maxWidth: 880 }}
          data-testid="server-wizard"
        >
          <div style={show('basics')}>
            <BasicsStep datacenterId={datacenterId} />
          </div>
          <div style={show('flavor')}>
            <FlavorStep datacenterId={datacenterId} />
          </div>
          <div style={show('image')}>
            <ImageStep {...where} />
          </div>
          <div style={show('network')}>
            <NetworkStep {...where} />
          </div>
          <div style={show('access')}>
            <AccessStep {...where} />
          </div>
          {current === 'summary' && (
            <>
              <ErrorAlert error={mutation.error} testId="wizard-error" />
              <WizardSummary values={form.getFieldsValue(true) as WizardValues} {...where} />
            </>
          )}
        </Form>
        <Flex gap={8} style={{ marginTop: 24 }}>
          {step > 0 && (
            <Button onClick={() => setStep(step - 1)} data-testid="wizard-prev">
              {t('wizard.prev')}
            </Button>
          )}
          {current !== 'summary' ? (
            <Button type="primary" onClick={() => void next()} data-testid="wizard-next">
              {t('wizard.next')}
            </Button>
          ) : (
            <Button
              type="primary"
              loading={mutation.isPending}
              onClick={() => void submit()}
              data-testid="wizard-submit"
            >
              {t('wizard.submit')}
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}
