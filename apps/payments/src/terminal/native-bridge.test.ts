import { createNativeBridgeTerminal, parseTerminalResult } from './native-bridge';

describe('the native bridge adapter', () => {
  it('speaks JSON both ways and keeps each operation key', async () => {
    const bridge = {
      startPayment: jest.fn((_request: string) => Promise.resolve(JSON.stringify({ outcome: 'approved', transactionRef: 'T-1', maskedCard: '•••• 1111', scheme: 'mir' }))),
      paymentStatus: jest.fn((_request: string) => Promise.resolve(JSON.stringify({ outcome: 'declined', transactionRef: 'T-1', reason: 'Reversed' }))),
      cancelPayment: jest.fn((_request: string) => Promise.resolve()),
    };
    const terminal = createNativeBridgeTerminal(bridge);
    expect(await terminal.start({ amount: 100, currency: 'RUB', idempotencyKey: 'k1' })).toEqual({ outcome: 'approved', transactionRef: 'T-1', maskedCard: '•••• 1111', scheme: 'mir', reason: undefined });
    expect(JSON.parse(bridge.startPayment.mock.calls[0][0])).toEqual({ amount: 100, currency: 'RUB', idempotencyKey: 'k1' });
    expect((await terminal.status('T-1', 'k2')).outcome).toBe('declined');
    expect(JSON.parse(bridge.paymentStatus.mock.calls[0][0])).toEqual({ transactionRef: 'T-1', idempotencyKey: 'k2' });
    await terminal.cancel('T-1', 'k3');
    expect(JSON.parse(bridge.cancelPayment.mock.calls[0][0])).toEqual({ transactionRef: 'T-1', idempotencyKey: 'k3' });
  });

  it('an unreadable answer leaves the payment unknown (a timeout), never paid or failed', () => {
    expect(parseTerminalResult('not json').outcome).toBe('timeout');
    expect(parseTerminalResult(JSON.stringify({ outcome: 'maybe' })).outcome).toBe('timeout');
  });
});
