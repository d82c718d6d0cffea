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
    await sim.cancel(approved.transactionRef as string, 'c-1');
    expect((await sim.status(approved.transactionRef as string, 's-2')).outcome).toBe('declined');
  });
});
