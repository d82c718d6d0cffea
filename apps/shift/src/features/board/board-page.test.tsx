import type { ClosedShift, OpenShiftSummary } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider, type PosApi, queryKeys } from '@pos/plugin-sdk';
import { TEST_STAFF_ID } from '@pos/plugin-sdk/testing';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aShift, testHost } from '../../testing/fixtures';
import { BoardPage } from './board-page';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const VERA_SHIFT = '0190a000-0000-7000-8000-000000000b01';
const BORIS_SHIFT = '0190a000-0000-7000-8000-000000000b02';
const MY_SHIFT = '0190a000-0000-7000-8000-000000000b03';

/** Вера on «Бар» since 09:15 Moscow with 2 open checks; Борис on his own drawer since yesterday 22:10. */
const openShifts = (): OpenShiftSummary[] => [
  { id: VERA_SHIFT, cashierId: '0190a000-0000-7000-8000-000000000c01', cashierName: 'Вера', openedAt: '2026-12-07T06:15:00.000Z', tillId: '0190a000-0000-7000-8000-000000000d01', tillName: 'Бар', isRescue: false, openChecks: 2 },
  { id: BORIS_SHIFT, cashierId: '0190a000-0000-7000-8000-000000000c02', cashierName: 'Борис', openedAt: '2026-12-06T19:10:00.000Z', tillId: null, tillName: null, isRescue: true, openChecks: 0 },
];

/** Вера's shift after the close: 8 100 ₽ expected in cash, 4 650 ₽ on card. */
const closedBlind = (counted: { cash: number; card: number }): ClosedShift =>
  aShift({
    id: VERA_SHIFT,
    cashierName: 'Вера',
    tillId: '0190a000-0000-7000-8000-000000000d01',
    tillName: 'Бар',
    status: 'closed',
    closeMode: 'blind',
    closedAt: '2026-12-07T12:00:00.000Z',
    totals: { cash: { sales: 310_000, tips: 0, refunds: 0, expected: 810_000 }, card: { sales: 465_000, tips: 0, refunds: 0, expected: 465_000 } },
    counted,
    difference: { cash: counted.cash - 810_000, card: counted.card - 465_000 },
  });

function renderBoard(api: Partial<PosApi>, options: { language?: 'ru' | 'en'; notify?: HostApi['notify'] } = {}) {
  const host = testHost({ api, staff: { name: 'Григорий', role: 'supervisor' }, ...options });
  render(
    <HostProvider host={host}>
      <BoardPage host={host} context={{ path: '/x/admin/open-shifts' }} />
    </HostProvider>,
  );
  return host;
}

