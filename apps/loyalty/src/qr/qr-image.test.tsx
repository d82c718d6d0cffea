import { render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { QrImage, qrPath, QUIET_ZONE } from './qr-image';

describe('qrPath', () => {
  it('draws one unit square per dark module, nothing for light ones', () => {
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
  });
});

describe('QrImage', () => {
  it('renders the code of `text` with a quiet zone, named for screen readers', async () => {
    render(<QrImage text="K7M2P9QR4TX3VK" label="QR-код карты" />);
    const svg = await screen.findByRole('img', { name: 'QR-код карты' });
    const expected = encode('K7M2P9QR4TX3VK', { ecc: 'M', border: QUIET_ZONE });
    expect(svg).toHaveAttribute('viewBox', `0 0 ${expected.size} ${expected.size}`);
    expect(svg.querySelector('path')).toHaveAttribute('d', qrPath(expected.data));
    // The quiet zone is light: no dark module in its rows.
    for (let y = 0; y < QUIET_ZONE; y++) expect(expected.data[y].some(Boolean)).toBe(false);
  });
});
