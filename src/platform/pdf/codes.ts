import type bwipjsModule from 'bwip-js/node';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

// Machine-readable marks on the papers, as PNG images: QR codes from `qrcode` (the symbol) and `pngjs` (the image),
// Code 128 from bwip-js. bwip-js (a PostScript barcode engine, a large module) is loaded on first use.

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
 * The image is 8-bit greyscale without alpha: pdfkit embeds such a PNG's compressed data as it is, where an RGBA
 * image (bwip-js' output) had to be decoded and compressed again. With qrcode's encoder this costs about 2 ms
 * instead of bwip-js' 16–45 ms.
 */
export async function qrCode(text: string, scale = 8): Promise<CodeImage> {
  if (!text) throw new Error('QR code needs text');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const w = n * scale;
  const pixels = Buffer.alloc(w * w, 255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) pixels.fill(0, (y * scale + dy) * w + x * scale, (y * scale + dy) * w + (x + 1) * scale);
    }
  }
  const png = new PNG({ width: w, height: w, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = pixels;
  const buf = PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
  return { dataUrl: `data:image/png;base64,${buf.toString('base64')}`, widthPx: w, heightPx: w, scale };
}

/**
 * Pixels per QR cell on paper. Every cell is a whole number of pixels, so a printer or viewer scaling the image
 * without smoothing draws exact squares; 4 px keeps the edges sharp in viewers that do smooth.
 */
export const PRINT_QR_SCALE = 4;

/** A Code 128 barcode of `text` without human-readable text (print it separately in the document font). */
export function code128(text: string): Promise<CodeImage> {
  if (!text) throw new Error('Barcode needs text');
  // scaleX 2 px per module (printed at 0.25 mm, i.e. 203 dpi: exact bars); height in millimetres at bwip-js'
  // 72 dpi model × scaleY — bars stretched vertically lose nothing, so one row of pixels per point is plenty.
  return toImage({ bcid: 'code128', text, scaleX: 2, scaleY: 1, height: 9 }, 2);
}
