'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Contract } from '@yunguan/contract';
import { lbfwContracts, networkContracts } from '@yunguan/contract';
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';
import { applyServerIssues } from '@/lib/form-rules';
import type { TaskAcceptedBody } from './resource-types';

const ownIds = () => new Set([...networkContracts, ...lbfwContracts].map((c) => c.id));

/**
 * A create or action that answers 202 {task}: toasts "submitted", re-reads this module's
 * queries and calls `onDone`. The server's message (e.g. Neutron's "overlapping CIDR") is kept
 * on `error` word for word; field issues go onto `form` when given.
 */
export const useTaskMutation = <V>(opts: {
  contract: Contract;
  input: (values: V) => { params?: Record<string, string>; body?: unknown };
  form?: FormInstance;
  onDone?: (body: TaskAcceptedBody) => void;
  silent?: boolean;
}) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (values: V) =>
      (await callContract(opts.contract, opts.input(values) as never)) as TaskAcceptedBody,
    onSuccess: async (body) => {
      if (!opts.silent) void message.success(t('net.submitted'));
      const ids = ownIds();
      await queryClient.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === 'string' && ids.has(q.queryKey[0]),
      });
      opts.onDone?.(body);
    },
    onError: (error) => {
      if (opts.form) applyServerIssues(opts.form, error);
      else void message.error(error.message);
    },
  });
};
