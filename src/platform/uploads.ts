// What a digitized file must be, beyond its type (sniffMime): an image whose size a browser or a PDF viewer can
// open without running out of memory, and a PDF without active content. Pure: bytes in, a refusal or nothing out.
import { inflateSync } from 'node:zlib';
import { imageSize } from 'image-size';

export type UploadRefusal = { code: string; detail: string };

/**
 * An image's width and height from its header only (PNG: the IHDR chunk; JPEG: the first frame marker), never by
 * decoding it: a 30000 × 30000 PNG is 875 KB on the wire and 3.6 GB once decoded.
 */
export function checkImage(buf: Buffer, maxMegapixels: number): UploadRefusal | null {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(buf);
  } catch {
    return { code: 'FILE_IMAGE_UNREADABLE', detail: 'Không đọc được kích thước ảnh: tệp ảnh bị hỏng hoặc không đúng định dạng.' };
  }
  const { width = 0, height = 0 } = size;
  if (!width || !height) return { code: 'FILE_IMAGE_UNREADABLE', detail: 'Không đọc được kích thước ảnh: tệp ảnh bị hỏng hoặc không đúng định dạng.' };
  if (width * height > maxMegapixels * 1_000_000) {
    const mp = (width * height / 1_000_000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
    return {
      code: 'FILE_IMAGE_TOO_LARGE',
      detail: `Ảnh quá lớn: ${width.toLocaleString('vi-VN')} × ${height.toLocaleString('vi-VN')} điểm ảnh (${mp} triệu), tối đa ${maxMegapixels.toLocaleString('vi-VN')} triệu điểm ảnh. ` +
        'Hãy quét lại với độ phân giải thấp hơn (ví dụ 300 dpi).',
    };
  }
  return null;
}

// PDF names are delimited by white space or one of ()<>[]{}/% ; "#xx" inside a name is a hex-escaped byte, so
// "/J#61vaScript" is "/JavaScript".
const DELIM = String.raw`(?=[\s()<>\[\]{}/%]|$)`;
/** Keys that run something when the file is opened or touched: JavaScript, additional actions, launching programs. */
const ACTIVE_KEYS = new RegExp(String.raw`/(JS|JavaScript|AA|Launch)${DELIM}`);
const JS_URI = /\/URI\s*\(\s*javascript:/i;
/** An HTML page hidden in the file (a PDF/HTML polyglot a browser would render as a page). */
const HTML = /<(script|html|!doctype\s+html)\b/i;
const MAX_OBJSTM_BYTES = 16 * 1024 * 1024;

const decodeNames = (s: string) => s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * Refuses a PDF that carries JavaScript or automatic actions (/JS, /JavaScript, /AA, /Launch, an /OpenAction or link
 * that runs script) or HTML markers. Dictionaries are read where they are: in the file's text outside streams
 * (stream bodies are binary — scanned pages — where a short marker would turn up by chance), and inside the
 * compressed object streams (/ObjStm) a PDF 1.5 file keeps its dictionaries in.
 */
export function checkPdf(buf: Buffer): UploadRefusal | null {
  const text = buf.toString('latin1');
  const refuse = (what: string): UploadRefusal => ({
    code: 'FILE_PDF_ACTIVE_CONTENT',
    detail: `Tệp PDF có nội dung thực thi (${what}), không được chấp nhận. Hãy quét hoặc in lại tài liệu ra PDF thường rồi tải lên.`,
  });
  if (HTML.test(text)) return refuse('mã HTML/script');
  const dictionaries: string[] = [];
  const objectStreams: Buffer[] = [];
  let last = 0;
  const streamStart = /(?<!end)stream(\r\n|\n|\r)/g;
  for (let m = streamStart.exec(text); m; m = streamStart.exec(text)) {
    const head = text.slice(last, m.index);
    dictionaries.push(head);
    const bodyStart = m.index + m[0].length;
    const end = text.indexOf('endstream', bodyStart);
    const bodyEnd = end === -1 ? text.length : end;
    // The dictionary of this stream is the end of `head`, after its "obj" keyword.
    const dict = head.slice(Math.max(0, head.lastIndexOf(' obj')));
    if (/\/Type\s*\/ObjStm/.test(decodeNames(dict))) {
      if (!/\/FlateDecode/.test(dict)) return { code: 'FILE_PDF_UNCHECKABLE', detail: 'Không kiểm tra được nội dung tệp PDF (bộ lọc nén không hỗ trợ). Hãy in lại tài liệu ra PDF rồi tải lên.' };
      objectStreams.push(buf.subarray(bodyStart, bodyEnd));
    }
    last = bodyEnd;
    streamStart.lastIndex = bodyEnd;
  }
  dictionaries.push(text.slice(last));
  for (const body of objectStreams) {
    try {
      dictionaries.push(inflateSync(body, { maxOutputLength: MAX_OBJSTM_BYTES }).toString('latin1'));
    } catch {
      return { code: 'FILE_PDF_UNCHECKABLE', detail: 'Không kiểm tra được nội dung tệp PDF (tệp hỏng hoặc được mã hóa). Hãy in lại tài liệu ra PDF thường rồi tải lên.' };
    }
  }
  for (const d of dictionaries) {
    const names = decodeNames(d);
    const key = ACTIVE_KEYS.exec(names);
    if (key) return refuse(`/${key[1]}`);
    if (JS_URI.test(names)) return refuse('liên kết javascript:');
  }
  return null;
}

// Bidirectional controls make "hoadon\u202Efdp.exe" display as "hoadonexe.pdf": a name never carries them.
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

/** A stored file name: no path separators, NUL or bidirectional controls, at most 200 characters. */
export function cleanFileName(name: string | undefined, fallback = 'tep-so-hoa'): string {
  // Path separators become '_'; bidi and other control characters (C0, DEL) are dropped.
  const clean = [...(name ?? '').replace(BIDI, '').replace(/[\\/]/g, '_')].filter((ch) => ch.charCodeAt(0) > 0x1f && ch !== '\x7f').join('').trim().slice(0, 200);
  return clean || fallback;
}
