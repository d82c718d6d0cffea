import type { ClosedShift, ExpiredHolds, Order, Payment, Permission, Shift } from '@pos/contracts';
import { HostProvider, type ShiftCloseContext } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { payment, paymentsHost } from '../../testing/fixtures';
import { ShiftCloseHolds } from './card-holds';

// Moved from the shell's shift screen with the holds themselves: the shell now only places the
// `shift.close` slot (before the close, and on the closed shift's result).

const shift = (over: Partial<ClosedShift> = {}): ClosedShift => ({
  id: 'shift-1',
  cashierId: 'c1',
  cashierName: 'Вера',
  status: 'closed',
  isRescue: false,
  tillId: null,
  tillName: null,
  closeMode: null,
  openedAt: '2026-03-02T09:00:00.000Z',
  closedAt: '2026-03-02T18:00:00.000Z',
  openingFloat: 500_000,
  totals: {
    cash: { sales: 300_000, tips: 20_000, refunds: 10_000, expected: 810_000 },
    card: { sales: 450_000, tips: 15_000, refunds: 0, expected: 465_000 },
  },
  cashMovements: { paidIn: 0, paidOut: 0 },
  counted: { cash: 810_000, card: 465_000 },
  difference: { cash: 0, card: 0 },
  closedBy: null,
  overrideReason: null,
  ...over,
});

const openShift: Shift = { ...shift(), status: 'open', closedAt: null, counted: null, difference: null };

const openCheck = (number: number) => Promise.resolve({ id: `order-${number}`, number } as Order);

const hold = (id: string, over: Partial<Payment> = {}): Payment =>
  payment({
    id,
    orderId: `order-${id.slice(1)}`,
    shiftId: 'shift-1',
    method: 'card',
    status: 'authorized',
    amount: 250_000,
    reference: 'T-1',
    held: 275_000,
    maskedCard: '•••• 4242',
    scheme: 'visa',
    expiresAt: '2026-03-01T15:00:00.000Z',
    createdBy: 'c1',
    createdAt: '2026-02-24T15:00:00.000Z',
    ...over,
  });

const expiredHolds = (policy: 'capture' | 'release', holds: Payment[]): ExpiredHolds => ({ settings: { tipTolerancePercent: 20, holdExpiryDays: 5, dayClosePolicy: policy }, holds });

function renderHolds(context: ShiftCloseContext, api: { expiredHolds?: jest.Mock; order?: jest.Mock }, permissions: Permission[] = ['shifts.view', 'shifts.close', 'payments.take']) {
  // The shell's navigate moves the address bar: so does this host's.
  const host = paymentsHost(api, 'ru', { permissions, navigate: (path) => window.history.pushState(null, '', path) });
  render(
    <HostProvider host={host}>
      <ShiftCloseHolds host={host} context={context} />
    </HostProvider>,
  );
  return host;
}

describe('ShiftCloseHolds (the shift.close slot)', () => {
  it('warns a cashier before closing that expired holds will be captured at day close', async () => {
    const expired = jest.fn(async () => expiredHolds('capture', [hold('p7'), hold('p8', { maskedCard: null, held: 0, amount: 90_000, expiresAt: null })]));
    renderHolds({ stage: 'before', shift: openShift }, { expiredHolds: expired, order: jest.fn((id: string) => openCheck(Number(id.slice(6)))) });
    const holds = await screen.findByTestId('expired-holds');
    expect(holds).toHaveAttribute('data-policy', 'capture');
    expect(holds).toHaveTextContent('Просроченные блокировки по картам: 2');
    expect(screen.getByTestId('expired-holds-policy')).toHaveTextContent('При закрытии последней смены дня они будут списаны с карт гостей');
    expect(await within(holds).findByText('Чек №7')).toBeInTheDocument();
    const first = screen.getByTestId('expired-hold-p7');
    // Held on the card (with the tip), expiry in the venue's time zone (Moscow, UTC+3).
    expect(first.textContent).toMatch(/•••• 4242 · срок истёк 1 мар\.?, 18:00/);
    expect(first.textContent).toMatch(/2\s750,00\s₽/);
    expect(screen.getByTestId('expired-hold-p8').textContent).toMatch(/900,00\s₽/);
    fireEvent.click(first);
    expect(window.location.pathname).toBe('/order/order-7');
  });

  it('says when the day close will release them instead', async () => {
    renderHolds({ stage: 'before', shift: openShift }, { expiredHolds: jest.fn(async () => expiredHolds('release', [hold('p7')])), order: jest.fn(() => openCheck(7)) });
    expect(await screen.findByTestId('expired-holds')).toHaveAttribute('data-policy', 'release');
    expect(screen.getByTestId('expired-holds-policy')).toHaveTextContent('будут освобождены');
  });

  it('shows nothing about holds without expired ones, or to staff who do not take payments', async () => {
    const expired = jest.fn(async () => expiredHolds('capture', [hold('p7')]));
    renderHolds({ stage: 'before', shift: openShift }, { expiredHolds: expired }, ['shifts.view', 'shifts.open', 'shifts.close']);
    await act(() => Promise.resolve());
    expect(expired).not.toHaveBeenCalled();
    expect(screen.queryByTestId('expired-holds')).not.toBeInTheDocument();
  });

  it('lists the holds the day close captured and released', async () => {
    const closed = shift({
      settledHolds: { captured: [hold('p7', { status: 'captured', amount: 250_000, tip: 25_000 })], released: [hold('p8', { status: 'cancelled', maskedCard: '•••• 1111', held: 90_000 })] },
    });
    renderHolds({ stage: 'after', shift: closed }, { order: jest.fn((id: string) => openCheck(Number(id.slice(6)))) }, ['shifts.view', 'shifts.open', 'shifts.close']);
    const settled = await screen.findByTestId('settled-holds');
    expect(settled).toHaveTextContent('Просроченные блокировки закрыты');
    expect(screen.getByTestId('settled-captured').textContent).toMatch(/^Списано \(1\): 2\s750,00\s₽$/);
    expect(screen.getByTestId('settled-released').textContent).toMatch(/^Освобождено \(1\): 900,00\s₽$/);
    expect(screen.getByTestId('settled-hold-p7')).toHaveAttribute('data-outcome', 'captured');
    expect(screen.getByTestId('settled-hold-p8')).toHaveAttribute('data-outcome', 'released');
    expect(screen.getByTestId('settled-hold-p8')).toHaveTextContent('•••• 1111');
    expect(await within(settled).findByText('Чек №8')).toBeInTheDocument();
  });

  it('leaves the holds out of a close that settled none', async () => {
    renderHolds({ stage: 'after', shift: shift({ counted: { cash: 1, card: 1 }, settledHolds: { captured: [], released: [] } }) }, {});
    await act(() => Promise.resolve());
    expect(screen.queryByTestId('settled-holds')).not.toBeInTheDocument();
  });
});
