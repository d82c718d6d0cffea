import { aTable, aTableSession } from '@pos/contracts/testing';
import { createI18n } from '@pos/i18n';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { addShellTexts } from '../../i18n';
import { TableTile } from './table-tile';

/** A tile drawn `side` px square: under 84 px it is compact and shows only label and total. */
function renderTile(side: number, seated: boolean) {
  const i18n = createI18n('ru');
  addShellTexts(i18n);
  const table = aTable({
    id: 't1',
    label: '1',
    seats: 4,
    status: seated ? 'occupied' : 'free',
    openTotal: seated ? 158000 : 0,
    session: seated ? aTableSession({ tableId: 't1', waiterName: 'Анна', guests: 3, status: 'open', openedAt: new Date().toISOString() }) : null,
  });
  render(
    <I18nextProvider i18n={i18n}>
      <TableTile table={table} rect={{ x: 0, y: 0, width: side, height: side }} currency="RUB" now={Date.now()} isMine={false} isBusy={false} onTap={() => undefined} />
    </I18nextProvider>,
  );
  return screen.getByTestId('table-1');
}

describe('a table tile', () => {
  it.each([70, 100])('at %i px is named with its guests and waiter, shown or not', (side) => {
    expect(renderTile(side, true)).toHaveAccessibleName(/^Стол 1 \(Занят\), [\d\s,]+₽ 3 \(гостя\) · Анна \(официант\),/);
  });

  it.each([70, 100])('at %i px, free, is named with its seats', (side) => {
    expect(renderTile(side, false)).toHaveAccessibleName(/^Стол 1 \(Свободен\), 4 места/);
  });

  it('compact, shows only label and total', () => {
    const tile = renderTile(70, true);
    expect(tile.querySelector('[class*="tableMeta"]')).toBeNull();
  });
});
