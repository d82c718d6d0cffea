import { createSimulatorTerminal, parseSimulatorMode, SIMULATOR_SETTING_KEY } from './simulator';

const noWait = () => Promise.resolve();
const request = (key = 'k-1') => ({ amount: 45000, currency: 'RUB', idempotencyKey: key });

describe('the terminal simulator', () => {
  afterEach(() => localStorage.removeItem(SIMULATOR_SETTING_KEY));

  it('reads its mode from the setting: approve, decline, timeout, delay:<ms>; anything else approves', () => {
    expect(parseSimulatorMode('decline')).toEqual({ kind: 'decline' });
    expect(parseSimulatorMode('timeout')).toEqual({ kind: 'timeout' });
    expect(parseSimulatorMode('delay:2500')).toEqual({ kind: 'delay', ms: 2500 });
    expect(parseSimulatorMode('approve')).toEqual({ kind: 'approve' });
    expect(parseSimulatorMode(null)).toEqual({ kind: 'approve' });
    expect(parseSimulatorMode('delay:soon')).toEqual({ kind: 'approve' });
  });

  it('approves with a reference and a masked card, never card data', async () => {
    const result = await createSimulatorTerminal({ sleep: noWait }).start(request());
    expect(result).toMatchObject({ outcome: 'approved', maskedCard: '•••• 4242', scheme: 'visa' });
    expect(result.transactionRef).toMatch(/^SIM-/);
    expect(JSON.stringify(result)).not.toMatch(/\d{13,}/);
  });

  it('declines with a reason, and the status says declined too', async () => {
    localStorage.setItem(SIMULATOR_SETTING_KEY, 'decline');
    const sim = createSimulatorTerminal({ sleep: noWait });
    const result = await sim.start(request());
    expect(result).toMatchObject({ outcome: 'declined', reason: 'Insufficient funds' });
    expect((await sim.status(result.transactionRef as string, 's-1')).outcome).toBe('declined');
  });

  it('times out, yet the card was charged: the status afterwards is approved', async () => {
    localStorage.setItem(SIMULATOR_SETTING_KEY, 'timeout');
    const sim = createSimulatorTerminal({ sleep: noWait });
    const result = await sim.start(request());
    expect(result.outcome).toBe('timeout');
    expect(await sim.status(result.transactionRef as string, 's-1')).toMatchObject({ outcome: 'approved', maskedCard: '•••• 4242' });
  });

  it('approves after the configured delay', async () => {
    const sleep = jest.fn(noWait);
    const result = await createSimulatorTerminal({ sleep, mode: () => parseSimulatorMode('delay:1200') }).start(request());
    expect(result.outcome).toBe('approved');
    expect(sleep).toHaveBeenCalledWith(1200);
  });

  it('charges once per idempotency key: a retried start gets the same transaction', async () => {
    const sim = createSimulatorTerminal({ sleep: noWait });
    const first = await sim.start(request('same'));
    const again = await sim.start(request('same'));
    const other = await sim.start(request('other'));
    expect(again.transactionRef).toBe(first.transactionRef);
    expect(other.transactionRef).not.toBe(first.transactionRef);
  });

  it('an unknown transaction is reported declined, and a cancelled one too', async () => {
    const sim = createSimulatorTerminal({ sleep: noWait });
    expect((await sim.status('SIM-NOPE', 's')).outcome).toBe('declined');
    const approved = await sim.start(request());
    await sim.cancel({ transactionRef: approved.transactionRef as string }, 'c-1');
    expect((await sim.status(approved.transactionRef as string, 's-2')).outcome).toBe('declined');
  });

  it('a cancel while the card is awaited (by the start key) turns the start into a declined "Cancelled"', async () => {
    let wake: () => void = () => undefined;
    const sim = createSimulatorTerminal({ sleep: () => new Promise<void>((r) => (wake = r)) });
    const started = sim.start(request('waiting'));
    await sim.cancel({ startKey: 'waiting' }, 'c-1');
    wake();
    expect(await started).toMatchObject({ outcome: 'declined', reason: 'Cancelled' });
  });

  it('captures a pre-authorization once per key; the capture keeps the sale reference a refund quotes', async () => {
    const sim = createSimulatorTerminal({ sleep: noWait });
    const hold = await sim.start({ ...request('h'), authorizeOnly: true });
    const capture = { transactionRef: hold.transactionRef as string, amount: 40000, currency: 'RUB', idempotencyKey: 'cap-1' };
    expect(await sim.capture(capture)).toMatchObject({ outcome: 'approved', transactionRef: hold.transactionRef, maskedCard: '•••• 4242' });
    // The same key again answers the same capture; another key is a second capture and refused.
    expect((await sim.capture(capture)).outcome).toBe('approved');
    expect(await sim.capture({ ...capture, idempotencyKey: 'cap-2' })).toMatchObject({ outcome: 'declined', reason: 'Already captured' });
  });

  it('a released hold cannot be captured', async () => {
    const sim = createSimulatorTerminal({ sleep: noWait });
    const hold = await sim.start({ ...request('h'), authorizeOnly: true });
    await sim.cancel({ transactionRef: hold.transactionRef as string }, 'c-1');
    expect((await sim.capture({ transactionRef: hold.transactionRef as string, amount: 100, currency: 'RUB', idempotencyKey: 'cap' })).outcome).toBe('declined');
  });

  it('refunds at most what the sale took, once per key; a timed-out refund asked again with its key is approved', async () => {
    const sim = createSimulatorTerminal({ sleep: noWait });
    const sale = await sim.start(request('sale'));
    const refund = (amount: number, key: string) => sim.refund({ transactionRef: sale.transactionRef as string, amount, currency: 'RUB', idempotencyKey: key });
    const first = await refund(30000, 'r-1');
    expect(first.outcome).toBe('approved');
    expect(first.transactionRef).toMatch(/^SIM-R-/);
    expect((await refund(30000, 'r-1')).transactionRef).toBe(first.transactionRef); // the same refund, not a second one
    expect(await refund(20000, 'r-2')).toMatchObject({ outcome: 'declined', reason: 'More than the original transaction' });

    localStorage.setItem(SIMULATOR_SETTING_KEY, 'timeout');
    expect((await refund(15000, 'r-3')).outcome).toBe('timeout');
    localStorage.setItem(SIMULATOR_SETTING_KEY, 'decline');
    // Even in decline mode now: the refund under that key happened, and that is the answer.
    expect((await refund(15000, 'r-3')).outcome).toBe('approved');
    expect((await refund(1, 'r-4')).outcome).toBe('declined');
  });

  it('a refund of a sale it does not know (made before a reload) is approved', async () => {
    const result = await createSimulatorTerminal({ sleep: noWait }).refund({ transactionRef: 'SIM-OLD-1', amount: 500, currency: 'RUB', idempotencyKey: 'r' });
    expect(result.outcome).toBe('approved');
  });
});
