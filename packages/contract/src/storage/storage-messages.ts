/** Reasons of the storage API and its tasks (M1.5), merged into messages.ts. */
export const storageMessagesEn: Record<string, (p: Record<string, string | number>) => string> = {};
export const storageMessagesZh: Record<string, (p: Record<string, string | number>) => string> = {};
