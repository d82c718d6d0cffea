import type { ReportLayout, ReportTable } from './layout';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Everything right of the first column is a figure: right-aligned, tabular digits. */
function table(t: ReportTable): string {
  if (t.head.length === 0) return `<h2>${escape(t.title)}</h2>`;
  const row = (cells: string[], tag: 'td' | 'th') => `<tr>${cells.map((c) => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>`;
  const body = t.rows.length ? t.rows.map((r) => row(r, 'td')).join('') : `<tr><td colspan="${t.head.length}" class="empty">${escape(t.empty ?? '')}</td></tr>`;
  return `<section><h2>${escape(t.title)}</h2><table><thead>${row(t.head, 'th')}</thead><tbody>${body}</tbody>${t.total ? `<tfoot>${row(t.total, 'th')}</tfoot>` : ''}</table></section>`;
}

/**
 * A self-contained page (inline style, no script, no external resource): the shift screen shows it
 * in a sandboxed iframe and prints it from there.
 */
export function renderHtml(layout: ReportLayout): string {
  const facts = layout.facts.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('');
  return `<!doctype html>
<html lang="${layout.lang}"><head><meta charset="utf-8"><title>${escape(layout.title)}</title>
<style>
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;margin:16px;max-width:760px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:18px 0 6px;border-bottom:1px solid #999}
.stamp{display:inline-block;border:2px solid #b00;color:#b00;font-weight:700;padding:2px 10px;margin:6px 0;letter-spacing:2px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}dt{color:#555}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{padding:3px 6px;text-align:right;font-variant-numeric:tabular-nums;border-bottom:1px solid #e3e3e3}
th:first-child,td:first-child{text-align:left}thead th{color:#555;font-weight:600}tfoot th{border-top:2px solid #333}
td.empty{text-align:left;color:#777}footer{margin-top:18px;color:#777;font-size:12px}
@media print{body{margin:0}}
</style></head><body>
<header><h1>${escape(layout.title)}</h1>${layout.stamp ? `<div class="stamp" data-testid="report-stamp">${escape(layout.stamp)}</div>` : ''}<dl>${facts}</dl></header>
${layout.tables.map(table).join('\n')}
<footer>${escape(layout.footer)}</footer>
</body></html>`;
}
