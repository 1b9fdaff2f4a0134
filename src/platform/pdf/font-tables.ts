import { createRequire } from 'node:module';

// pdfkit parses the font file anew for every document (fontkit.create on the same bytes), and fontkit decodes the
// big layout tables (GSUB/GPOS: ligatures, kerning, Vietnamese mark positioning) lazily on first use — so every
// PDF paid for decoding them again: about half of a receipt's CPU time. Here every font object made from the same
// bytes shares one cache of decoded tables, as fontkit itself does between the variations of one font
// (TTFFont.getVariation sets `font._tables = this._tables`). The decoded tables are read-only; each document still
// gets its own font object, glyph cache and subset, so the PDFs are byte-for-byte what they were.
//
// pdfkit holds `require('fontkit')` from when it loads, and fontkit's exports are read-only getters, so the wrapper
// goes into the module cache before pdfkit is first required. installSharedFontTables() must run before that.

interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
}

let installed = false;

/** Make pdfkit's fontkit share decoded tables per font buffer; false if pdfkit was already loaded (no effect). */
export function installSharedFontTables(): boolean {
  if (installed) return true;
  const requireFromHere = createRequire(import.meta.url);
  const pdfkitPath = requireFromHere.resolve('pdfkit');
  const requireFromPdfkit = createRequire(pdfkitPath);
  if (requireFromPdfkit.cache[pdfkitPath]) return false;
  const fontkitPath = requireFromPdfkit.resolve('fontkit');
  const real = requireFromPdfkit('fontkit') as FontkitModule & Record<string, unknown>;
  const tablesByBuffer = new WeakMap<Uint8Array, object>();
  const wrapper: Record<string, unknown> = {};
  for (const key of Object.keys(real)) {
    if (key !== 'create') Object.defineProperty(wrapper, key, { enumerable: true, get: () => real[key] });
  }
  wrapper.create = (buffer: Uint8Array, postscriptName?: string) => {
    const font = real.create(buffer, postscriptName) as { _tables?: object } | null;
    // Only plain TrueType/OpenType fonts (one font per buffer); collections are keyed by name and left alone.
    if (font && postscriptName === undefined && font._tables && typeof font._tables === 'object') {
      const shared = tablesByBuffer.get(buffer);
      if (shared) font._tables = shared;
      else tablesByBuffer.set(buffer, font._tables);
    }
    return font;
  };
  requireFromPdfkit.cache[fontkitPath]!.exports = wrapper;
  installed = true;
  return true;
}
