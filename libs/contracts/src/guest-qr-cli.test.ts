import { spawnSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import path from 'node:path';
import { cardCode, checkGuestQr, GUEST_CODE_TTL_S, guestAppCode, loyaltyKeyBytes } from './guest-qr';

if (!globalThis.crypto) Object.assign(globalThis, { crypto: webcrypto });

/**
 * tools/guest-code.mjs, the CLI staff use to make a guest's code without the guest app: what it
 * prints must be what `guestAppCode` / `cardCode` make (the till checks codes with this module).
 */
const CLI = path.resolve(__dirname, '../../../tools/guest-code.mjs');
const run = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

// A key as the server stores it (base64url of 32 bytes); this one starts with "-", as one key in 32 does.
const key = '-ZsAX3uE98Nd3l2l0-edLNod3ct0UkS0Rbw97LxMZbc';
const venue = '0190d5a0-0000-7000-8000-00000000000a';
const customer = '0190d5a0-0000-7000-8000-0000000000c1';
const card = '0190d5a0-0000-7000-8000-0000000000d1';
const at = 1_796_600_000;

/** A terminal QR (half blocks, two rows of modules a line) back to its modules: true where a glyph has ink. */
function modulesOf(lines: string[]): boolean[][] {
  const rows: boolean[][] = [];
  for (const line of lines) {
    const chars = [...line];
    rows.push(chars.map((c) => c === '█' || c === '▀'));
    rows.push(chars.map((c) => c === '█' || c === '▄'));
  }
  return rows;
}

/** Whether the 7×7 finder pattern (a ring, a gap, a 3×3 core) of dark modules is at (x, y). */
function hasFinder(dark: boolean[][], x: number, y: number): boolean {
  for (let dy = 0; dy < 7; dy++) {
    for (let dx = 0; dx < 7; dx++) {
      const ring = dx === 0 || dy === 0 || dx === 6 || dy === 6;
      const core = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
      if (dark[y + dy]?.[x + dx] !== (ring || core)) return false;
    }
  }
  return true;
}

describe('tools/guest-code.mjs', () => {
  const bytes = loyaltyKeyBytes(key);

  it('prints the guest app code and the card code that the contracts make, and the till accepts', async () => {
    const out = run(['--venue', venue, '--key', key, '--customer', customer, '--card', card, '--at', String(at)]);
    expect(out.status).toBe(0);
    const appCode = await guestAppCode(bytes, venue, customer, at);
    expect(out.stdout).toBe(`${appCode}\n${await cardCode(bytes, venue, card)}\n`);
    expect(out.stderr).toContain(`valid until ${new Date((at + GUEST_CODE_TTL_S) * 1000).toISOString()}`);
    expect(await checkGuestQr(bytes, venue, appCode, at + 30)).toEqual({ ok: true, kind: 'guest_app', customerId: customer, issuedAt: at });
  });

  it('answers JSON, takes the key from POS_LOYALTY_KEY, and makes a code for now without --at', async () => {
    const json = run(['--venue', venue, '--customer', customer, '--at', String(at), '--json'], { POS_LOYALTY_KEY: key });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ guestAppCode: await guestAppCode(bytes, venue, customer, at), validUntil: new Date((at + 60) * 1000).toISOString() });

    const before = Math.floor(Date.now() / 1000);
    const now = run(['--venue', venue, '--key', key, '--customer', customer]);
    const code = now.stdout.trim();
    const check = await checkGuestQr(bytes, venue, code, Date.now() / 1000);
    expect(check).toMatchObject({ ok: true, kind: 'guest_app' });
    expect(check.ok && check.kind === 'guest_app' && check.issuedAt).toBeGreaterThanOrEqual(before);
  });

  it('draws each code as a terminal QR, light or dark ink', () => {
    const light = run(['--venue', venue, '--key', key, '--card', card, '--print-qr']).stdout.trimEnd().split('\n');
    const dark = run(['--venue', venue, '--key', key, '--card', card, '--print-qr', '--invert']).stdout.trimEnd().split('\n');
    expect(light[0]).toMatch(/^PC1\./);
    const lightModules = modulesOf(light.slice(1));
    const darkModules = modulesOf(dark.slice(1));
    const size = lightModules[0].length;
    // Without --invert the ink is the light modules: the dark ones are where there is none.
    const isDark = lightModules.map((row) => row.map((inked) => !inked));
    for (const [x, y] of [
      [2, 2],
      [size - 9, 2],
      [2, size - 9],
    ]) {
      expect(hasFinder(isDark, x, y)).toBe(true);
      expect(hasFinder(darkModules, x, y)).toBe(true);
    }
    // The quiet zone (2 modules) is light in both.
    expect(isDark[0].some(Boolean)).toBe(false);
    expect(darkModules[1].some(Boolean)).toBe(false);
  });

  it.each([
    ['--venue is required', ['--key', key, '--customer', customer]],
    ['--key (or POS_LOYALTY_KEY) is required', ['--venue', venue, '--customer', customer]],
    ['give --customer', ['--venue', venue, '--key', key]],
    ['--venue must be an id', ['--venue', 'demo', '--key', key, '--customer', customer]],
    ['--key must be base64url', ['--venue', venue, '--key', 'not base64!', '--customer', customer]],
    ['--at must be unix seconds', ['--venue', venue, '--key', key, '--customer', customer, '--at', 'yesterday']],
    ["Unknown option '--colour'", ['--venue', venue, '--key', key, '--customer', customer, '--colour']],
  ])('refuses with status 2 and says why: %s', (reason, args) => {
    const out = run(args);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(reason);
    expect(out.stderr).toContain('Usage: node tools/guest-code.mjs');
  });
});
