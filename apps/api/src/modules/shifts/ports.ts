import type { SettleHoldsResult } from '@pos/contracts';
import type { Actor, Db, Outcome } from '../../shared/command';

/**
 * What a shift needs from the money booked to it. Finance sits above shifts (a payment books to
 * a shift), so shifts declare this port and finance implements it, wired in `composition.ts`.
 */
export interface ShiftLedger {
  /** Sales, tips and refunds of the shift per kind and method, from the ledger. */
  shiftTotals(db: Db, shiftId: string): Promise<{ kind: string; method: string; total: number }[]>;
  /** The same per staff member who took the money, with how many payments each row kind touched. */
  shiftStaffTotals(db: Db, shiftId: string): Promise<{ staffId: string; staffName: string; kind: string; total: number; payments: number }[]>;
  /** Day close: expired holds captured (booked to `closingShiftId`) or released, as the venue chose. */
  settleExpiredHolds(db: Db, actor: Actor, closingShiftId?: string): Promise<Outcome<SettleHoldsResult>>;
}
