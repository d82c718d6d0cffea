import {
  type ShiftReportData,
  ShiftReportDataSchema,
  type ShiftReportFormat,
  type ShiftReportLang,
  type Shift,
  type ShiftZReport,
  type ZChainCheck,
  type ZReportList,
  type ZReportListQuery,
  type ZReportSummary,
} from '@pos/contracts';
import { nowIso } from '../../shared/clock';
import type { Actor, Db } from '../../shared/command';
import { newId } from '../../shared/ids';
import type { AuthService } from '../auth/service';
import { average, ledgerFigures } from '../finance-dashboard/figures';
import * as dashboardRepo from '../finance-dashboard/repository';
import type { ShiftCloseListener } from '../shifts/ports';
import type { ShiftsService } from '../shifts/service';
import { canonicalJson, chainHash, firstBroken, GENESIS_HASH } from './chain';
import { byCategory, byMethod, openCheckAmounts, voidsByReason } from './figures';
import { layoutReport, zLabel } from './layout';
import * as repo from './repository';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';

/** A rendered report, ready for the reply. */
export interface RenderedReport {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

const DEFAULT_ARCHIVE_PAGE = 50;
const CHAIN_PAGE = 500;

/**
 * X- and Z-reports of cash shifts (issue 17). The X-report is the open shift's figures now, read
 * live; the Z-report is issued inside the close's transaction (`shiftClosed`, the shifts' close
 * port): numbered per venue without gaps, its figures frozen as canonical JSON and chained by hash
 * to the venue's previous Z, so a printed Z never changes and an edited one is found.
 */
export class ShiftReportsService implements ShiftCloseListener {
  constructor(
    private readonly auth: AuthService,
    private readonly shifts: ShiftsService,
  ) {}

  /** The report of a shift: an X while it is open, its Z once closed (every print after the first is a copy). */
  async report(db: Db, actor: Actor, shiftId: string, format: ShiftReportFormat, lang: ShiftReportLang): Promise<RenderedReport> {
    const shift = await this.readable(db, actor, shiftId);
    const z = shift.status === 'closed' ? await repo.zOfShift(db, actor.venueId, shiftId) : undefined;
    let data: ShiftReportData;
    let number: number | null = null;
    let isCopy = false;
    if (z) {
      // Rendered from the figures frozen at the close, never from today's ledger.
      data = ShiftReportDataSchema.parse(JSON.parse(z.data));
      number = z.number;
      isCopy = (await repo.countPrint(db, z.id)) > 1;
    } else {
      // An open shift, or one closed before Z-reports existed: its figures now.
      data = await this.figures(db, actor.venueId, shift, shift.status === 'open' ? 'x' : 'z');
    }
    const layout = layoutReport(data, { lang, number, isCopy });
    const name = number ? `z-${zLabel(number)}` : `${data.kind}-${shift.id.slice(0, 8)}`;
    return format === 'pdf'
      ? { contentType: 'application/pdf', filename: `${name}.pdf`, body: await renderPdf(layout) }
      : { contentType: 'text/html; charset=utf-8', filename: `${name}.html`, body: renderHtml(layout) };
  }

  /** The Z issued for a shift, if any (the shift screen shows its number right after the close). */
  async zOfShift(db: Db, actor: Actor, shiftId: string): Promise<ShiftZReport> {
    await this.readable(db, actor, shiftId);
    const [row] = await repo.archivePage(db, actor.venueId, { shiftId }, 1);
    return { zReport: row ? toSummary(row) : null };
  }

  /** Issues the closed shift's Z in the close's transaction: next number, frozen figures, chained hash. */
  async shiftClosed(db: Db, actor: Actor, shiftId: string): Promise<void> {
    const shift = await this.shifts.get(db, actor.venueId, shiftId);
    const data = await this.figures(db, actor.venueId, shift, 'z');
    const canonical = canonicalJson(ShiftReportDataSchema.parse(data));
    // Closes of a venue are serialized (repo.serializeCloses), so max + 1 is free; the unique
    // (venue_id, number) index still refuses a duplicate, failing the close rather than the chain.
    const last = await repo.lastZ(db, actor.venueId);
    const prevHash = last?.hash ?? GENESIS_HASH;
    await repo.insertZ(db, {
      id: newId(),
      venue_id: actor.venueId,
      number: (last?.number ?? 0) + 1,
      shift_id: shiftId,
      issued_at: data.takenAt,
      data: canonical,
      prev_hash: prevHash,
      hash: chainHash(prevHash, canonical),
      prints: 0,
    });
  }

