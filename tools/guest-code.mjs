#!/usr/bin/env node
// guest-code: the codes a guest shows at the till (issue 18), made on the command line exactly as
// the guest app makes them — to try the till's scanner and `POST /pos/customers/lookup` without
// the app, or to print a card's QR by hand.
//
//   node tools/guest-code.mjs --venue <venueId> --key <loyalty key> --customer <customerId>
//       prints the guest app's rotating code `PQ1.<customer>.<unix s>.<signature>`, valid for
//       60 s from now (the till also takes it up to 5 s early, for a phone whose clock runs ahead)
//   node tools/guest-code.mjs --venue <venueId> --key <loyalty key> --card <cardId>
//       prints a printed card's static code `PC1.<card>.<signature>` (valid until the card is
//       revoked in Admin → Гости → Карты; the card must have been issued there: an id the server
//       never issued is refused as unknown)
//
// Options (--customer and --card may be given together: the app's code first, then the card's):
//   --venue <uuid>      the venue's id (GET /pos/auth/me shows it; so does the venues table)
//   --key <base64url>   the venue's loyalty key: base64url of 32 bytes, which the server makes
//                       when it first issues a code (open Admin → Гости → «Код гостя» once if
//                       the venue has none yet). It lives in the table venue_loyalty_keys; on the
//                       embedded SQLite database (data/pos.db, or SQLITE_PATH):
//                         node -e "console.log(new (require('better-sqlite3'))('data/pos.db')
//                           .prepare('select key from venue_loyalty_keys where venue_id = ?')
//                           .get(process.argv[1]).key)" <venueId>
//                       on PostgreSQL: psql "$DATABASE_URL" -Atc "select key from
//                       venue_loyalty_keys where venue_id = '<venueId>'".
//                       Or set POS_LOYALTY_KEY instead of --key: it keeps the key out of the
//                       shell's history. It is a secret: whoever holds it can make any guest's
//                       code. A key starting with "-" is fine after --key.
//   --at <unix s>       make the app's code for this instant instead of now (tests, replays)
//   --print-qr          also draw each code as a QR in the terminal (UTF-8 half blocks, two
//                       rows of modules a line), for light text on a dark background
//   --invert            draw the QR for dark text on a light background instead
//   --watch             keep printing a fresh app code every 10 s until Ctrl+C (as the app rotates)
//   --json              one JSON object: { guestAppCode, validUntil, cardCode } (the ones asked for)
//   --help
//
// Exit status: 0 done; 2 wrong arguments (the reason on stderr).
//
// The signing is not re-implemented here: the script compiles libs/contracts/src/guest-qr.ts
// (the one copy the API and the tablets use) with esbuild, a dev dependency of the repo, and
// calls its `guestAppCode` / `cardCode`. Run it from a checkout with node_modules installed.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { transform } from 'esbuild';
import { encode } from 'uqr';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const WATCH_EVERY_S = 10;

const USAGE = `Usage: node tools/guest-code.mjs --venue <venueId> --key <base64url key> --customer <customerId> [--card <cardId>]
       [--at <unix seconds>] [--print-qr [--invert]] [--watch] [--json]
The key may come from POS_LOYALTY_KEY instead of --key. See the header of tools/guest-code.mjs.`;

class UsageError extends Error {}

