'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { applyServerIssues } from '@/lib/form-rules';

/** Contracts whose cached queries a mutation makes stale. */
type Stale = readonly { id: string }[];

const useInvalidate = () => {
  const queryClient = useQueryClient();
  return async (stale: Stale) => {
    for (const contract of stale) {
      await queryClient.invalidateQueries({ queryKey: [contract.id] });
    }
  };
};

/** A form's save: on success toast `successText` (if any), refresh `stale` and call
 * `onSaved`; on failure put the server's field issues onto the form. */
export const useSaveMutation = <V, R>(
  form: FormInstance<V>,
  opts: {
    save: (values: V) => Promise<R>;
    stale: Stale;
    successText?: string;
    onSaved?: (result: R) => void;
  },
) => {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: opts.save,
    onSuccess: async (result) => {
      if (opts.successText) void message.success(opts.successText);
      await invalidate(opts.stale);
      opts.onSaved?.(result);
    },
    onError: (error) => applyServerIssues(form, error),
  });
};

/** A row's delete: toast `successText` and refresh `stale`, or toast the error. */
export const useRemoveMutation = (
  remove: (id: string) => Promise<unknown>,
  opts: { stale: Stale; successText: string },
) => {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      void message.success(opts.successText);
      await invalidate(opts.stale);
    },
    onError: (error) => void message.error(error.message),
  });
};
