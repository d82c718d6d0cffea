import type { OrderLine } from '@pos/contracts';
import { aLine } from '@pos/contracts/testing';
import { createI18n } from '@pos/i18n';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { addShellTexts } from '../../i18n';
import { OrderLineRow } from './order-line-row';

function renderLine(line: OrderLine) {
  const i18n = createI18n('ru');
  addShellTexts(i18n);
  const onVoid = jest.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <ul>
        <OrderLineRow line={line} currency="RUB" isSelected canEdit onSelect={jest.fn()} onQuantity={jest.fn()} onEdit={jest.fn()} onVoid={onVoid} />
      </ul>
    </I18nextProvider>,
  );
  return { onVoid };
}

describe('an order line', () => {
  it('a dish sent to the kitchen shows where the kitchen is, and offers quantity, note and void', () => {
    renderLine(aLine({ id: 'l1', name: 'Борщ', unitPrice: 45000, lineTotal: 45000, quantity: 1, firedQuantity: 1, kitchenState: 'fired' }));
    expect(screen.getByTestId('line-kitchen')).toHaveTextContent('На кухне');
    expect(screen.getByTestId('line-stepper')).toBeInTheDocument();
    expect(screen.getByTestId('line-note')).toBeInTheDocument();
  });

  it('a gift card sold on the order (a charge) is not a dish: no kitchen badge, no quantity or note — it can only be voided', () => {
    const { onVoid } = renderLine(aLine({ id: 'l2', name: 'Подарочная карта ••••7F3K', unitPrice: 300000, lineTotal: 300000, quantity: 1, firedQuantity: 1, kitchenState: 'fired', isCharge: true }));
    expect(screen.queryByTestId('line-kitchen')).toBeNull();
    expect(screen.queryByTestId('line-stepper')).toBeNull();
    expect(screen.queryByTestId('line-note')).toBeNull();
    fireEvent.click(screen.getByTestId('line-void'));
    expect(onVoid).toHaveBeenCalledWith(expect.objectContaining({ id: 'l2' }));
  });
});
