import { z } from 'zod';

/**
 * The web app's only configuration, read at run time (not inlined at build time), so one build
 * serves any deployment. Only server code (src/proxy.ts) imports this file.
 */
const envSchema = z.object({
  /** Where portal-api listens; the browser reaches it through the same-origin /api proxy. */
  YUNGUAN_API_ORIGIN: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4000'),
});

export type WebEnv = z.infer<typeof envSchema>;

let cached: WebEnv | undefined;

export const readEnv = (): WebEnv => {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    YUNGUAN_API_ORIGIN: process.env.YUNGUAN_API_ORIGIN || undefined,
  });
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid web configuration: ${detail}`);
  }
  cached = parsed.data;
  return cached;
};
