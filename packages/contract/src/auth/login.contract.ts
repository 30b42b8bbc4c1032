import { z } from 'zod';
import { defineContract } from '../define-contract';

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  totpCode: z
    .string()
    .regex(/^\d{6}$/, { message: '6 digits' })
    .optional(),
});

export const login = defineContract({
  id: 'auth.login',
  method: 'POST',
  path: '/api/v1/auth/login',
  tag: 'auth',
  auth: 'public',
  summary: 'Log in; sets the session cookie. Answers totp_required when a second factor is due.',
  body: loginInput,
  status: 200,
  response: z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), userId: z.string(), username: z.string() }),
    z.object({ status: z.literal('totp_required') }),
  ]),
  errors: ['VALIDATION', 'UNAUTHENTICATED'],
});
