import { render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { QrCode } from './qr-code';

/** The dark modules the SVG's path draws, as "x,y" (each module is one `M x y h1v1h-1z`). */
const drawn = (svg: Element) => new Set([...(svg.querySelector('path')?.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`));

describe('QrCode', () => {
  const value = 'PQ1.0190d5a0-0000-7000-8000-0000000000c1.1796600000.AbCdEfGhIjKlMnOpQrStUv';

  it('draws exactly the dark modules of the symbol, with the quiet zone, on white', () => {
    render(<QrCode value={value} label="QR-код гостя" testId="qr" />);
    const svg = screen.getByRole('img', { name: 'QR-код гостя' });
    const qr = encode(value, { ecc: 'M', border: 4 });
    expect(svg).toHaveAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
    const expected = new Set(qr.data.flatMap((row, y) => row.flatMap((isDark, x) => (isDark ? [`${x},${y}`] : []))));
    expect(drawn(svg)).toEqual(expected);
    // The four-module quiet zone stays white (scanners need it), the finder pattern starts right after it.
    expect([...drawn(svg)].some((p) => p.split(',').some((n) => Number(n) < 4 || Number(n) >= qr.size - 4))).toBe(false);
    expect(drawn(svg).has('4,4')).toBe(true);
    expect(svg.querySelector('rect')).toHaveAttribute('fill', '#ffffff');
  });

  it('draws another symbol for another code', () => {
    const { rerender } = render(<QrCode value={value} label="QR" />);
    const before = drawn(screen.getByRole('img'));
    rerender(<QrCode value={value.replace('AbCd', 'XbCd')} label="QR" />);
    expect(drawn(screen.getByRole('img'))).not.toEqual(before);
  });
});
