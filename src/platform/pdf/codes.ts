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

/** A QR code (error correction M) of `text`, 8 px per cell, no quiet zone (leave white space around it). */
export function qrCode(text: string): Promise<CodeImage> {
  if (!text) throw new Error('QR code needs text');
  // eclevel is a BWIPP option the bundled typings do not list.
  const opts: Options & { eclevel: 'L' | 'M' | 'Q' | 'H' } = { bcid: 'qrcode', text, eclevel: 'M', scale: 8 };
  return toImage(opts, 8);
}

/** A Code 128 barcode of `text` without human-readable text (print it separately in the document font). */
export function code128(text: string): Promise<CodeImage> {
  if (!text) throw new Error('Barcode needs text');
  // scaleX 4 px per module; height in millimetres at bwip-js' 72 dpi model × scaleY.
  return toImage({ bcid: 'code128', text, scaleX: 4, scaleY: 4, height: 9 }, 4);
}
