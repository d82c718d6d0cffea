import { ApiError } from '@pos/plugin-sdk';
import { createMemoryStorage } from '@pos/plugin-sdk/testing';
import { createSimulatorTerminal, parseSimulatorMode, type PaymentTerminal } from '../../terminal';
import { fakeFinance, networkError, payment } from '../../testing/fixtures';
import { createPendingRefunds, PENDING_REFUNDS_KEY, type PendingRefund, resumedState } from './pending-refunds';
import { capturedOf, hasMoneyToGiveBack, newRefundAttempt, refundableOf, runRefund, validateRefund } from './refund-flow';

const noWait = () => Promise.resolve();

function setup(mode = 'approve') {
  const finance = fakeFinance();
  const terminalMode = { value: mode };
  const terminal = createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode(terminalMode.value) });
  const refund = jest.spyOn(terminal, 'refund');
  const steps: string[] = [];
  const storage = createMemoryStorage();
  const pending = createPendingRefunds(storage);
  const deps = { api: finance.api, terminal, pending, onStep: (s: string) => steps.push(s) };
  const stored = () => (storage.data.get(PENDING_REFUNDS_KEY) ?? {}) as Record<string, PendingRefund>;
  return { finance, terminal, terminalMode, refund, steps, storage, pending, stored, deps };
}

const card = (over = {}) => payment({ id: '0190a000-0000-7000-8000-000000000771', method: 'softpos', amount: 45000, tip: 5000, reference: 'SIM-SALE-1', maskedCard: '•••• 4242', ...over });

describe('refund rules', () => {
  it('an order offers a refund while it has money (tips included) not given back', () => {
    expect(hasMoneyToGiveBack({ paid: 0, tips: 0 })).toBe(false);
    expect(hasMoneyToGiveBack({ paid: 0, tips: 500 })).toBe(true);
    expect(hasMoneyToGiveBack({ paid: 45000, tips: 0 })).toBe(true);
  });

  it('refundable is captured (sale + tip) minus refunded, and nothing for money never captured', () => {
    expect(refundableOf(card({ status: 'partially_refunded', refunded: 10000 }))).toBe(40000);
    expect(capturedOf(card({ status: 'refunded', refunded: 50000 }))).toBe(50000);
    expect(refundableOf(card({ status: 'refunded', refunded: 50000 }))).toBe(0);
    expect(refundableOf(card({ status: 'authorized' }))).toBe(0);
    expect(capturedOf(card({ status: 'failed' }))).toBe(0);
  });

  it('refuses an empty, zero or too large amount and a missing reason', () => {
    expect(validateRefund({ amount: null, reason: 'x', refundable: 100 })).toEqual({ amount: 'amountZero' });
    expect(validateRefund({ amount: 0, reason: 'x', refundable: 100 })).toEqual({ amount: 'amountZero' });
    expect(validateRefund({ amount: 101, reason: 'x', refundable: 100 })).toEqual({ amount: 'amountOver' });
    expect(validateRefund({ amount: 100, reason: '   ', refundable: 100 })).toEqual({ reason: 'reasonRequired' });
    expect(validateRefund({ amount: 100, reason: 'Жалоба гостя', refundable: 100 })).toEqual({});
  });
});

