import type { Role } from '../api/types';

/** A role's name in the reader's language (the server sends Vietnamese `name` and English `nameEn`). */
export function roleLabel(role: Pick<Role, 'name' | 'nameEn'>, lang: string): string {
  return lang === 'en' && role.nameEn ? role.nameEn : role.name;
}

/** The signed-in user's roles: the server's Vietnamese names, or the English ones from the resources. */
export function meRoleLabels(me: { roles: string[]; roleNames?: string[] } | null | undefined, t: (k: string, o?: Record<string, unknown>) => string, lang: string): string[] {
  if (!me) return [];
  return me.roles.map((code, i) => {
    const vi = me.roleNames?.[i] ?? code;
    return lang === 'en' ? t(`roleName.${code}`, { defaultValue: vi }) : vi;
  });
}
