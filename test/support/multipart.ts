// A multipart/form-data body as a browser sends it: the fields, then one file part (or several, to test refusals).
export type FilePart = { field?: string; filename: string; content: Buffer; contentType?: string };

export function multipartBody(files: FilePart[], fields: Record<string, string> = {}) {
  const boundary = '----motcuaTestBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** One file, as the digitization screen sends it. */
export const multipart = (file: Buffer, filename: string, fields: Record<string, string> = {}, contentType = 'application/octet-stream') =>
  multipartBody([{ filename, content: file, contentType }], fields);

/** A real 1 × 1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
