'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Task } from '@yunguan/contract';
import {
  getVolume,
  listTasks,
  listVolumeBackups,
  listVolumeSnapshots,
  listVolumes,
} from '@yunguan/contract';
import { App } from 'antd';
import { useI18n } from '@/i18n/i18n-provider';
import { storageActionLabel } from '../storage-status-tag';

/** Lists and details a storage task changes. */
export const storageQueries = [
  listVolumes,
  getVolume,
  listVolumeSnapshots,
  listVolumeBackups,
  listTasks,
] as const;

/** Run one storage call that answers 202 {task}: toast "submitted", refresh what it changes;
 * the task then shows live. Errors stay with the caller (a dialog shows them inline). */
export const useStorageTask = <I>(call: (input: I) => Promise<{ task: Task }>) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: I) => (await call(input)).task,
    onSuccess: async (task) => {
      void message.success(t('storage.submitted', { action: storageActionLabel(t, task.action) }));
      await Promise.all(
        storageQueries.map((c) => queryClient.invalidateQueries({ queryKey: [c.id] })),
      );
    },
  });
};
