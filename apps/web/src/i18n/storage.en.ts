import type { storageZhCN } from './storage.zh-cn';

/** UI strings of the storage module, English. Must define every key of storage.zh-cn.ts. */
export const storageEn: Record<keyof typeof storageZhCN, string> = {
  'storage.title': 'Storage',
};
