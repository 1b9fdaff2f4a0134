// Uploads beyond their type (issue 12, finding 11): image dimensions read from the header, PDFs with active content
// or HTML, bidirectional controls in names, more than one file. Real crafted files, through the upload route.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createTestApp, type TestApp } from '../support/app';
import { getDossier, mustAct, register, waiveFeesForSlip } from '../support/dossiers';
import { multipart, multipartBody, TINY_PNG } from '../support/multipart';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/uploads');

let t: TestApp;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('tn.tp');
});
afterAll(async () => t.close());

const upload = (code: string, body: ReturnType<typeof multipart>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${encodeURIComponent(code)}/files`, headers: { cookie: clerk, ...body.headers }, payload: body.payload });
const filesOf = async (code: string) => (await getDossier(t, clerk, code)).json().files as { name: string }[];

/** A JPEG header (SOI, JFIF APP0, baseline frame SOF0 with the given size, EOI): what a decoder reads first. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

/** A small but well-formed PDF: catalog, pages, one page, with `catalogExtra` in the catalog and `pageExtra` in the page. */
function pdf({ catalogExtra = '', pageExtra = '', preamble = '' } = {}): Buffer {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${pageExtra}>>`,
  ];
  return assemble(objects, preamble);
}

function assemble(objects: (string | Buffer)[], preamble = ''): Buffer {
  const parts: Buffer[] = [Buffer.from(`%PDF-1.5\n%\xe2\xe3\xcf\xd3\n${preamble}`, 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(o) ? o : Buffer.from(o, 'latin1'), Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A PDF 1.5 whose page dictionary lives in a compressed object stream, as Word's "Save as PDF" writes. */
function pdfWithObjectStream(pageDict: string): Buffer {
  const header = '3 0 ';
  const content = header + pageDict;
  const packed = deflateSync(Buffer.from(content, 'latin1'));
  const objStm = Buffer.concat([Buffer.from(`<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`), packed, Buffer.from('\nendstream')]);
  return assemble(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< >>', objStm]);
}

/** A scanned page: an image stream of binary bytes in which short markers occur by chance. */
function scannedPdf(): Buffer {
  const noise = Buffer.alloc(200_000);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  // Markers inside the binary data of an image stream are not dictionary keys.
  noise.write('/AA /JS ', 1000, 'latin1');
  const image = Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width 400 /Height 500 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${noise.length} >>\nstream\n`), noise, Buffer.from('\nendstream')]);
  return assemble(['<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> >>', image]);
}

describe('images: dimensions from the header', () => {
  it('refuses a 30000 × 30000 PNG of 875 KB (900 million pixels) and stores nothing', async () => {
    const huge = gunzipSync(fs.readFileSync(path.join(FIXTURES, 'huge-30000.png.gz')));
    expect(huge.length).toBeGreaterThan(800_000);
    expect(huge.length).toBeLessThan(900_000);
    const d = await register(t, clerk);
    const r = await upload(d.code, multipart(huge, 'scan.png', { checklistIndex: '0' }));
    expect(r.statusCode, r.body).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'FILE_IMAGE_TOO_LARGE' });
    expect(r.json().detail).toBe('Ảnh quá lớn: 30.000 × 30.000 điểm ảnh (900 triệu), tối đa 40 triệu điểm ảnh. Hãy quét lại với độ phân giải thấp hơn (ví dụ 300 dpi).');
    expect(await filesOf(d.code)).toHaveLength(0);
  });

  it('refuses a JPEG whose frame is 9000 × 5000 (45 MP) and accepts 8000 × 5000 (40 MP)', async () => {
    const d = await register(t, clerk);
    const big = await upload(d.code, multipart(jpegHeader(9000, 5000), 'anh.jpg'));
    expect(big.statusCode, big.body).toBe(422);
    expect(big.json().detail).toContain('9.000 × 5.000 điểm ảnh (45 triệu)');
    const ok = await upload(d.code, multipart(jpegHeader(8000, 5000), 'anh.jpg'));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mime).toBe('image/jpeg');
  });

  it('the cap is configurable (MOTCUA_UPLOAD_MAX_MEGAPIXELS)', async () => {
    const small = await createTestApp({ config: { uploadMaxMegapixels: loadConfig({ MOTCUA_UPLOAD_MAX_MEGAPIXELS: '1' }).uploadMaxMegapixels, uploadMaxBytes: 4096 } });
    try {
      const c = await small.login('tn.tp');
      const d = await register(small, c);
      const body = multipart(jpegHeader(1200, 1000), 'anh.jpg');
      const up = await small.app.inject({ method: 'POST', url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/files`, headers: { cookie: c, ...body.headers }, payload: body.payload });
      expect(up.statusCode).toBe(422);
      expect(up.json().detail).toContain('tối đa 1 triệu điểm ảnh');
      // And a file over the byte limit is still a 413, not a silently truncated file.
      const big = multipart(Buffer.concat([pdf(), Buffer.alloc(8000, 0x20)]), 'lon.pdf');
      const tooBig = await small.app.inject({ method: 'POST', url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/files`, headers: { cookie: c, ...big.headers }, payload: big.payload });
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().code).toBe('FILE_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('refuses a PNG whose header cannot be read', async () => {
    const d = await register(t, clerk);
    const r = await upload(d.code, multipart(Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.from('no IHDR here')]), 'hong.png'));
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'FILE_IMAGE_UNREADABLE' });
  });
});

describe('PDFs: no script, no automatic actions, no HTML', () => {
  const cases: [string, Buffer, string][] = [
    ['an /OpenAction that runs JavaScript', pdf({ catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ' }), '/JavaScript'],
    ['a document-level JavaScript name tree', pdf({ catalogExtra: '/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS 9 0 R >>] >> >> ' }), '/JavaScript'],
    ['additional actions (/AA) on the page', pdf({ pageExtra: '/AA << /O << /S /Launch /F (calc.exe) >> >> ' }), '/AA'],
    ['a Launch action', pdf({ catalogExtra: '/OpenAction << /S /Launch /F (cmd.exe) >> ' }), '/Launch'],
    ['a name written with hex escapes (/J#61vaScript)', pdf({ catalogExtra: '/OpenAction << /S /J#61vaScript /J#53 (x) >> ' }), '/JavaScript'],
    ['JavaScript hidden in a compressed object stream', pdfWithObjectStream('<< /Type /Page /Parent 2 0 R /AA << /O << /S /JavaScript /JS (x) >> >> >>'), '/AA'],
    ['a javascript: link', pdf({ pageExtra: '/Annots [<< /Type /Annot /Subtype /Link /A << /S /URI /URI (javascript:alert\\(1\\)) >> >>] ' }), 'javascript:'],
    ['a PDF/HTML polyglot (<html>)', pdf({ preamble: '<html><body>Trang giả</body></html>\n' }), 'HTML'],
    ['a PDF with a <script> tag', pdf({ preamble: '%<script>fetch("/api/v1/auth/me")</script>\n' }), 'HTML'],
  ];
  it.each(cases)('refuses %s', async (_label, file, marker) => {
    const d = await register(t, clerk);
    const r = await upload(d.code, multipart(file, 'to-khai.pdf'));
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().code).toBe('FILE_PDF_ACTIVE_CONTENT');
    expect(r.json().detail).toContain('Tệp PDF có nội dung thực thi');
    expect(r.json().detail).toContain(marker);
    expect(await filesOf(d.code)).toHaveLength(0);
  });

  it('accepts ordinary PDFs: a slip the product printed, a scan with an /OpenAction that only sets the view, an object stream without script', async () => {
    const d = await register(t, clerk);
    await mustAct(t, clerk, d.code, 'receive', {});
    await waiveFeesForSlip(t, d.code);
    const slip = await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/forms/receipt.pdf`, headers: { cookie: clerk } });
    expect(slip.statusCode).toBe(200);
    for (const [name, file] of [['phieu-hen.pdf', slip.rawPayload], ['ban-quet.pdf', scannedPdf()], ['word.pdf', pdfWithObjectStream('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')]] as const) {
      const r = await upload(d.code, multipart(file, name));
      expect(r.statusCode, `${name}: ${r.body}`).toBe(201);
    }
    expect((await filesOf(d.code)).map((f) => f.name)).toEqual(['phieu-hen.pdf', 'ban-quet.pdf', 'word.pdf']);
  });
});

