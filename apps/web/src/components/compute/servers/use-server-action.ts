'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BodyOf, Server } from '@yunguan/contract';
import { actOnServer, deleteServer, getServer, listServers, listTasks } from '@yunguan/contract';
import { App } from 'antd';
import type { MessageKey } from '@/i18n/i18n-provider';
import { useI18n } from '@/i18n/i18n-provider';
import { callContract } from '@/lib/api';

export type ServerActionBody = BodyOf<typeof actOnServer>;

/** Post one action (or a delete) for a server; the task then shows live through SSE.
 * The caller gets the promise so a modal can stay open and show the error inline. */
export const useServerAction = () => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { server: Pick<Server, 'id'>; body: ServerActionBody | null }) => {
      const params = { id: input.server.id };
      const result =
        input.body === null
          ? await callContract(deleteServer, { params })
          : await callContract(actOnServer, { params, body: input.body });
      return result.task;
    },
    onSuccess: async (task) => {
      const verb = task.action.slice('server.'.length);
      void message.success(
        t('server.action.submitted', { action: t(`server.action.${verb}` as MessageKey) }),
      );
      await Promise.all(
        [getServer, listServers, listTasks].map((c) =>
          queryClient.invalidateQueries({ queryKey: [c.id] }),
        ),
      );
    },
  });
};
