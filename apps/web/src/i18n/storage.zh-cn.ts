/** UI strings of the storage module (M1.5), Simplified Chinese. Spread into zh-cn.ts; keys are
 * shared with storage.en.ts. */
export const storageZhCN = {
  'storage.title': '存储',
};
