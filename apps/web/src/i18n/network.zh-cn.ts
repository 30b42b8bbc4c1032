/** UI strings of the network module (M1.5), Simplified Chinese. Spread into zh-cn.ts; keys are
 * shared with network.en.ts. */
export const networkZhCN = {
  'network.title': '网络',
};