  /** The venue's Z archive, newest first; a cashier without shifts.reports.all sees their own. */
  async archive(db: Db, actor: Actor, query: ZReportListQuery): Promise<ZReportList> {
    const limit = query.limit ?? DEFAULT_ARCHIVE_PAGE;
    const rows = await repo.archivePage(
      db,
      actor.venueId,
      {
        ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
        ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
        ...(query.cursor ? { before: query.cursor } : {}),
        ...(actor.permissions.has('shifts.reports.all') ? {} : { cashierId: actor.staffId }),
      },
      limit + 1,
    );
    const items = rows.slice(0, limit).map(toSummary);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].number) : null };
  }

  /** Recomputes the venue's chain from its first Z, a page at a time. */
  async verify(db: Db, venueId: string): Promise<ZChainCheck> {
    let last = { number: 0, hash: GENESIS_HASH };
    for (;;) {
      const rows = await repo.chainPage(db, venueId, last.number, CHAIN_PAGE);
      const walked = firstBroken(rows, last);
      if (walked.brokenAt !== null) return { ok: false, checked: walked.last.number, brokenAt: walked.brokenAt };
      last = walked.last;
      if (rows.length < CHAIN_PAGE) return { ok: true, checked: last.number, brokenAt: null };
    }
  }

  /**
   * A cashier reads the reports of their own shifts and of the till they work on now; every shift
   * of the venue needs shifts.reports.all. Another venue's shift is a 404 (shifts.get).
   */
  private readable(db: Db, actor: Actor, shiftId: string): Promise<Shift> {
    return this.shifts.readableBy(db, actor, shiftId, 'shift_report.not_yours');
  }

  /**
   * The report's figures. Sales, tips and refunds come from the shift's ledger rows through the
   * dashboard's own rule (`ledgerFigures`); expected, counted and difference are the close's, so
   * every money figure reconciles with the shift close and the ledger to the minor unit.
   */
  private async figures(db: Db, venueId: string, shift: Shift, kind: 'x' | 'z'): Promise<ShiftReportData> {
    const venue = await this.auth.venue(db, venueId);
    const rows = await dashboardRepo.ledgerRows(db, venueId, { shiftId: shift.id }, null);
    const ledger = ledgerFigures(rows, venue.timezone);
    const carried = await repo.carriedOverIds(db, shift.id);
    const [categoryLines, voidLines, guests, open, refunds, movements, closedByName, staff, storedValue] = await Promise.all([
      repo.paidLinesWithCategory(db, shift.id),
      repo.voidedLines(db, venueId, shift.id, carried),
      repo.guestsOfPaidOrders(db, shift.id),
      repo.openChecks(db, venueId, shift.id, carried),
      repo.refundCount(db, shift.id),
      this.shifts.cashMovements(db, venueId, shift.id),
      shift.closedBy ? repo.staffName(db, venueId, shift.closedBy) : Promise.resolve(null),
      dashboardRepo.staffNames(db, venueId, [...ledger.tipsByWaiter.keys()]),
      repo.storedValueTenders(db, shift.id),
    ]);
    const nameOf = new Map(staff.map((s) => [s.id, s.name]));
    return {
      kind,
      shiftId: shift.id,
      takenAt: kind === 'z' && shift.closedAt ? shift.closedAt : nowIso(),
      venue: { name: venue.name, currency: venue.currency, timeZone: venue.timezone },
      shift: {
        cashierId: shift.cashierId,
        cashierName: shift.cashierName,
        openedAt: shift.openedAt,
        closedAt: shift.closedAt,
        closedById: shift.closedBy,
        closedByName,
        closeMode: shift.closeMode,
        tillName: shift.tillName,
        isRescue: shift.isRescue,
        overrideReason: shift.overrideReason,
      },
      openingFloat: shift.openingFloat,
      totals: { gross: ledger.gross, discounts: ledger.discounts, refunds: ledger.refunds, net: ledger.net, tips: ledger.tipsTotal },
      byMethod: byMethod(shift, ledger.byMethod),
      byCategory: byCategory(categoryLines),
      // One `discount` ledger row per order paid with a promotion (issue 19).
      discounts: { count: ledger.discountCount, amount: ledger.discounts },
      refunds: { count: refunds, amount: ledger.refunds },
      voids: voidsByReason(voidLines),
      tips: {
        total: ledger.tipsTotal,
        byStaff: [...ledger.tipsByWaiter]
          .map(([staffId, amount]) => ({ staffId, staffName: nameOf.get(staffId) ?? '', amount }))
          .sort((a, b) => b.amount - a.amount || a.staffName.localeCompare(b.staffName)),
      },
      cashMovements: {
        paidIn: shift.cashMovements.paidIn,
        paidOut: shift.cashMovements.paidOut,
        items: movements.map((m) => ({ kind: m.kind, amount: m.amount, reason: m.reason, staffName: m.staffName, createdAt: m.createdAt })),
      },
      openChecks: openCheckAmounts(open.orders, open.lines),
      checks: ledger.checks,
      guests,
      averageCheck: average(ledger.net, ledger.checks),
      // Products carry no tax rate in this menu model: no tax section (see the report layout).
      storedValue,
      taxes: null,
    };
  }
}

type ArchiveRow = Awaited<ReturnType<typeof repo.archivePage>>[number];

function toSummary(row: ArchiveRow): ZReportSummary {
  const data = JSON.parse(row.data) as ShiftReportData;
  const cash = data.byMethod.find((m) => m.method === 'cash');
  return {
    number: Number(row.number),
    shiftId: row.shift_id,
    cashierName: row.cashier_name,
    tillName: row.till_name,
    openedAt: row.opened_at,
    closedAt: row.closed_at ?? row.issued_at,
    issuedAt: row.issued_at,
    currency: data.venue.currency,
    netRevenue: data.totals.net,
    cashDifference: cash?.difference ?? null,
    closeMode: row.close_mode as ZReportSummary['closeMode'],
    prints: Number(row.prints),
  };
}
