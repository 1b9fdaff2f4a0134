import { QRCodeSVG } from 'qrcode.react';

/** A QR code as crisp SVG (dark modules on white, with the standard four-module quiet zone). */
export function QrCode({ value, size, ecc = 'M', className, title }: { value: string; size: number | string; ecc?: 'L' | 'M' | 'Q' | 'H'; className?: string; title?: string }) {
  return (
    <QRCodeSVG
      value={value}
      level={ecc}
      marginSize={4}
      className={className}
      width={size}
      height={size}
      aria-label={title ?? value}
      data-qr={value}
    />
  );
}
