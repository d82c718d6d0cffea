import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF as a reader copying it out would get it, by pdf-parse (pdf.js). pdf.js loads
 * its worker with a dynamic `import()`, which jest's CommonJS sandbox cannot run, so the text is
 * read in a plain Node process. Tests only.
 */
export function pdfText(pdf: Buffer): string {
  const pdfParse = require.resolve('pdf-parse');
  const script = `const { PDFParse } = require(${JSON.stringify(pdfParse)});
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  process.stdout.write((await parser.getText()).text);
  await parser.destroy();
});`;
  return execFileSync(process.execPath, ['-e', script], { input: pdf, encoding: 'utf8', timeout: 20_000 });
}
