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
    await terminal.cancel({ transactionRef: 'T-1' }, 'k3');
    expect(JSON.parse(bridge.cancelPayment.mock.calls[0][0])).toEqual({ transactionRef: 'T-1', idempotencyKey: 'k3' });
  });

  it('an unreadable answer leaves the payment unknown (a timeout), never paid or failed', () => {
    expect(parseTerminalResult('not json').outcome).toBe('timeout');
    expect(parseTerminalResult(JSON.stringify({ outcome: 'maybe' })).outcome).toBe('timeout');
  });

  it('capture, refund and cancel of a waiting start carry the reference and their own key', async () => {
    const answer = JSON.stringify({ outcome: 'approved', transactionRef: 'R-9', maskedCard: '•••• 1111' });
    const bridge = {
      startPayment: jest.fn((_request: string) => Promise.resolve(answer)),
      paymentStatus: jest.fn((_request: string) => Promise.resolve(answer)),
      cancelPayment: jest.fn((_request: string) => Promise.resolve()),
      capturePayment: jest.fn((_request: string) => Promise.resolve(answer)),
      refundPayment: jest.fn((_request: string) => Promise.resolve(JSON.stringify({ outcome: 'declined', reason: 'Card blocked' }))),
    };
    const terminal = createNativeBridgeTerminal(bridge);
    await terminal.start({ amount: 100, currency: 'RUB', idempotencyKey: 'k1', authorizeOnly: true });
    expect(JSON.parse(bridge.startPayment.mock.calls[0][0])).toEqual({ amount: 100, currency: 'RUB', idempotencyKey: 'k1', authorizeOnly: true });
    expect((await terminal.capture({ transactionRef: 'T-1', amount: 90, currency: 'RUB', idempotencyKey: 'k2' })).outcome).toBe('approved');
    expect(JSON.parse(bridge.capturePayment.mock.calls[0][0])).toEqual({ transactionRef: 'T-1', amount: 90, currency: 'RUB', idempotencyKey: 'k2' });
    expect(await terminal.refund({ transactionRef: 'T-1', amount: 50, currency: 'RUB', idempotencyKey: 'k3' })).toMatchObject({ outcome: 'declined', reason: 'Card blocked' });
    expect(JSON.parse(bridge.refundPayment.mock.calls[0][0])).toEqual({ transactionRef: 'T-1', amount: 50, currency: 'RUB', idempotencyKey: 'k3' });
    await terminal.cancel({ startKey: 'k1' }, 'k4');
    expect(JSON.parse(bridge.cancelPayment.mock.calls[0][0])).toEqual({ startKey: 'k1', idempotencyKey: 'k4' });
  });

  it('an app without capture or refund declines them (nothing happened); a broken channel is a timeout', async () => {
    const terminal = createNativeBridgeTerminal({
      startPayment: () => Promise.reject(new Error('channel closed')),
      paymentStatus: () => Promise.resolve('{}'),
      cancelPayment: () => Promise.resolve(),
    });
    const request = { transactionRef: 'T-1', amount: 50, currency: 'RUB', idempotencyKey: 'k' };
    expect(await terminal.refund(request)).toMatchObject({ outcome: 'declined', reason: expect.stringContaining('cannot refund') });
    expect((await terminal.capture(request)).outcome).toBe('declined');
    expect((await terminal.start({ amount: 1, currency: 'RUB', idempotencyKey: 's' })).outcome).toBe('timeout');
  });
});
