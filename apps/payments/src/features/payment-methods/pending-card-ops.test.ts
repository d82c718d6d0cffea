import { createMemoryStorage } from '@pos/plugin-sdk/testing';
import { createSimulatorTerminal, parseSimulatorMode } from '../../terminal';
import { fakeFinance, order } from '../../testing/fixtures';
import { runCardPayment } from './card-payment-flow';
import { createPendingCardOps, isSettled, newCaptureOp, newStartOp, PENDING_CARD_OPS_KEY, type PendingCardOp } from './pending-card-ops';
import { ageOf } from './stuck-payments';

const start = (paymentId: string) => newStartOp({ paymentId, orderId: 'order-1', mode: 'now', amount: 45000, tip: 500, currency: 'RUB' });

describe('pending card operations (host storage)', () => {
  it('are kept under the namespaced key, updated and forgotten; the list survives a new reader', async () => {
    const storage = createMemoryStorage();
    const ops = createPendingCardOps(storage);
    const op = start('p1');
    await ops.save(op);
    await ops.update('p1', { transactionRef: 'SIM-1' });
    expect(storage.data.get(PENDING_CARD_OPS_KEY)).toEqual({ p1: { ...op, transactionRef: 'SIM-1' } });
    // The page after a reload reads what was written.
    expect(await createPendingCardOps(storage).get('p1')).toEqual({ ...op, transactionRef: 'SIM-1' });
    await ops.forget('p1');
    expect(storage.data.get(PENDING_CARD_OPS_KEY)).toEqual({});
    // A late update of a finished operation does not bring it back.
    await ops.update('p1', { isStopped: true });
    expect(await ops.get('p1')).toBeUndefined();
  });

  it('writes one after another: operations saved at once are all kept', async () => {
    const storage = createMemoryStorage();
    const ops = createPendingCardOps(storage);
    await Promise.all([ops.save(start('p1')), ops.save(start('p2')), ops.update('p1', { transactionRef: 'SIM-1' }), ops.save(start('p3'))]);
    const stored = storage.data.get(PENDING_CARD_OPS_KEY) as Record<string, PendingCardOp>;
    expect(Object.keys(stored).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(stored.p1.transactionRef).toBe('SIM-1');
  });

  it('ignores malformed entries left in storage', async () => {
    const good = start('p1');
    const storage = createMemoryStorage({ [PENDING_CARD_OPS_KEY]: { p1: good, p2: { paymentId: 'p2' }, p3: 'junk' } });
    const ops = createPendingCardOps(storage);
    await ops.load();
    expect(ops.snapshot().ops).toEqual({ p1: good });
  });

  it('a write the storage refuses rejects and changes nothing', async () => {
    const storage = createMemoryStorage();
    const ops = createPendingCardOps({ get: storage.get, set: () => Promise.reject(new Error('quota')) });
    await expect(ops.save(start('p1'))).rejects.toThrow('quota');
    expect(await ops.get('p1')).toBeUndefined();
  });

  it('marks a payment running while a flow works on it', async () => {
    const ops = createPendingCardOps(createMemoryStorage());
    let seen = false;
    await ops.running('p1', async () => {
      seen = ops.isRunning('p1');
    });
    expect(seen).toBe(true);
    expect(ops.isRunning('p1')).toBe(false);
  });

  it('knows when a payment has nothing left to ask the terminal', () => {
    const now = start('p1');
    const deferred = { ...now, mode: 'deferred' as const };
    const capture = newCaptureOp({ paymentId: 'p1', orderId: 'order-1', transactionRef: 'SIM-1', amount: 30000, tip: 0, currency: 'RUB' });
    expect([isSettled(now, 'created'), isSettled(now, 'unknown'), isSettled(now, 'authorized'), isSettled(now, 'captured'), isSettled(now, 'failed')]).toEqual([false, false, false, true, true]);
    expect([isSettled(deferred, 'authorized'), isSettled(deferred, 'cancelled')]).toEqual([true, true]);
    expect([isSettled(capture, 'authorized'), isSettled(capture, 'unknown'), isSettled(capture, 'captured'), isSettled(capture, 'failed')]).toEqual([false, false, true, true]);
  });

  it('the terminal is never called when the operation cannot be written down; the payment is cancelled', async () => {
    const finance = fakeFinance();
    const terminal = createSimulatorTerminal({ sleep: () => Promise.resolve(), mode: () => parseSimulatorMode('approve') });
    const startSpy = jest.spyOn(terminal, 'start');
    const storage = createMemoryStorage();
    const ops = createPendingCardOps({ get: storage.get, set: () => Promise.reject(new Error('IndexedDB refused')) });
    const state = await runCardPayment(
      { api: finance.api, terminal, ops, onStep: () => undefined },
      { order: order(), checkIndex: null, amount: 45000, tip: 0, currency: 'RUB', mode: 'now' },
    );
    expect(state).toEqual({ kind: 'failed', message: 'IndexedDB refused', code: null });
    expect(startSpy).not.toHaveBeenCalled();
    expect([...finance.payments.values()].map((p) => p.status)).toEqual(['cancelled']);
  });
});

describe('ageOf', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(ageOf(30_000)).toBeNull();
    expect(ageOf(-5_000)).toBeNull();
    expect(ageOf(7 * 60_000)).toEqual({ value: 7, unit: 'minute' });
    expect(ageOf(90 * 60_000)).toEqual({ value: 1, unit: 'hour' });
    expect(ageOf(50 * 3_600_000)).toEqual({ value: 2, unit: 'day' });
  });
});
