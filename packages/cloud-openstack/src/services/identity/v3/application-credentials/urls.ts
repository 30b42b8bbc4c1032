export const appCredentialsUrl = (userId: string) =>
  `users/${encodeURIComponent(userId)}/application_credentials`;
export const appCredentialUrl = (userId: string, id: string) =>
  `${appCredentialsUrl(userId)}/${encodeURIComponent(id)}`;
