// Vietnamese text helpers shared by search and sorting.

/** Lower-case and strip diacritics (đ → d) the same way PostgreSQL's unaccent does, for building search terms. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Split a user's search text into folded words, dropping punctuation; at most 8 words are used. */
export function searchWords(q: string): string[] {
  return foldVietnamese(q)
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** Escape LIKE wildcards in a user-supplied word. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
