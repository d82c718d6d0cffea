import type { Order } from '@pos/contracts';
import { aCheck, aLine, aModifier, anOrder } from '@pos/contracts/testing';
import { createI18n } from '@pos/i18n';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { addShellTexts } from '../../i18n';
import { PreBillDialog } from './pre-bill';

/** Fired lines of the order, as the kitchen has them. */
const fired = { firedQuantity: 1, kitchenState: 'fired' } as const;

const ORDER = anOrder({
  number: 12,
  tableLabel: '7',
  waiterName: 'Анна',
  guests: 3,
  lines: [
    aLine({ ...fired, id: 'l1', name: 'Борщ', unitPrice: 45_000, quantity: 3, voidedQuantity: 1, lineTotal: 90_000 }),
    aLine({ ...fired, id: 'l2', name: 'Стейк рибай', unitPrice: 329_000, lineTotal: 336_000, modifiers: [aModifier({ id: 'm1', name: 'Medium', priceDelta: 0 }), aModifier({ id: 'm2', name: 'Перечный соус', priceDelta: 7_000 })] }),
    aLine({ ...fired, id: 'l3', name: 'Вино', unitPrice: 45_000, voidedQuantity: 1, lineTotal: 0 }),
  ],
  checks: [aCheck({ index: 0, amount: 426_000, paid: 0, due: 426_000, lines: null })],
  subtotal: 426_000,
  total: 426_000,
  due: 426_000,
});

function renderPreBill(order: Order, language: 'ru' | 'en' = 'ru') {
  const i18n = createI18n(language);
  addShellTexts(i18n);
  const onClose = jest.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <PreBillDialog order={order} venueName="Ресторан «Демо»" currency="RUB" printedAt={new Date('2026-01-01T13:05:00Z')} onClose={onClose} />
    </I18nextProvider>,
  );
  return onClose;
}

describe('PreBillDialog', () => {
  it('lists what still stands (voided portions left off), the total, and says it is not a fiscal receipt', () => {
    renderPreBill(ORDER);
    expect(screen.getByRole('dialog', { name: 'Пречек' })).toBeInTheDocument();
    const slip = screen.getByTestId('pre-bill');
    expect(slip).toHaveTextContent('Ресторан «Демо»');
    expect(slip).toHaveTextContent('Стол 7 · Заказ №12');
    expect(slip).toHaveTextContent('Официант: Анна · 3 гостя');
    const lines = within(screen.getByTestId('pre-bill-lines')).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s/g, ' '));
    expect(lines).toEqual(['2 × Борщ900,00 ₽', '1 × Стейк рибайMedium, Перечный соус3 360,00 ₽']);
    expect(screen.getByTestId('pre-bill-total').textContent?.replace(/\s/g, ' ')).toBe('4 260,00 ₽');
    expect(slip).toHaveTextContent('Не является фискальным документом');
    expect(screen.queryByTestId('pre-bill-checks')).not.toBeInTheDocument();
  });

  it('names each promotion with its saving under the subtotal', () => {
    renderPreBill({
      ...ORDER,
      discount: 27_000,
      total: 399_000,
      due: 399_000,
      promotions: [
        { ruleId: 'r1', name: 'Счастливые часы −20 %', kind: 'percent', manual: false, saving: 18_000, lines: [{ lineId: 'l1', saving: 18_000 }] },
        { ruleId: 'r2', name: 'Скидка сотрудника 10 %', kind: 'percent', manual: true, saving: 9_000, lines: [{ lineId: 'l1', saving: 9_000 }] },
      ],
    });
    const rows = screen.getAllByTestId('pre-bill-promotion').map((row) => row.textContent?.replace(/\s/g, ' '));
    expect(rows).toEqual(['Скидка: Счастливые часы −20 %−180,00 ₽', 'Скидка: Скидка сотрудника 10 %−90,00 ₽']);
    expect(screen.getByTestId('pre-bill-total').textContent?.replace(/\s/g, ' ')).toBe('3 990,00 ₽');
  });

  it('lists each check of a split bill with what is still due on it, in English too', () => {
    renderPreBill(
      {
        ...ORDER,
        split: { mode: 'equal', parts: 2 },
        paid: 213_000,
        due: 213_000,
        checks: [
          { index: 0, amount: 213_000, paid: 213_000, due: 0, lines: null },
          { index: 1, amount: 213_000, paid: 0, due: 213_000, lines: null },
        ],
      } as Order,
      'en',
    );
    expect(screen.getByRole('dialog', { name: 'Pre-bill' })).toBeInTheDocument();
    const checks = Array.from(screen.getByTestId('pre-bill-checks').children).map((row) => row.textContent?.replace(/\s/g, ' '));
    expect(checks).toEqual(['Check 1₽0.00', 'Check 2₽2,130.00']);
    expect(screen.getByTestId('pre-bill')).toHaveTextContent('Not a fiscal receipt');
  });

  it('prints the slip alone and closes with Escape', () => {
    const onClose = renderPreBill(ORDER);
    const original = window.print;
    let marked = false;
    window.print = jest.fn(() => {
      marked = document.body.classList.length > 0 && screen.getByTestId('pre-bill').classList.length > 1;
    });
    try {
      fireEvent.click(screen.getByTestId('pre-bill-print'));
      expect(window.print).toHaveBeenCalledTimes(1);
      expect(marked).toBe(true);
      expect(document.body.classList).toHaveLength(0);
    } finally {
      window.print = original;
    }
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
