import type { TenderInput } from '@pos/contracts';
import type { OutboxRecord } from './outbox-model';

/**
 * The payments a tablet took and has not sent yet: the sum of their tenders (tips left out, they
 * are not revenue) and how many there are. Only the venue's own, only still pending (a refused
 * one will not land, it waits for a person).
 */
export function pendingPaymentsOf(records: readonly OutboxRecord[], venueId: string): { amount: number; count: number } {
  let amount = 0;
  let count = 0;
  for (const record of records) {
    if (record.kind !== 'pay' || record.state !== 'pending' || record.venueId !== venueId || record.effect.type !== 'pay') continue;
    count++;
    amount += record.effect.tenders.reduce((sum: number, t: TenderInput) => sum + t.amount, 0);
  }
  return { amount, count };
}
