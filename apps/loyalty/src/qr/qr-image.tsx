import { useEffect, useState } from 'react';

/** The quiet zone the QR standard asks for around the symbol, in modules. */
export const QUIET_ZONE = 4;

/** The SVG path of a QR code's dark modules, one unit square each (the matrix as uqr gives it). */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  let d = '';
  modules.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return d;
}

/**
 * `text` as a QR code, for the guest's printed slip (a gift card's code scans back in at the pay
 * dialog). The encoder (uqr) is fetched with `import()` when a code is first shown, so it is not
 * in the remote's first load. Black on white with a quiet zone, crisp at any size and in print.
 */
export function QrImage({ text, label, size = 132 }: { text: string; label: string; size?: number }) {
  const [modules, setModules] = useState<boolean[][] | null>(null);
  useEffect(() => {
    let isLive = true;
    void import('uqr').then(({ encode }) => isLive && setModules(encode(text, { ecc: 'M', border: QUIET_ZONE }).data));
    return () => {
      isLive = false;
    };
  }, [text]);
  if (!modules) return <span style={{ display: 'block', width: size, height: size }} aria-hidden="true" />;
  const side = modules.length;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges" data-testid="loyalty-qr">
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(modules)} fill="#000" />
    </svg>
  );
}
