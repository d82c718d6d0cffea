import type { ShiftReportData, ShiftReportLang } from '@pos/contracts';

/**
 * A shift report laid out once, as titled tables of strings, for both the HTML and the PDF
 * renderer: the two print the same sections with the same formatted figures by construction.
 * Money is formatted with Intl in the venue's currency, times in the venue's time zone.
 */
export interface ReportTable {
  title: string;
  head: string[];
  rows: string[][];
  /** A bold last row (the totals), if any. */
  total?: string[];
  /** Said when the table has no rows. */
  empty?: string;
}

export interface ReportLayout {
  lang: ShiftReportLang;
  /** «Z-отчёт № 0001» / «X-отчёт (промежуточный)». */
  title: string;
  /** «КОПИЯ» / "COPY" on a reprint of a Z; null on the original and on X-reports. */
  stamp: string | null;
  venueName: string;
  facts: [string, string][];
  tables: ReportTable[];
  footer: string;
}

/** How a printed Z is named: number padded to four digits (z-0001.pdf). */
export const zLabel = (n: number) => String(n).padStart(4, '0');

const TEXTS = {
  ru: {
    x: 'X-отчёт',
    xInterim: 'промежуточный, без номера',
    z: 'Z-отчёт №',
    zUnnumbered: 'Z-отчёт (закрыта до нумерации)',
    copy: 'КОПИЯ',
    venue: 'Заведение',
    till: 'Касса',
    personalDrawer: 'личный ящик',
    opened: 'Открыта',
    closed: 'Закрыта',
    stillOpen: 'смена открыта',
    openedBy: 'Открыл(а)',
    closedBy: 'Закрыл(а)',
    closeMode: 'Способ закрытия',
    modes: { counted: 'пересчёт кассиром', blind: 'слепой пересчёт (супервайзер)', auto: 'автозакрытие, не пересчитано' },
    rescue: 'Смена для поздних операций',
    overrideReason: 'Причина закрытия с открытыми чеками',
    float: 'Размен на начало',
    summary: 'Итоги',
    gross: 'Продажи',
    discounts: 'Скидки',
    refunds: 'Возвраты',
    net: 'Чистая выручка',
    tips: 'Чаевые',
    checks: 'Оплаченных чеков',
    guests: 'Гостей',
    averageCheck: 'Средний чек',
    byMethod: 'По способам оплаты',
    method: 'Способ',
    methods: { cash: 'Наличные', card: 'Карта', giftcard: 'Подарочные карты', points: 'Баллы' } as Record<string, string>,
    storedValue: 'Оплачено подарочными картами и баллами (не деньги в кассе)',
    payments: 'Оплат',
    putBack: 'Возвращено',
    sales: 'Продажи',
    expected: 'Ожидается',
    counted: 'Пересчитано',
    difference: 'Расхождение',
    byCategory: 'Продажи по категориям',
    category: 'Категория',
    quantity: 'Кол-во',
    amount: 'Сумма',
    count: 'Кол-во',
    total: 'Итого',
    discountsTitle: 'Скидки',
    refundsTitle: 'Возвраты',
    voids: 'Отмены',
    reason: 'Причина',
    noReason: 'без причины',
    tipsTitle: 'Чаевые по сотрудникам',
    staff: 'Сотрудник',
    cash: 'Внесения и изъятия',
    time: 'Время',
    kind: 'Операция',
    paidIn: 'Внесение',
    paidOut: 'Изъятие',
    openChecks: 'Открытые чеки',
    check: 'Чек',
    table: 'Стол',
    none: 'нет',
    noTaxes: 'Налоги: ставки в меню не заданы',
    taxes: 'Налоги по ставкам',
    rate: 'Ставка',
    base: 'База',
    tax: 'Налог',
    takenAt: 'Сформирован',
  },
  en: {
    x: 'X report',
    xInterim: 'interim, not numbered',
    z: 'Z report No.',
    zUnnumbered: 'Z report (closed before numbering)',
    copy: 'COPY',
    venue: 'Venue',
    till: 'Till',
    personalDrawer: 'personal drawer',
    opened: 'Opened',
    closed: 'Closed',
    stillOpen: 'shift open',
    openedBy: 'Opened by',
    closedBy: 'Closed by',
    closeMode: 'Close mode',
    modes: { counted: 'counted by the cashier', blind: 'blind count (supervisor)', auto: 'auto-closed, not counted' },
    rescue: 'Shift for late operations',
    overrideReason: 'Reason for closing over open checks',
    float: 'Opening float',
    summary: 'Summary',
    gross: 'Sales',
    discounts: 'Discounts',
    refunds: 'Refunds',
    net: 'Net revenue',
    tips: 'Tips',
    checks: 'Paid checks',
    guests: 'Guests',
    averageCheck: 'Average check',
    byMethod: 'By payment method',
    method: 'Method',
    methods: { cash: 'Cash', card: 'Card', giftcard: 'Gift cards', points: 'Points' } as Record<string, string>,
    storedValue: 'Paid with gift cards and points (not money in the drawer)',
    payments: 'Payments',
    putBack: 'Put back',
    sales: 'Sales',
    expected: 'Expected',
    counted: 'Counted',
    difference: 'Difference',
    byCategory: 'Sales by category',
    category: 'Category',
    quantity: 'Qty',
    amount: 'Amount',
    count: 'Count',
    total: 'Total',
    discountsTitle: 'Discounts',
    refundsTitle: 'Refunds',
    voids: 'Voids',
    reason: 'Reason',
    noReason: 'no reason',
    tipsTitle: 'Tips per staff',
    staff: 'Staff',
    cash: 'Cash in / out',
    time: 'Time',
    kind: 'Operation',
    paidIn: 'Paid in',
    paidOut: 'Paid out',
    openChecks: 'Open checks',
    check: 'Check',
    table: 'Table',
    none: 'none',
    noTaxes: 'Taxes: the menu has no tax rates',
    taxes: 'Taxes per rate',
    rate: 'Rate',
    base: 'Base',
    tax: 'Tax',
    takenAt: 'Generated',
  },
} as const;

