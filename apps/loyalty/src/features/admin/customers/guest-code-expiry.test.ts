import { guestCodeExpiry } from './guest-code-expiry';

describe('guestCodeExpiry', () => {
  const customer = '0190d5a0-0000-7000-8000-0000000000c1';
  const madeAt = 1_796_600_000;
  const validUntil = new Date((madeAt + 60) * 1000).toISOString();

  it('counts the code’s lifetime from its arrival on this tablet’s clock, whatever the server’s says', () => {
    const code = `PQ1.${customer}.${madeAt}.AAAAAAAAAAAAAAAAAAAAAA`;
    // The tablet's clock is 3 minutes behind the server's: the code still has 60 s from when it came.
    const receivedAt = (madeAt - 180) * 1000;
    expect(guestCodeExpiry(code, validUntil, receivedAt)).toBe(receivedAt + 60_000);
  });

  it('falls back to the server’s validUntil when the code carries no readable time', () => {
    for (const code of [`PC1.${customer}.AAAAAAAAAAAAAAAAAAAAAA`, `PQ1.${customer}.soon.AAAA`, `PQ1.${customer}.${madeAt + 600}.AAAA`]) {
      expect(guestCodeExpiry(code, validUntil, 0)).toBe(Date.parse(validUntil));
    }
  });
});
