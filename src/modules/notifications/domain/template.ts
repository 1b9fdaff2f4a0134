// Message templates with placeholders in the GOV.UK Notify style: ((name)) is replaced by its value, ((name??text))
// shows the text only when the value is not empty; names are matched without regard to case. Pure.

const PLACEHOLDER = /\(\(([^()]+)\)\)/g;

interface Part {
  name: string;
  conditional: string | null;
}

function parse(inner: string): Part {
  const q = inner.indexOf('??');
  return q < 0 ? { name: inner.trim().toLowerCase(), conditional: null } : { name: inner.slice(0, q).trim().toLowerCase(), conditional: inner.slice(q + 2) };
}

/** The placeholder names a template uses, lower case, each once, in order. */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const { name } = parse(m[1]);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The names a template uses that are not in `allowed`. */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return placeholdersOf(template).filter((n) => !allowed.includes(n));
}

/** Fills a template; a missing value is empty text. */
export function renderTemplate(template: string, values: Record<string, string | null | undefined>): string {
  const lower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v ?? '']));
  return template.replace(PLACEHOLDER, (_all, inner: string) => {
    const p = parse(inner);
    const v = lower.get(p.name) ?? '';
    if (p.conditional !== null) return v ? p.conditional : '';
    return v;
  });
}
