import type { AppCredentialLogin } from '@yunguan/cloud-core/contract';

/** Log in the way the CLI does with a clouds.yaml of auth_type v3applicationcredential. */
export const loginWithAppCredential = async (
  authUrl: string,
  id: string,
  secret: string,
): Promise<AppCredentialLogin> => {
  const response = await fetch(`${authUrl.replace(/\/+$/, '')}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id, secret },
        },
      },
    }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: response.ok ? (JSON.parse(text) as NonNullable<AppCredentialLogin['body']>) : null,
  };
};