const LOCALES: Record<ShiftReportLang, string> = { ru: 'ru-RU', en: 'en-GB' };

export interface LayoutOptions {
  lang: ShiftReportLang;
  /** The Z's number; null for an X-report (or a Z of a shift closed before numbering). */
  number: number | null;
  isCopy: boolean;
}

export function layoutReport(data: ShiftReportData, { lang, number, isCopy }: LayoutOptions): ReportLayout {
  const t = TEXTS[lang];
  const locale = LOCALES[lang];
  // The narrow mark (₽ in English too), as the tablet's own money format shows it.
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: data.venue.currency, currencyDisplay: 'narrowSymbol' });
  const digits = money.resolvedOptions().maximumFractionDigits ?? 2;
  const m = (minor: number) => money.format(minor / 10 ** digits);
  const n = (count: number) => count.toLocaleString(locale);
  const when = new Intl.DateTimeFormat(locale, { timeZone: data.venue.timeZone, dateStyle: 'short', timeStyle: 'short' });
  const at = (iso: string) => when.format(new Date(iso));
  const isZ = data.kind === 'z';
  const s = data.shift;

  const title = !isZ ? `${t.x} (${t.xInterim})` : number ? `${t.z} ${zLabel(number)}` : t.zUnnumbered;
  const facts: [string, string][] = [
    [t.venue, data.venue.name],
    [t.till, s.tillName ?? t.personalDrawer],
    [t.opened, at(s.openedAt)],
    [t.closed, s.closedAt ? at(s.closedAt) : t.stillOpen],
    [t.openedBy, s.cashierName],
    ...(isZ ? ([[t.closedBy, s.closedByName ?? '—'], [t.closeMode, s.closeMode ? t.modes[s.closeMode] : '—']] as [string, string][]) : []),
    ...(s.isRescue ? ([[t.rescue, '✓']] as [string, string][]) : []),
    ...(s.overrideReason ? ([[t.overrideReason, s.overrideReason]] as [string, string][]) : []),
    [t.float, m(data.openingFloat)],
  ];

  const summary: ReportTable = {
    title: t.summary,
    head: ['', t.amount],
    rows: [
      [t.gross, m(data.totals.gross)],
      [t.discounts, m(data.totals.discounts)],
      [t.refunds, m(data.totals.refunds)],
      [t.tips, m(data.totals.tips)],
      [t.checks, n(data.checks)],
      [t.guests, n(data.guests)],
      [t.averageCheck, m(data.averageCheck)],
    ],
    total: [t.net, m(data.totals.net)],
  };

  // Counted and difference exist only once the drawer was counted at the close.
  const counted = isZ && data.byMethod.some((r) => r.counted !== null);
  const methods: ReportTable = {
    title: t.byMethod,
    head: [t.method, t.sales, t.refunds, t.tips, t.net, t.expected, ...(counted ? [t.counted, t.difference] : [])],
    rows: data.byMethod.map((r) => [
      t.methods[r.method] ?? r.method,
      m(r.sales),
      m(r.refunds),
      m(r.tips),
      m(r.net),
      m(r.expected),
      ...(counted ? [r.counted === null ? '—' : m(r.counted), r.difference === null ? '—' : m(r.difference)] : []),
    ]),
  };

  // Gift cards and points paid part of the bills: not in the money above (issue 18).
  const storedValue: ReportTable = {
    title: t.storedValue,
    head: [t.method, t.payments, t.amount, t.putBack],
    rows: (data.storedValue ?? []).map((r) => [t.methods[r.method] ?? r.method, n(r.count), m(r.amount), m(r.refunded)]),
    empty: t.none,
  };

  const sum = <T>(rows: readonly T[], f: (r: T) => number) => rows.reduce((acc, r) => acc + f(r), 0);
  const categories: ReportTable = {
    title: t.byCategory,
    head: [t.category, t.quantity, t.amount],
    rows: data.byCategory.map((c) => [c.name, n(c.quantity), m(c.amount)]),
    total: [t.total, n(sum(data.byCategory, (c) => c.quantity)), m(sum(data.byCategory, (c) => c.amount))],
    empty: t.none,
  };
  const discounts: ReportTable = { title: t.discountsTitle, head: [t.count, t.amount], rows: [[n(data.discounts.count), m(data.discounts.amount)]] };
  const refunds: ReportTable = { title: t.refundsTitle, head: [t.count, t.amount], rows: [[n(data.refunds.count), m(data.refunds.amount)]] };
  const voids: ReportTable = {
    title: t.voids,
    head: [t.reason, t.count, t.amount],
    rows: data.voids.byReason.map((v) => [v.reason ?? t.noReason, n(v.count), m(v.amount)]),
    total: [t.total, n(data.voids.count), m(data.voids.amount)],
    empty: t.none,
  };
  const tips: ReportTable = {
    title: t.tipsTitle,
    head: [t.staff, t.amount],
    rows: data.tips.byStaff.map((x) => [x.staffName, m(x.amount)]),
    total: [t.total, m(data.tips.total)],
    empty: t.none,
  };
  const cash: ReportTable = {
    title: t.cash,
    head: [t.time, t.kind, t.reason, t.staff, t.amount],
    rows: data.cashMovements.items.map((c) => [at(c.createdAt), c.kind === 'paid_in' ? t.paidIn : t.paidOut, c.reason, c.staffName, m(c.amount)]),
    total: [t.total, `${t.paidIn}: ${m(data.cashMovements.paidIn)}`, `${t.paidOut}: ${m(data.cashMovements.paidOut)}`, '', ''],
    empty: t.none,
  };
  const openChecks: ReportTable = {
    title: t.openChecks,
    head: [t.check, t.table, t.amount],
    rows: data.openChecks.map((o) => [`№${o.number}`, o.table ?? '—', m(o.amount)]),
    total: [t.total, n(data.openChecks.length), m(sum(data.openChecks, (o) => o.amount))],
    empty: t.none,
  };
  const taxes: ReportTable = data.taxes
    ? { title: t.taxes, head: [t.rate, t.base, t.tax], rows: data.taxes.map((x) => [`${x.rate}%`, m(x.base), m(x.tax)]) }
    : { title: t.noTaxes, head: [], rows: [] };

  return {
    lang,
    title,
    stamp: isZ && isCopy ? t.copy : null,
    venueName: data.venue.name,
    facts,
    tables: [summary, methods, ...(data.storedValue ? [storedValue] : []), categories, discounts, refunds, voids, tips, cash, openChecks, taxes],
    footer: `${t.takenAt}: ${at(data.takenAt)}`,
  };
}
