import type bwipjsModule from 'bwip-js/node';

// Machine-readable marks on the papers, drawn by bwip-js as PNG images. bwip-js (a PostScript barcode engine, a
// large module) is loaded on first use: only the PDF worker threads and the VietQR image route need it.

export interface CodeImage {
  /** `data:image/png;base64,…`, ready for a pdfmake image node. */
  dataUrl: string;
  /** Pixel size of the PNG. */
  widthPx: number;
  heightPx: number;
  /** Pixels per module (bar or QR cell). */
  scale: number;
}

function pngSize(png: Buffer): { width: number; height: number } {
  // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452) throw new Error('bwip-js did not return a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

type Options = Parameters<typeof bwipjsModule.toBuffer>[0];

let bwipjs: Promise<typeof bwipjsModule> | undefined;

async function toImage(opts: Options, scale: number): Promise<CodeImage> {
  bwipjs ??= import('bwip-js/node').then((m) => m.default);
  const png = await (await bwipjs).toBuffer(opts);
  const { width, height } = pngSize(png);
  return { dataUrl: `data:image/png;base64,${png.toString('base64')}`, widthPx: width, heightPx: height, scale };
}

/**
 * A QR code (error correction M) of `text`, `scale` px per cell (8 for a screen, where the browser smooths a
 * scaled-up image), no quiet zone (leave white space around it).
 */
export function qrCode(text: string, scale = 8): Promise<CodeImage> {
  if (!text) throw new Error('QR code needs text');
  // eclevel is a BWIPP option the bundled typings do not list.
  const opts: Options & { eclevel: 'L' | 'M' | 'Q' | 'H' } = { bcid: 'qrcode', text, eclevel: 'M', scale };
  return toImage(opts, scale);
}

/**
 * Pixels per QR cell on paper. Every cell is a whole number of pixels, so a printer or viewer scaling the image
 * without smoothing draws exact squares; 4 px keeps the edges sharp in viewers that do smooth. Drawing, encoding
 * and re-decoding the PNG grows with the pixel count: at 8 px it was a third of a receipt's CPU time.
 */
export const PRINT_QR_SCALE = 4;

/** A Code 128 barcode of `text` without human-readable text (print it separately in the document font). */
export function code128(text: string): Promise<CodeImage> {
  if (!text) throw new Error('Barcode needs text');
  // scaleX 2 px per module (printed at 0.25 mm, i.e. 203 dpi: exact bars); height in millimetres at bwip-js'
  // 72 dpi model × scaleY — bars stretched vertically lose nothing, so one row of pixels per point is plenty.
  return toImage({ bcid: 'code128', text, scaleX: 2, scaleY: 1, height: 9 }, 2);
}