describe('runRefund', () => {
  it('cash and external card are only recorded: the terminal is not asked', async () => {
    for (const method of ['cash', 'card'] as const) {
      const { finance, refund, deps } = setup();
      const p = finance.seed(payment({ method }));
      const attempt = newRefundAttempt(p, 20000, '  Ошибка кассира ', 'RUB');
      const state = await runRefund(deps, attempt);
      expect(state.kind).toBe('done');
      expect(refund).not.toHaveBeenCalled();
      expect(finance.api.refundPayment).toHaveBeenCalledWith(p.id, { amount: 20000, reason: 'Ошибка кассира', clientRequestId: attempt.clientRequestId });
    }
  });

  it('a terminal payment goes back through the terminal first, quoting the sale and its own key', async () => {
    const { finance, refund, deps, steps } = setup();
    const p = finance.seed(card());
    const attempt = newRefundAttempt(p, 50000, 'Блюдо не подано', 'RUB');
    const state = await runRefund(deps, attempt);
    expect(refund).toHaveBeenCalledWith({ transactionRef: 'SIM-SALE-1', amount: 50000, currency: 'RUB', idempotencyKey: attempt.terminalKey });
    expect(attempt.terminalKey).not.toBe(attempt.clientRequestId);
    expect(refund.mock.invocationCallOrder[0]).toBeLessThan(finance.api.refundPayment.mock.invocationCallOrder[0]);
    expect(steps).toEqual(['terminal', 'recording']);
    expect(state).toMatchObject({ kind: 'done', result: { status: 'refunded', refundReceipt: { amount: 50000, refundable: 0 } } });
  });

  it('declined by the terminal: said so, nothing recorded', async () => {
    const { finance, deps } = setup('decline');
    const p = finance.seed(card());
    expect(await runRefund(deps, newRefundAttempt(p, 1000, 'x', 'RUB'))).toEqual({ kind: 'declined', reason: 'Declined by the issuer' });
    expect(finance.api.refundPayment).not.toHaveBeenCalled();
  });

  it('a terminal timeout is unknown and records nothing; the check asks again with the same key and records once on approval', async () => {
    const { finance, refund, deps, steps } = setup('timeout');
    const p = finance.seed(card());
    const attempt = newRefundAttempt(p, 30000, 'x', 'RUB');
    const first = await runRefund(deps, attempt);
    expect(first).toEqual({ kind: 'unknown', attempt });
    expect(finance.api.refundPayment).not.toHaveBeenCalled();
    const checked = await runRefund(deps, attempt, true);
    expect(checked.kind).toBe('done');
    expect(refund.mock.calls.map(([r]) => r.idempotencyKey)).toEqual([attempt.terminalKey, attempt.terminalKey]);
    expect(steps).toEqual(['terminal', 'checking', 'recording']);
    expect(finance.api.refundPayment).toHaveBeenCalledTimes(1);
  });

  it('a terminal that throws counts as no answer, never as declined', async () => {
    const { finance, deps } = setup();
    const throwing: PaymentTerminal = { ...deps.terminal, refund: () => Promise.reject(new Error('bridge broke')) };
    const p = finance.seed(card());
    expect((await runRefund({ ...deps, terminal: throwing }, newRefundAttempt(p, 100, 'x', 'RUB'))).kind).toBe('unknown');
  });

  it('a lost server answer after the terminal approved: the retry records with the same key, the terminal is not asked again, one refund', async () => {
    const { finance, refund, deps } = setup();
    const p = finance.seed(card());
    finance.failures.loseNextRefundAnswer = true;
    const lost = await runRefund(deps, newRefundAttempt(p, 20000, 'x', 'RUB'));
    if (lost.kind !== 'failed') throw new Error(`expected failed, got ${lost.kind}`);
    expect(lost.attempt.terminalAnswer?.outcome).toBe('approved');
    const retried = await runRefund(deps, lost.attempt);
    expect(retried.kind).toBe('done');
    expect(refund).toHaveBeenCalledTimes(1);
    const keys = finance.api.refundPayment.mock.calls.map(([, body]) => body.clientRequestId);
    expect(keys).toEqual([lost.attempt.clientRequestId, lost.attempt.clientRequestId]);
    expect(finance.payments.get(p.id)).toMatchObject({ status: 'partially_refunded', refunded: 20000 });
  });

  it('a definite refusal of a cash refund is final; after a terminal approval it stays retryable', async () => {
    const { finance, deps } = setup();
    const refusal = new ApiError(409, { type: 'about:blank', title: 'Only 100 can be refunded', status: 409, code: 'payment.exceeds_refundable' });
    finance.api.refundPayment.mockRejectedValueOnce(refusal).mockRejectedValueOnce(refusal).mockRejectedValueOnce(networkError());
    const cash = finance.seed(payment());
    expect(await runRefund(deps, newRefundAttempt(cash, 100, 'x', 'RUB'))).toEqual({ kind: 'refused', message: 'Only 100 can be refunded', code: 'payment.exceeds_refundable' });
    const softpos = finance.seed(card());
    expect((await runRefund(deps, newRefundAttempt(softpos, 100, 'x', 'RUB'))).kind).toBe('failed');
    expect((await runRefund(deps, newRefundAttempt(cash, 100, 'x', 'RUB'))).kind).toBe('failed');
  });

  it('a terminal payment without the terminal reference cannot go back through it', async () => {
    const { finance, refund, deps } = setup();
    const p = finance.seed(card({ reference: null }));
    expect(await runRefund(deps, newRefundAttempt(p, 100, 'x', 'RUB'))).toEqual({ kind: 'noReference' });
    expect(refund).not.toHaveBeenCalled();
    expect(finance.api.refundPayment).not.toHaveBeenCalled();
  });
});