/** libs/contracts/src/guest-qr.ts as a module: compiled, not copied, so the CLI signs exactly as the server checks. */
async function loadGuestQr() {
  const source = readFileSync(new URL('../libs/contracts/src/guest-qr.ts', import.meta.url), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** `--key -Ab…` → `--key=-Ab…`: a base64url key starts with "-" one time in 32, which parseArgs would take for an option. */
const VALUE_OPTIONS = new Set(['--venue', '--key', '--customer', '--card', '--at']);
function joinValues(argv) {
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    if (VALUE_OPTIONS.has(argv[i]) && i + 1 < argv.length) args.push(`${argv[i]}=${argv[++i]}`);
    else args.push(argv[i]);
  }
  return args;
}

function readOptions(argv, env) {
  const { values } = parseArgs({
    args: joinValues(argv),
    strict: true,
    options: {
      venue: { type: 'string' },
      key: { type: 'string' },
      customer: { type: 'string' },
      card: { type: 'string' },
      at: { type: 'string' },
      'print-qr': { type: 'boolean', default: false },
      invert: { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true };
  const key = values.key ?? env.POS_LOYALTY_KEY;
  const uuid = (name, value) => {
    if (value !== undefined && !UUID.test(value)) throw new UsageError(`--${name} must be an id (a lower-case UUID), not "${value}"`);
    return value;
  };
  if (!values.venue) throw new UsageError('--venue is required');
  uuid('venue', values.venue);
  if (!key) throw new UsageError('--key (or POS_LOYALTY_KEY) is required');
  if (!BASE64URL.test(key)) throw new UsageError('--key must be base64url (A–Z, a–z, 0–9, "-" and "_")');
  if (!values.customer && !values.card) throw new UsageError('give --customer (the guest app code) and/or --card (a printed card code)');
  if (values.at !== undefined && !/^\d{1,12}$/.test(values.at)) throw new UsageError('--at must be unix seconds');
  if (values.watch && (!values.customer || values.at !== undefined || values.json)) throw new UsageError('--watch needs --customer and goes without --at and --json');
  return {
    help: false,
    venue: values.venue,
    key,
    customer: uuid('customer', values.customer),
    card: uuid('card', values.card),
    at: values.at === undefined ? undefined : Number(values.at),
    printQr: values['print-qr'],
    invert: values.invert,
    watch: values.watch,
    json: values.json,
  };
}

/** The codes asked for at `nowSeconds`. */
async function makeCodes(guestQr, options, nowSeconds) {
  const key = guestQr.loyaltyKeyBytes(options.key);
  const result = {};
  if (options.customer) {
    result.guestAppCode = await guestQr.guestAppCode(key, options.venue, options.customer, nowSeconds);
    result.validUntil = new Date((Math.floor(nowSeconds) + guestQr.GUEST_CODE_TTL_S) * 1000).toISOString();
  }
  if (options.card) result.cardCode = await guestQr.cardCode(key, options.venue, options.card);
  return result;
}

/**
 * A QR as UTF-8 half blocks, two rows of modules a line, with a quiet zone of 2 modules. A glyph's
 * ink is a light module (a dark terminal's text is light); `invert` inks the dark ones instead.
 * (uqr's renderUnicodeCompact ignores its `invert` option, hence this.)
 */
export function terminalQr(code, invert = false) {
  const { data, size } = encode(code, { ecc: 'M', border: 2 });
  const inked = (x, y) => y < size && data[y][x] === invert;
  const lines = [];
  for (let y = 0; y < size; y += 2) {
    let line = '';
    for (let x = 0; x < size; x++) line += [' ', '▄', '▀', '█'][(inked(x, y) ? 2 : 0) + (inked(x, y + 1) ? 1 : 0)];
    lines.push(line);
  }
  return lines.join('\n');
}

function render(codes, options) {
  const lines = [];
  const qr = (code) => terminalQr(code, options.invert);
  for (const code of [codes.guestAppCode, codes.cardCode].filter(Boolean)) {
    lines.push(code);
    if (options.printQr) lines.push(qr(code));
  }
  return `${lines.join('\n')}\n`;
}

export async function main(argv = process.argv.slice(2), env = process.env, out = process.stdout, err = process.stderr) {
  let options;
  try {
    options = readOptions(argv, env);
  } catch (error) {
    err.write(`guest-code: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const guestQr = await loadGuestQr();
  if (guestQr.loyaltyKeyBytes(options.key).length !== 32) err.write('guest-code: warning: the key is not 32 bytes; the server makes 32-byte keys\n');
  const nowSeconds = () => options.at ?? Date.now() / 1000;
  if (options.json) {
    out.write(`${JSON.stringify(await makeCodes(guestQr, options, nowSeconds()))}\n`);
    return 0;
  }
  const once = async () => {
    const codes = await makeCodes(guestQr, options, nowSeconds());
    out.write(render(codes, options));
    if (codes.validUntil) err.write(`guest-code: the app code is valid until ${codes.validUntil}\n`);
  };
  await once();
  if (options.watch) {
    const timer = setInterval(() => {
      out.write('\n');
      void once();
    }, WATCH_EVERY_S * 1000);
    process.once('SIGINT', () => {
      clearInterval(timer);
      process.exitCode = 0;
    });
    // Runs until Ctrl+C.
    return new Promise(() => undefined);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error) => {
      process.stderr.write(`guest-code: ${error.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
