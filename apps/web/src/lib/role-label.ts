import { builtInRoleIds, type BuiltInRoleId } from '@yunguan/domain';
import type { Translate } from '@/i18n/i18n-provider';

const isBuiltIn = (id: string): id is BuiltInRoleId =>
  (builtInRoleIds as readonly string[]).includes(id);

/** Built-in roles are named in the UI language; custom roles keep the name their admin gave. */
export const roleLabel = (t: Translate, id: string, name: string): string =>
  isBuiltIn(id) ? t(`role.builtin.${id}`) : name;