describe('unfinished refunds in the tablet storage', () => {
  it('the attempt is written down before the terminal is asked and kept while its answer is unknown', async () => {
    const { finance, refund, storage, stored, deps } = setup('timeout');
    const p = finance.seed(card());
    const attempt = newRefundAttempt(p, 30000, 'x', 'RUB');
    const seen: unknown[] = [];
    refund.mockImplementationOnce(async () => {
      seen.push(stored()[p.id]);
      return { outcome: 'timeout' };
    });
    expect(await runRefund(deps, attempt)).toEqual({ kind: 'unknown', attempt });
    expect(seen).toEqual([{ ...attempt, stage: 'terminal' }]);
    expect(stored()[p.id]).toMatchObject({ paymentId: p.id, orderId: p.orderId, transactionRef: 'SIM-SALE-1', terminalKey: attempt.terminalKey, clientRequestId: attempt.clientRequestId, stage: 'terminal' });
    // A reloaded page reads it back as "check status" with the same keys.
    const reloaded = await createPendingRefunds(storage).get(p.id);
    expect(reloaded && resumedState(reloaded)).toEqual({ kind: 'unknown', attempt });
  });

  it('cash is written down before the server is asked; a lost answer stays, with the reason, until the retry records it', async () => {
    const { finance, storage, stored, deps } = setup();
    const p = finance.seed(payment());
    const attempt = newRefundAttempt(p, 10000, 'x', 'RUB');
    const seen: unknown[] = [];
    finance.api.refundPayment.mockImplementationOnce(() => {
      seen.push(stored()[p.id]);
      return Promise.reject(networkError());
    });
    expect(await runRefund(deps, attempt)).toEqual({ kind: 'failed', attempt, message: 'No connection to the server', code: 'network' });
    expect(seen).toEqual([{ ...attempt, stage: 'recording' }]);
    const reloaded = await createPendingRefunds(storage).get(p.id);
    expect(reloaded && resumedState(reloaded)).toEqual({ kind: 'failed', attempt, message: 'No connection to the server' });
    expect((await runRefund(deps, attempt)).kind).toBe('done');
    expect(stored()).toEqual({});
  });

  it('after the terminal approved, the stored attempt only awaits the record', async () => {
    const { finance, stored, deps } = setup();
    const p = finance.seed(card());
    finance.failures.loseNextRefundAnswer = true;
    const lost = await runRefund(deps, newRefundAttempt(p, 20000, 'x', 'RUB'));
    expect(lost.kind).toBe('failed');
    expect(stored()[p.id]).toMatchObject({ stage: 'recording', terminalAnswer: { outcome: 'approved' }, message: 'No connection to the server' });
    expect(resumedState(stored()[p.id]).kind).toBe('failed');
  });

  it('a known outcome clears it: declined by the terminal, refused by the server, recorded', async () => {
    const declined = setup('decline');
    const p = declined.finance.seed(card());
    expect((await runRefund(declined.deps, newRefundAttempt(p, 1000, 'x', 'RUB'))).kind).toBe('declined');
    expect(declined.stored()).toEqual({});

    const refused = setup();
    const cash = refused.finance.seed(payment());
    expect((await runRefund(refused.deps, newRefundAttempt(cash, 99999, 'x', 'RUB'))).kind).toBe('refused');
    expect(refused.stored()).toEqual({});
    expect((await runRefund(refused.deps, newRefundAttempt(cash, 100, 'x', 'RUB'))).kind).toBe('done');
    expect(refused.stored()).toEqual({});
  });

  it('when the attempt cannot be written down, neither the terminal nor the server is asked', async () => {
    const { finance, refund, deps } = setup();
    const storage = createMemoryStorage();
    const pending = createPendingRefunds({ get: storage.get, set: () => Promise.reject(new Error('IndexedDB refused')) });
    for (const p of [finance.seed(card()), finance.seed(payment())]) {
      expect(await runRefund({ ...deps, pending }, newRefundAttempt(p, 100, 'x', 'RUB'))).toEqual({ kind: 'notSaved', message: 'IndexedDB refused' });
    }
    expect(refund).not.toHaveBeenCalled();
    expect(finance.api.refundPayment).not.toHaveBeenCalled();
  });

  it('a retry whose rewrite fails still goes on: the attempt is in storage already', async () => {
    const { finance, deps } = setup();
    const p = finance.seed(payment());
    const attempt = newRefundAttempt(p, 100, 'x', 'RUB');
    const storage = createMemoryStorage({ [PENDING_REFUNDS_KEY]: { [p.id]: { ...attempt, stage: 'recording' } } });
    let writes = 0;
    const pending = createPendingRefunds({ get: storage.get, set: (k, v) => (++writes === 1 ? Promise.reject(new Error('busy')) : storage.set(k, v)) });
    expect((await runRefund({ ...deps, pending }, attempt)).kind).toBe('done');
    expect(finance.api.refundPayment).toHaveBeenCalledTimes(1);
    expect(storage.data.get(PENDING_REFUNDS_KEY)).toEqual({});
  });

  it('ignores malformed entries left in storage', async () => {
    const good = { ...newRefundAttempt(payment(), 100, 'x', 'RUB'), stage: 'recording' as const };
    const storage = createMemoryStorage({ [PENDING_REFUNDS_KEY]: { a: good, b: { paymentId: 'b' }, c: 'junk', d: { ...good, stage: 'somewhere' } } });
    const pending = createPendingRefunds(storage);
    await pending.load();
    expect(pending.snapshot()).toEqual({ a: good });
  });
});
