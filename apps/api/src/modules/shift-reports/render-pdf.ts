import PDFDocument from 'pdfkit';
import type { ReportLayout, ReportTable } from './layout';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it has Cyrillic and the ruble sign, and it
 * ships with the app's dependencies, so the PDF never depends on a font installed on the host.
 */
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 40;
const ROW = 15;

/**
 * The report as an A4 PDF, the same sections as the HTML. A report aggregates (no per-check list
 * but the open checks), so a Z of 20,000 checks is still a page or two.
 */
export function renderPdf(layout: ReportLayout): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: layout.title, Author: layout.venueName } });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font('bold').fontSize(16).text(layout.title, MARGIN, MARGIN);
  if (layout.stamp) {
    const y = doc.y + 4;
    doc.font('bold').fontSize(14);
    const w = doc.widthOfString(layout.stamp) + 20;
    doc.save().lineWidth(2).strokeColor('#b00000').rect(MARGIN, y, w, 22).stroke().restore();
    doc.fillColor('#b00000').text(layout.stamp, MARGIN + 10, y + 4).fillColor('black');
    doc.y = y + 28;
  }
  doc.moveDown(0.3);
  doc.fontSize(10);
  for (const [label, value] of layout.facts) {
    ensure(ROW);
    const y = doc.y;
    doc.font('regular').fillColor('#555555').text(label, MARGIN, y, { width: 170 });
    doc.fillColor('black').text(value, MARGIN + 175, y, { width: width - 175 });
    doc.y = Math.max(doc.y, y + ROW - 2);
  }

  for (const t of layout.tables) drawTable(doc, t, width, ensure);
  doc.moveDown(1).font('regular').fontSize(8).fillColor('#777777').text(layout.footer, MARGIN, doc.y, { width });
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, t: ReportTable, width: number, ensure: (h: number) => void) {
  ensure(ROW * 3);
  doc.moveDown(0.8).font('bold').fontSize(11).fillColor('black').text(t.title, MARGIN, doc.y, { width });
  if (t.head.length === 0) return;
  const y0 = doc.y + 1;
  doc.save().lineWidth(0.5).strokeColor('#999999').moveTo(MARGIN, y0).lineTo(MARGIN + width, y0).stroke().restore();
  doc.y = y0 + 3;
  // A narrow table: the first column takes what the figures leave. A wide one (by method: eight
  // columns) gives the label a fixed width and the figures the rest, in a smaller size, so that
  // neither a heading nor an amount breaks mid-word.
  const cols = t.head.length;
  const isWide = cols > 4;
  const figure = cols === 1 ? width : isWide ? (width - 80) / (cols - 1) : Math.min(110, (width * 0.6) / (cols - 1));
  const first = width - figure * (cols - 1);
  const size = cols > 6 ? 8 : 9;
  const row = (cells: string[], font: 'regular' | 'bold', color = 'black') => {
    doc.font(font).fontSize(size).fillColor(color);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: (i === 0 ? first : figure) - 4 }));
    const h = Math.max(ROW - 3, ...heights) + 3;
    ensure(h);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = i === 0 ? first : figure;
      doc.text(c, x, y, { width: w - 4, align: i === 0 ? 'left' : 'right' });
      x += w;
    });
    doc.y = y + h;
  };
  row(t.head, 'regular', '#555555');
  if (t.rows.length === 0) row([t.empty ?? '', ...t.head.slice(1).map(() => '')], 'regular', '#777777');
  for (const r of t.rows) row(r, 'regular');
  if (t.total) row(t.total, 'bold');
}
