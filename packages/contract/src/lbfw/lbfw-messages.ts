/** Reasons of the firewall and load-balancer API and tasks (M1.5), merged into messages.ts. */
export const lbfwMessagesEn: Record<string, (p: Record<string, string | number>) => string> = {};
export const lbfwMessagesZh: Record<string, (p: Record<string, string | number>) => string> = {};
