/**
 * Just enough MIME to read back what the test SMTP server received (mailparser is not a
 * dependency): header fields with RFC 2047 encoded-words, and a single-part body in base64 or
 * quoted-printable. Written apart from nodemailer so the test checks its encoding, not itself.
 */
export interface ReceivedMail {
  headers: Record<string, string>;
  body: string;
}

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/;

function decodeQ(text: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  const source = underscoreIsSpace ? text.replace(/_/g, ' ') : text;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** A header value with its encoded-words decoded; the bytes of adjacent words are joined before reading them as UTF-8. */
export function decodeHeader(value: string): string {
  const tokens = value.split(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)/);
  let out = '';
  let pending: Buffer[] = [];
  const flush = () => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  tokens.forEach((token, i) => {
    const word = ENCODED_WORD.exec(token);
    if (word) {
      if (word[1].toLowerCase() !== 'utf-8') throw new Error(`Unexpected charset ${word[1]}`);
      pending.push(word[2].toUpperCase() === 'B' ? Buffer.from(word[3], 'base64') : decodeQ(word[3], true));
      return;
    }
    // Whitespace between two encoded-words is not part of the text (RFC 2047 §6.2).
    const between = pending.length > 0 && /^\s*$/.test(token) && i + 1 < tokens.length;
    if (between) return;
    flush();
    out += token;
  });
  flush();
  return out;
}

/** Reads a raw message (headers, blank line, body) into decoded headers and the body's text. */
export function parseMail(raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  const encoded = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let body: string;
  if (encoding === 'base64') body = Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable') body = decodeQ(encoded.replace(/=\r\n/g, ''), false).toString('utf8');
  else body = encoded;
  return { headers, body: body.replace(/\r\n/g, '\n').replace(/\n+$/, '') };
}