describe('BoardPage', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-07T12:00:00.000Z'), advanceTimers: true }));
  afterEach(() => jest.useRealTimers());

  it("lists the venue's open shifts: cashier, till, since when in the venue's time zone, open checks — and no money", async () => {
    renderBoard({ openShifts: jest.fn(async () => ({ shifts: openShifts() })) });
    const vera = await screen.findByTestId(`board-shift-${VERA_SHIFT}`);
    expect(plain(vera.textContent)).toBe('ВераБарс 09:15идёт 5 ч 45 мин2 открытых чекаЗакрыть смену');
    const boris = screen.getByTestId(`board-shift-${BORIS_SHIFT}`);
    expect(plain(boris.textContent)).toBe('БорисСвой ящикРезервнаяс 6 дек., 22:10идёт 16 ч 50 минОткрытых чеков нетЗакрыть смену');
    expect(screen.getByTestId('shift-board')).not.toHaveTextContent('₽');
  });

  it("offers no blind close of the supervisor's own shift", async () => {
    const mine = { ...openShifts()[0], id: MY_SHIFT, cashierId: TEST_STAFF_ID, cashierName: 'Григорий' };
    renderBoard({ openShifts: jest.fn(async () => ({ shifts: [mine] })) });
    const row = await screen.findByTestId(`board-shift-${MY_SHIFT}`);
    expect(row).toHaveTextContent('Ваша смена');
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when no shift is open', async () => {
    renderBoard({ openShifts: jest.fn(async () => ({ shifts: [] })) }, { language: 'en' });
    expect(await screen.findByTestId('shift-board-empty')).toHaveTextContent('No shift is open right now.');
  });

  it('asks for the count and a reason before any expected figure, then shows expected, counted and the difference, and refreshes the board', async () => {
    const calls: string[] = [];
    const list = jest.fn(async () => {
      calls.push('openShifts');
      return { shifts: calls.includes('closeShift') ? openShifts().slice(1) : openShifts() };
    });
    const closeShift = jest.fn(async (_id: string, body: { counted: { cash: number; card: number } }) => {
      calls.push('closeShift');
      return closedBlind(body.counted);
    });
    const notify = jest.fn();
    const host = renderBoard({ openShifts: list, closeShift }, { notify });
    const invalidate = jest.spyOn(host.queryClient, 'invalidateQueries');
    fireEvent.click(await screen.findByTestId(`board-close-${VERA_SHIFT}`));

    const dialog = screen.getByRole('dialog', { name: 'Закрыть смену: Вера' });
    expect(dialog).toHaveTextContent('Касса: Бар');
    expect(dialog).toHaveTextContent('Сколько должно быть, вы увидите только после закрытия');
    expect(dialog).not.toHaveTextContent('Ожидалось');
    expect(dialog).not.toHaveTextContent('8 100');

    // Nothing is sent half-filled.
    fireEvent.click(screen.getByTestId('blind-close-submit'));
    expect(await within(dialog).findAllByText('Введите сумму')).toHaveLength(2);
    expect(within(dialog).getByText('Напишите причину — не короче 3 символов')).toBeInTheDocument();
    expect(closeShift).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('blind-close-cash'), { target: { value: '8000' } });
    fireEvent.change(screen.getByTestId('blind-close-card'), { target: { value: '4 700' } });
    fireEvent.click(screen.getByTestId('blind-close-preset-0'));
    expect(screen.getByTestId('blind-close-reason')).toHaveValue('Кассир ушёл, не закрыв смену');
    fireEvent.click(screen.getByTestId('blind-close-submit'));

    const result = await screen.findByTestId('blind-close-result');
    expect(closeShift).toHaveBeenCalledWith(VERA_SHIFT, { counted: { cash: 800_000, card: 470_000 }, reason: 'Кассир ушёл, не закрыв смену', clientRequestId: expect.any(String) });
    // The only calls: the board's list, then the close — nothing expected was read before it.
    expect(calls.indexOf('closeShift')).toBe(calls.lastIndexOf('closeShift'));
    expect(calls.slice(0, calls.indexOf('closeShift')).every((c) => c === 'openShifts')).toBe(true);
    expect(screen.getByRole('dialog')).toHaveTextContent('Смена закрыта вслепую');
    expect(plain(screen.getByTestId('blind-result-cash').textContent)).toBe('НаличныеОжидалось8 100,00 ₽Пересчитано8 000,00 ₽Недостача−100,00 ₽');
    expect(screen.getByTestId('blind-result-cash')).toHaveAttribute('data-tone', 'short');
    expect(plain(screen.getByTestId('blind-difference-card').textContent)).toBe('+50,00 ₽');
    expect(screen.getByTestId('blind-result-card')).toHaveAttribute('data-tone', 'over');
    expect(result).toBeInTheDocument();
    expect(notify).toHaveBeenCalledWith('success', 'Смена Вера закрыта');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.openShifts });

    fireEvent.click(screen.getByTestId('blind-close-done'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId(`board-shift-${VERA_SHIFT}`)).not.toBeInTheDocument());
  });

  const fillAndSubmit = () => {
    fireEvent.change(screen.getByTestId('blind-close-cash'), { target: { value: '8100' } });
    fireEvent.change(screen.getByTestId('blind-close-card'), { target: { value: '4650' } });
    fireEvent.change(screen.getByTestId('blind-close-reason'), { target: { value: 'Конец дня' } });
    fireEvent.click(screen.getByTestId('blind-close-submit'));
  };

  it('says in words when the shift has open checks, and sends the next try as a new command', async () => {
    const closeShift = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(409, { type: 'about:blank', title: 'Checks open', status: 409, code: 'shift.open_checks', orderIds: ['o1', 'o2'] }))
      .mockImplementationOnce(async (_id: string, body: { counted: { cash: number; card: number } }) => closedBlind(body.counted));
    renderBoard({ openShifts: jest.fn(async () => ({ shifts: openShifts() })), closeShift });
    fireEvent.click(await screen.findByTestId(`board-close-${VERA_SHIFT}`));
    fillAndSubmit();
    expect(await screen.findByTestId('blind-close-failure')).toHaveTextContent('У смены 2 открытых чека: её нельзя закрыть, пока они не оплачены или не переданы другому.');
    expect(screen.getByRole('dialog')).not.toHaveTextContent('Ожидалось');

    fireEvent.click(screen.getByTestId('blind-close-submit'));
    expect(await screen.findByTestId('blind-close-result')).toBeInTheDocument();
    expect(closeShift.mock.calls[1][1].clientRequestId).not.toBe(closeShift.mock.calls[0][1].clientRequestId);
  });

  it('says the shift was already closed and refreshes the board', async () => {
    const list = jest.fn(async () => ({ shifts: openShifts() }));
    const closeShift = jest.fn(async () => {
      throw new ApiError(409, { type: 'about:blank', title: 'Closed', status: 409, code: 'shift.closed' });
    });
    renderBoard({ openShifts: list, closeShift }, { language: 'en' });
    fireEvent.click(await screen.findByTestId(`board-close-${VERA_SHIFT}`));
    const before = list.mock.calls.length;
    fillAndSubmit();
    expect(await screen.findByTestId('blind-close-failure')).toHaveTextContent('This shift has already been closed — the list is updated.');
    await waitFor(() => expect(list.mock.calls.length).toBeGreaterThan(before));
  });

  it('keeps the request id when the answer was lost, so the retry closes once', async () => {
    const closeShift = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: 'network' }))
      .mockImplementationOnce(async (_id: string, body: { counted: { cash: number; card: number } }) => closedBlind(body.counted));
    renderBoard({ openShifts: jest.fn(async () => ({ shifts: openShifts() })), closeShift });
    fireEvent.click(await screen.findByTestId(`board-close-${VERA_SHIFT}`));
    fillAndSubmit();
    expect(await screen.findByTestId('blind-close-failure')).toHaveTextContent('Нет связи с сервером');
    fireEvent.click(screen.getByTestId('blind-close-submit'));
    expect(await screen.findByTestId('blind-close-result')).toBeInTheDocument();
    expect(closeShift.mock.calls[1][1].clientRequestId).toBe(closeShift.mock.calls[0][1].clientRequestId);
  });

  it('shows a refusal of the reason at its field', async () => {
    const closeShift = jest.fn(async () => {
      throw new ApiError(400, { type: 'about:blank', title: 'Invalid', status: 400, code: 'validation', errors: [{ path: 'body.reason', message: 'A reason is required' }] });
    });
    renderBoard({ openShifts: jest.fn(async () => ({ shifts: openShifts() })), closeShift });
    fireEvent.click(await screen.findByTestId(`board-close-${VERA_SHIFT}`));
    fillAndSubmit();
    expect(await screen.findByText('A reason is required')).toBeInTheDocument();
    expect(screen.getByTestId('blind-close-failure')).toHaveTextContent('Исправьте отмеченные поля');
  });
});
