import type { Payment, Receipt } from '@pos/contracts';
import { aPayment, aReceipt } from '@pos/contracts/testing';
import { createI18n } from '@pos/i18n';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { addShellTexts } from '../../i18n';
import { PaymentReceipt } from './payment-receipt';

/** A captured card payment of 1 000 ₽. */
const payment = (id: string, over: Partial<Payment> = {}): Payment => aPayment({ id, method: 'card', status: 'captured', amount: 100_000, tip: 0, ...over });

/** Order №12 of table 7: two portions at 750 ₽, paid 1 000 ₽ by card (with a 100 ₽ tip) and 500 ₽ cash. */
const receipt = (over: Partial<Receipt> = {}): Receipt =>
  aReceipt({
    venueName: 'Демо',
    orderNumber: 12,
    tableLabel: '7',
    waiterName: 'Анна',
    lines: [{ name: 'Борщ', modifiers: [], quantity: 2, unitPrice: 75_000, total: 150_000 }],
    subtotal: 150_000,
    discount: 0,
    total: 150_000,
    tips: 10_000,
    payments: [
      { method: 'card', amount: 100_000, tip: 10_000, maskedCard: '•••• 4242' },
      { method: 'cash', amount: 50_000, tip: 0 },
    ],
    change: 0,
    due: 0,
    issuedAt: '2026-03-02T12:00:00.000Z',
    ...over,
  });

const PAYMENTS = [payment('p1', { tip: 10_000, maskedCard: '•••• 4242' }), payment('p2', { method: 'cash', amount: 50_000, tendered: 50_000 })];

function renderReceipt(r: Receipt, payments: Payment[], language: 'ru' | 'en' = 'ru') {
  const i18n = createI18n(language);
  addShellTexts(i18n);
  render(
    <I18nextProvider i18n={i18n}>
      <PaymentReceipt receipt={r} payments={payments} />
    </I18nextProvider>,
  );
}

/** A receipt line as "label | amount". */
const text = (testId: string) =>
  Array.from(screen.getByTestId(testId).children)
    .map((cell) => cell.textContent?.replace(/\s/g, ' '))
    .join(' | ');

describe('PaymentReceipt', () => {
  it('names the card of a card payment and the tip it carried, and nothing more on cash', () => {
    renderReceipt(receipt(), PAYMENTS);
    expect(text('receipt-payment-p1')).toBe('Карта · •••• 4242 · в т. ч. чаевые 100,00 ₽ | 1 100,00 ₽');
    expect(text('receipt-payment-p2')).toBe('Наличные | 500,00 ₽');
  });

  it('says which tender carried the tip when the cashier put it on the cash', () => {
    renderReceipt(receipt(), [payment('p1'), payment('p2', { method: 'cash', amount: 50_000, tip: 10_000, tendered: 60_000 })]);
    expect(text('receipt-payment-p1')).toBe('Карта | 1 000,00 ₽');
    expect(text('receipt-payment-p2')).toBe('Наличные · в т. ч. чаевые 100,00 ₽ | 600,00 ₽');
  });

  it('names tap-to-pay and deferred payments in words', () => {
    renderReceipt(receipt(), [payment('p3', { method: 'softpos', maskedCard: '•••• 1111' }), payment('p4', { method: 'deferred' })]);
    expect(text('receipt-payment-p3')).toBe('Оплата касанием · •••• 1111 | 1 000,00 ₽');
    expect(text('receipt-payment-p4')).toBe('Карта, отложенная оплата | 1 000,00 ₽');
  });

  it('names gift card and points payments (the loyalty remote’s tenders) in words', () => {
    renderReceipt(receipt(), [payment('p5', { method: 'giftcard', amount: 40_000 }), payment('p6', { method: 'points', amount: 12_000 })]);
    expect(text('receipt-payment-p5')).toBe('Подарочная карта | 400,00 ₽');
    expect(text('receipt-payment-p6')).toBe('Баллы | 120,00 ₽');
  });

  it('names gift card and points payments in English', () => {
    renderReceipt(receipt(), [payment('p5', { method: 'giftcard', amount: 40_000 }), payment('p6', { method: 'points', amount: 12_000 })], 'en');
    expect(text('receipt-payment-p5')).toBe('Gift card | ₽400.00');
    expect(text('receipt-payment-p6')).toBe('Points | ₽120.00');
  });

  it('names the promotions behind the discount', () => {
    renderReceipt(receipt({ subtotal: 150_000, discount: 30_000, total: 120_000, promotions: [{ name: 'Счастливые часы −20 %', saving: 30_000 }] }), PAYMENTS);
    expect(screen.getAllByTestId('receipt-promotion').map((row) => row.textContent?.replace(/\s/g, ' '))).toEqual(['Скидка: Счастливые часы −20 %−300,00 ₽']);
  });

  it('shows no refund lines while nothing was given back', () => {
    renderReceipt(receipt({ refunded: 0 }), PAYMENTS);
    expect(screen.queryByTestId('receipt-refunded')).not.toBeInTheDocument();
    expect(screen.queryByTestId('receipt-net')).not.toBeInTheDocument();
  });

  it('shows what was refunded and the net: everything paid less the refunds', () => {
    renderReceipt(receipt({ refunded: 40_000 }), PAYMENTS);
    expect(text('receipt-refunded')).toBe('Возвращено | −400,00 ₽');
    expect(text('receipt-net')).toBe('Итого за вычетом возврата | 1 200,00 ₽');
  });

  it('says it in English too', () => {
    renderReceipt(receipt({ refunded: 160_000 }), PAYMENTS, 'en');
    expect(text('receipt-refunded')).toBe('Refunded | −₽1,600.00');
    expect(text('receipt-net')).toBe('Net after refunds | ₽0.00');
    expect(text('receipt-payment-p1')).toBe('Card · •••• 4242 · incl. tip ₽100.00 | ₽1,100.00');
  });

  it('prints the receipt alone: only while window.print runs is the rest of the screen marked off', () => {
    renderReceipt(receipt(), PAYMENTS);
    const seen: { body: boolean; receipt: boolean }[] = [];
    const original = window.print;
    window.print = jest.fn(() => {
      seen.push({ body: document.body.classList.length > 0, receipt: screen.getByTestId('receipt').classList.length > 1 });
    });
    try {
      fireEvent.click(screen.getByTestId('receipt-print'));
      expect(window.print).toHaveBeenCalledTimes(1);
      expect(seen).toEqual([{ body: true, receipt: true }]);
      expect(document.body.classList).toHaveLength(0);
      expect(screen.getByTestId('receipt').classList).toHaveLength(1);
    } finally {
      window.print = original;
    }
  });
});
