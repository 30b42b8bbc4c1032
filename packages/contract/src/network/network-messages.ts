/** Reasons of the network API and its tasks (M1.5), merged into messages.ts. */
export const networkMessagesEn: Record<string, (p: Record<string, string | number>) => string> = {};
export const networkMessagesZh: Record<string, (p: Record<string, string | number>) => string> = {};
