import { z } from 'zod';
import { emptyResponse } from '../common';
import { defineContract } from '../define-contract';

const code = z.string().regex(/^\d{6}$/, { message: '6 digits' });

export const setupTotp = defineContract({
  id: 'user.totp-setup',
  method: 'POST',
  path: '/api/v1/me/totp/setup',
  tag: 'me',
  auth: 'user',
  summary: 'Start TOTP enrolment: a new secret to scan; not active until confirmed',
  status: 200,
  response: z.object({ secret: z.string(), otpauthUri: z.string() }),
  errors: ['CONFLICT'],
});

export const enableTotp = defineContract({
  id: 'user.totp-enable',
  method: 'POST',
  path: '/api/v1/me/totp/enable',
  tag: 'me',
  auth: 'user',
  summary: 'Confirm TOTP with a current code; from now on login asks for it',
  body: z.object({ code }),
  status: 204,
  response: emptyResponse,
  errors: ['VALIDATION', 'PRECONDITION_FAILED'],
});

export const disableTotp = defineContract({
  id: 'user.totp-disable',
  method: 'POST',
  path: '/api/v1/me/totp/disable',
  tag: 'me',
  auth: 'user',
  summary: 'Turn the second factor off (needs the password)',
  body: z.object({ password: z.string().min(1).max(128) }),
  status: 204,
  response: emptyResponse,
  errors: ['VALIDATION', 'PRECONDITION_FAILED'],
});
