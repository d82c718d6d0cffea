import { orderBackPath, orderPath } from './router';

describe('orderBackPath', () => {
  it('returns to the screen that opened the order', () => {
    expect(orderBackPath(new URL(`http://x${orderPath('o1', '/orders?date=2026-12-04&status=paid')}`).search)).toBe('/orders?date=2026-12-04&status=paid');
  });
  it('falls back to the floor, and never leaves the shell', () => {
    expect(orderBackPath('')).toBe('/floor');
    expect(orderBackPath('?back=https://evil.example/')).toBe('/floor');
    expect(orderBackPath('?back=//evil.example/')).toBe('/floor');
  });
});
