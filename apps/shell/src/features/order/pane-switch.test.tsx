import type { Order } from '@pos/contracts';
import { aLine, anOrder } from '@pos/contracts/testing';
import { createI18n } from '@pos/i18n';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { addShellTexts } from '../../i18n';
import { PaneSwitch } from './pane-switch';

const withPortions = (count: number): Order =>
  anOrder({ lines: Array.from({ length: count }, (_, i) => aLine({ id: `l${i}`, quantity: 1, voidedQuantity: 0 })) });

describe('the portrait pane switch', () => {
  const i18n = createI18n('ru');
  addShellTexts(i18n);
  const view = (order: Order, onChange = jest.fn()) => (
    <I18nextProvider i18n={i18n}>
      <PaneSwitch order={order} currency="RUB" pane="menu" onChange={onChange} />
    </I18nextProvider>
  );

  it('keeps the count badge the same element as dishes land, and replays its pop each time', () => {
    // A tap that began on the badge must survive a dish landing under the finger: a replaced
    // element drops the browser's click, and the waiter stays on the menu (seen in CI).
    const { rerender } = render(view(withPortions(0)));
    const badge = screen.getByTestId('pane-order-count');
    expect(badge).toHaveTextContent('0');
    expect(badge.className).not.toMatch(/pop/);

    rerender(view(withPortions(1)));
    expect(screen.getByTestId('pane-order-count')).toBe(badge);
    expect(badge).toHaveTextContent('1');
    const first = badge.className;
    expect(first).toMatch(/pop/);

    rerender(view(withPortions(2)));
    expect(screen.getByTestId('pane-order-count')).toBe(badge);
    // Another animation name, so the browser plays the pop again on the same element.
    expect(badge.className).toMatch(/pop/);
    const second = badge.className;
    expect(second).not.toBe(first);

    // The same count again (another line's note changed, say): no pop.
    rerender(view(withPortions(2)));
    expect(badge.className).toBe(second);
  });
});