describe('names and the number of files', () => {
  it('strips bidirectional controls from the file name ("hoadon\\u202Efdp.exe" would show as "hoadonexe.pdf")', async () => {
    const d = await register(t, clerk);
    const name = 'hoa\u200Edon\u202Efdp.exe\u2066x\u2069\u202A\u202B\u202C\u202D\u2067\u2068\u200F.pdf';
    const r = await upload(d.code, multipart(pdf(), name));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().name).toBe('hoadonfdp.exex.pdf');
    expect((await filesOf(d.code)).map((f) => f.name)).toEqual(['hoadonfdp.exex.pdf']);
    const stored = await t.db.query('SELECT name FROM dossier_files WHERE id = $1', [r.json().id]);
    expect(stored.rows[0].name).toBe('hoadonfdp.exex.pdf');
  });

  it('refuses a request with two files, with a clear message, and stores neither', async () => {
    const d = await register(t, clerk);
    const body = multipartBody([{ filename: 'mat-truoc.png', content: TINY_PNG }, { filename: 'mat-sau.pdf', content: pdf() }], { checklistIndex: '0' });
    const r = await upload(d.code, body);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'FILE_TOO_MANY', detail: 'Mỗi lần chỉ tải lên một tệp. Hãy tải từng tệp riêng cho từng thành phần hồ sơ.' });
    expect(await filesOf(d.code)).toHaveLength(0);
  });

  it('still reads the form fields sent after the file', async () => {
    const d = await register(t, clerk);
    const boundary = '----after';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), TINY_PNG,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="checklistIndex"\r\n\r\n1\r\n--${boundary}--\r\n`),
    ]);
    const r = await upload(d.code, { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().checklistIndex).toBe(1);
  });
});
