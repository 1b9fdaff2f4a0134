import { useMemo } from 'react';
import { encodeQr, qrPath, type QrEcc } from './qr';

/** A QR code as crisp SVG (dark modules on white, with the standard four-module quiet zone). */
export function QrCode({ value, size, ecc = 'M', className, title }: { value: string; size: number | string; ecc?: QrEcc; className?: string; title?: string }) {
  const qr = useMemo(() => {
    try {
      const m = encodeQr(value, ecc);
      return { n: m.size, d: qrPath(m) };
    } catch {
      return null;
    }
  }, [value, ecc]);
  if (!qr) return null;
  const q = 4;
  const total = qr.n + 2 * q;
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox={`${-q} ${-q} ${total} ${total}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={title ?? value}
      data-qr={value}
    >
      <rect x={-q} y={-q} width={total} height={total} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
