import { listAll } from '../../../../pager';
import type { Call, ServiceClient } from '../../../../service-client';
import { appCredentialSchema, getAppCredentialResult, type AppCredential } from './results';
import { appCredentialsUrl, appCredentialUrl } from './urls';

/**
 * Keystone makes an application credential only for the user of the token (a token of that
 * user, scoped to the project the credential is for).
 */
export const createAppCredential = async (
  identity: ServiceClient,
  call: Call,
  userId: string,
  opts: {
    name: string;
    description?: string;
    expires_at?: string;
    roles?: { name: string }[];
    unrestricted?: boolean;
  },
): Promise<AppCredential> =>
  (
    await identity.requestJson(
      call,
      {
        method: 'POST',
        path: appCredentialsUrl(userId),
        body: { application_credential: opts },
        expected: [201],
      },
      getAppCredentialResult,
    )
  ).application_credential;

export const listAppCredentials = (
  identity: ServiceClient,
  call: Call,
  userId: string,
): Promise<AppCredential[]> =>
  listAll(identity, call, {
    path: appCredentialsUrl(userId),
    key: 'application_credentials',
    item: appCredentialSchema,
  });

export const deleteAppCredential = async (
  identity: ServiceClient,
  call: Call,
  userId: string,
  id: string,
) => {
  await identity.request(call, {
    method: 'DELETE',
    path: appCredentialUrl(userId, id),
    expected: [204],
  });
};
