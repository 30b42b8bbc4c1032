import type { Scope } from '@yunguan/cloud-core';

/**
 * Nova key pairs belong to a user, not a project, and every tenant project is served by the
 * same service account: we keep each project's key pairs apart by a name prefix
 * (`yg-<projectId>-<name>`; Nova allows only letters, digits, `_`, `-` and spaces).
 */
const prefixOf = (scope: Scope) => `yg-${scope.projectExternalId}-`;

export const keyNameIn = (scope: Scope, name: string) => `${prefixOf(scope)}${name}`;

export const ownsKeyName = (scope: Scope, stored: string) => stored.startsWith(prefixOf(scope));

export const keyNameOut = (scope: Scope, stored: string) =>
  ownsKeyName(scope, stored) ? stored.slice(prefixOf(scope).length) : stored;
