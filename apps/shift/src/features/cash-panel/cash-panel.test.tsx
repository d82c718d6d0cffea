import type { CashMovement, RecordCashMovementInput } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider, queryKeys } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aMovement, aShift, SHIFT_ID, testHost } from '../../testing/fixtures';
import { CashPanel } from './cash-panel';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderPanel(host: HostApi, shift = aShift()) {
  return render(
    <HostProvider host={host}>
      <CashPanel host={host} context={{ shift }} />
    </HostProvider>,
  );
}

const recorded = (input: RecordCashMovementInput): CashMovement => aMovement({ kind: input.kind, amount: input.amount, reason: input.reason });

describe('CashPanel', () => {
  it('lists the shift’s movements with their totals', async () => {
    const cashMovements = jest.fn(async () => [aMovement({ kind: 'paid_in', amount: 200_000, reason: 'Размен' }), aMovement({ amount: 50_000, reason: 'Хлеб' })]);
    renderPanel(testHost({ api: { cashMovements } }), aShift({ cashMovements: { paidIn: 200_000, paidOut: 50_000 } }));
    const rows = await screen.findAllByTestId('shift-cash-row');
    expect(cashMovements).toHaveBeenCalledWith(SHIFT_ID);
    expect(rows.map((r) => plain(r.textContent))).toEqual(['14:05Внесение+2 000,00 ₽РазменВера (касса)', '14:05Изъятие−500,00 ₽ХлебВера (касса)']);
    expect(plain(screen.getByTestId('shift-cash-totals').textContent)).toBe('Внесено: 2 000,00 ₽Изъято: 500,00 ₽');
  });

  it('records a paid-out with one request id, then refetches the list and the shell’s current shift', async () => {
    const recordCashMovement = jest.fn(async (_id: string, input: RecordCashMovementInput) => recorded(input));
    const notify = jest.fn();
    const host = testHost({ api: { cashMovements: async () => [], recordCashMovement }, notify });
    const invalidate = jest.spyOn(host.queryClient, 'invalidateQueries');
    renderPanel(host);
    expect(await screen.findByTestId('shift-cash-empty')).toHaveTextContent('В этой смене денег не вносили и не изымали');
    fireEvent.click(screen.getByTestId('shift-cash-paid-out'));
    const dialog = screen.getByRole('dialog', { name: 'Изъятие из кассы' });
    fireEvent.change(within(dialog).getByTestId('shift-cash-amount'), { target: { value: '500' } });
    fireEvent.change(within(dialog).getByTestId('shift-cash-reason'), { target: { value: ' Поставщик хлеба ' } });
    fireEvent.click(screen.getByTestId('shift-cash-confirm'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(recordCashMovement).toHaveBeenCalledWith(SHIFT_ID, { kind: 'paid_out', amount: 50_000, reason: 'Поставщик хлеба', clientRequestId: expect.any(String) });
    expect(notify).toHaveBeenCalledWith('success', expect.stringContaining('Изъято 500,00'));
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.currentShift });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.cashMovements(SHIFT_ID) });
  });

  it('keeps the dialog’s request id across a retry and shows refusals at their fields', async () => {
    const recordCashMovement = jest
      .fn<Promise<CashMovement>, [string, RecordCashMovementInput]>()
      .mockRejectedValueOnce(new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation', errors: [{ path: 'body.reason', message: 'Too short' }] }))
      .mockImplementationOnce(async (_id, input) => recorded(input));
    renderPanel(testHost({ api: { cashMovements: async () => [], recordCashMovement }, language: 'en' }));
    fireEvent.click(await screen.findByTestId('shift-cash-paid-in'));
    expect(screen.getByRole('dialog', { name: 'Cash paid in' })).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('shift-cash-amount'), { target: { value: '1000' } });
    fireEvent.click(screen.getByTestId('shift-cash-confirm'));
    expect(await screen.findByTestId('shift-cash-failure')).toHaveTextContent('Fix the marked fields');
    expect(screen.getByText('Too short')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('shift-cash-reason'), { target: { value: 'Change from the bank' } });
    fireEvent.click(screen.getByTestId('shift-cash-confirm'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [first, second] = recordCashMovement.mock.calls.map((c) => c[1].clientRequestId);
    expect(first).toBeTruthy();
    expect(second).toBe(first);
  });

  it('says how much the drawer holds when a paid-out is too large', async () => {
    const recordCashMovement = jest.fn(async () => {
      throw new ApiError(409, { type: 'about:blank', title: 'Cash short', status: 409, code: 'shift.cash_short', available: 250_000 });
    });
    renderPanel(testHost({ api: { cashMovements: async () => [], recordCashMovement } }));
    fireEvent.click(await screen.findByTestId('shift-cash-paid-out'));
    fireEvent.change(screen.getByTestId('shift-cash-amount'), { target: { value: '99999' } });
    fireEvent.change(screen.getByTestId('shift-cash-reason'), { target: { value: 'Инкассация' } });
    fireEvent.click(screen.getByTestId('shift-cash-confirm'));
    expect(plain((await screen.findByTestId('shift-cash-failure')).textContent)).toBe('В кассе столько нет: можно изъять не больше 2 500,00 ₽');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('turns the buttons off offline with “needs network”, and back on when the network returns', async () => {
    const host = testHost({ api: { cashMovements: async () => [] }, connectivity: () => ({ state: 'offline', pending: 0 }), language: 'en' });
    renderPanel(host);
    expect(screen.getByTestId('shift-cash-paid-in')).toBeDisabled();
    expect(screen.getByTestId('shift-cash-paid-out')).toBeDisabled();
    expect(screen.getByTestId('shift-cash-offline')).toHaveTextContent('needs network');
    act(() => host.bus.emit('connectivity.changed', { state: 'online', pending: 0 }));
    expect(screen.getByTestId('shift-cash-paid-out')).toBeEnabled();
    expect(screen.queryByTestId('shift-cash-offline')).not.toBeInTheDocument();
  });

  it('shows no buttons without shifts.cash, and nothing without shifts.view either', async () => {
    const { unmount } = renderPanel(testHost({ api: { cashMovements: async () => [] }, permissions: ['shifts.view'] }));
    expect(await screen.findByTestId('shift-cash-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('shift-cash-paid-in')).not.toBeInTheDocument();
    unmount();
    renderPanel(testHost({ permissions: ['orders.view'] }));
    expect(screen.queryByTestId('shift-cash-panel')).not.toBeInTheDocument();
  });
});
