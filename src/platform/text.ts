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

/**
 * A PostgreSQL tsquery (config 'simple') for a person's or organization's name as typed at the counter: the folded
 * words in this order, the last one as a prefix, so "nguyen van a" finds "Nguyễn Văn An" and "Nguyễn Văn Anh" as
 * the clerk types. Only [a-z0-9] survive, so the text cannot carry tsquery syntax. Null when no word is left.
 */
export function namePhraseQuery(q: string): string | null {
  // searchWords keeps dots inside words (codes like "2.000748"); a tsquery word must not carry one.
  const words = searchWords(q.replace(/\./g, ' '));
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' <-> ');
}

/**
 * The index side of a name search (the dossiers' applicant_terms, migration 013): each pair of neighbouring words
 * joined by "0" ("nguyen van an" → "nguyen0van & van0an:*"), far rarer than the words themselves; one word alone is
 * searched as a prefix. The exact phrase (namePhraseQuery) is then checked on the rows found. Null when no word is left.
 */
export function nameTermsQuery(q: string): string | null {
  const words = searchWords(q.replace(/\./g, ' '));
  if (words.length === 0) return null;
  if (words.length === 1) return `${words[0]}:*`;
  return words.slice(1).map((w, i) => `${words[i]}0${w}${i === words.length - 2 ? ':*' : ''}`).join(' & ');
}

/** The non-empty lines of a text, trimmed: reasons typed one per line in a text box. */
export function nonEmptyLines(s: string | null | undefined): string[] {
  return (s ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}
