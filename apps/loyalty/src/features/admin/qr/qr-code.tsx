import { useMemo } from 'react';
import { encode } from 'uqr';
import { qrPath, QUIET_ZONE } from '../../../qr/qr-image';

export interface QrCodeProps {
  /** What the QR carries (a guest's code). */
  value: string;
  /** Its accessible name ("QR code of Ivan's card"). */
  label: string;
  /** Rendered width and height in CSS units (the SVG scales without blur, on screen and on paper). */
  size?: string;
  className?: string;
  testId?: string;
}

/**
 * A QR code as an inline SVG: black modules as one path on a white square, crisp at any size and
 * in print. Error correction M (15 %): a card a little worn or a phone screen with glare still
 * scans, and a guest code stays a small symbol.
 */
export function QrCode({ value, label, size = '240px', className, testId }: QrCodeProps) {
  const { path, width } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: QUIET_ZONE });
    return { path: qrPath(qr.data), width: qr.size };
  }, [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${width}`}
      // A CSS size, not the attributes: they take no min() or mm in every browser.
      style={{ width: size, height: size }}
      shapeRendering="crispEdges"
      className={className}
      data-testid={testId}
      data-value={value}
    >
      <rect width={width} height={width} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
