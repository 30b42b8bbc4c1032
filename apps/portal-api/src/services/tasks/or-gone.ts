import { isCloudError } from '@yunguan/cloud-core';

/** The cloud read a wait loop makes; null once the object is gone (the cloud says not-found). */
export const orGone = async <T>(read: () => Promise<T>): Promise<T | null> => {
  try {
    return await read();
  } catch (error) {
    if (isCloudError(error) && error.kind === 'not-found') return null;
    throw error;
  }
};
