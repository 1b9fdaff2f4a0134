// What the public procedure page may cite as its source. The catalog's `source` field also records where the data
// was gathered from (a crawler's file, a tool's search id, an unofficial site): citizens are shown only official
// addresses (….gov.vn) and the legal documents named (a decision publishing the procedure, a law), and otherwise the
// national database the procedure's code belongs to.
export interface SourcePart {
  text: string;
  url?: string;
}

const NATIONAL_CODE = /^\d\.\d{6}$/;
const NAMES_A_DOCUMENT = /(Quyết định|QĐ|Luật|Nghị định|Thông tư|Nghị quyết)\s/;
const NOT_FOR_CITIZENS = /github|crawler|find_string|evaluator|sample data|\.json\b/i;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function officialSources(source: string | null | undefined, code: string): SourcePart[] {
  const out: SourcePart[] = [];
  for (const raw of (source ?? '').split(/\s+;\s+/)) {
    const part = raw.trim();
    if (!part || NOT_FOR_CITIZENS.test(part)) continue;
    const url = /^https?:\/\/\S+/.exec(part)?.[0];
    const host = url ? hostOf(url) : null;
    if (url && host && /\.gov\.vn$/.test(host) && !url.includes('...')) out.push({ text: host, url });
    // A document named beside an address, "(QĐ 592/QĐ-UBND ngày 09/3/2024 …)", or on its own.
    const rest = url ? part.slice(url.length).trim().replace(/^\((.*)\)$/, '$1') : part;
    if (rest && NAMES_A_DOCUMENT.test(`${rest} `)) out.push({ text: rest });
  }
  if (out.length === 0 && NATIONAL_CODE.test(code)) out.push({ text: `Cơ sở dữ liệu quốc gia về thủ tục hành chính, mã ${code}` });
  return out;
}
