import type { networkZhCN } from './network.zh-cn';

/** UI strings of the network module, English. Must define every key of network.zh-cn.ts. */
export const networkEn: Record<keyof typeof networkZhCN, string> = {
  'network.title': 'Network',
};
