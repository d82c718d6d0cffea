import type { OutboxRecord } from './outbox-model';
import { pendingPaymentsOf } from './pending-payments';

const record = (over: Partial<OutboxRecord>): OutboxRecord => ({
  id: `r-${Math.random()}`,
  kind: 'pay',
  method: 'POST',
  path: '/pos/finance/payments',
  body: {},
  venueId: 'v1',
  staffId: 's1',
  deviceId: 'd1',
  createdAt: 0,
  state: 'pending',
  attempts: 0,
  nextAttemptAt: 0,
  effect: { type: 'pay', tenders: [{ method: 'cash', amount: 150000, tip: 10000 }] },
  ...over,
});

describe('pendingPaymentsOf', () => {
  it('sums the queued payments of the venue, tips left out', () => {
    const records = [
      record({}),
      record({ effect: { type: 'pay', tenders: [{ method: 'cash', amount: 50000 }, { method: 'cash', amount: 25000, tip: 500 }] } }),
    ];
    expect(pendingPaymentsOf(records, 'v1')).toEqual({ amount: 225000, count: 2 });
  });

  it('leaves out other commands, refused payments and other venues', () => {
    const records = [
      record({ kind: 'sendOrder', effect: { type: 'sendOrder' } }),
      record({ state: 'failed' }),
      record({ venueId: 'v2' }),
    ];
    expect(pendingPaymentsOf(records, 'v1')).toEqual({ amount: 0, count: 0 });
  });
});
