import { ApiError } from '@pos/api-client';
import { APPROVABLE_PERMISSIONS, type Approval } from '@pos/contracts';
import { aSession, aStaff } from '@pos/contracts/testing';
import { createI18n } from '@pos/i18n';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { BehaviorSubject } from 'rxjs';
import { ServicesContext } from '../../core/services-context';
import type { ShellServices } from '../../core/services';
import { addShellTexts } from '../../i18n';
import { ApprovalHost } from './approval-host';
import { ApprovalRequests } from '../../core/approval-requests';

const approval: Approval = { id: '0190a000-0000-7000-8000-0000000000a1', token: 'A'.repeat(43), permission: 'orders.void', approver: { id: '0190a000-0000-7000-8000-0000000000b1', name: 'Сергей' }, expiresAt: '2026-01-01T12:02:00Z' };

function renderHost(requestApproval: jest.Mock, options: { offline?: boolean } = {}) {
  const i18n = createI18n('ru');
  addShellTexts(i18n);
  const approvals = new ApprovalRequests();
  const services = {
    api: { requestApproval },
    approvals,
    connectivity$: new BehaviorSubject({ state: options.offline ? 'offline' : 'online', pending: 0 }),
    session$: new BehaviorSubject(aSession({ staff: aStaff({ id: 'w1', name: 'Анна', role: 'waiter' }) })),
  } as unknown as ShellServices;
  render(
    <ServicesContext.Provider value={services}>
      <I18nextProvider i18n={i18n}>
        <ApprovalHost />
      </I18nextProvider>
    </ServicesContext.Provider>,
  );
  let answer!: Promise<Approval | null>;
  act(() => {
    answer = approvals.request('orders.void');
  });
  return { answer, approvals };
}

const typePin = async (pin: string) => {
  for (const digit of pin) fireEvent.click(screen.getByRole('button', { name: digit }));
  await act(async () => fireEvent.click(screen.getByTestId('pin-submit')));
};

describe('the approval dialog', () => {
  it("asks for a supervisor's PIN for the named action and answers the approval", async () => {
    const requestApproval = jest.fn().mockResolvedValue(approval);
    const { answer } = renderHost(requestApproval);
    expect(screen.getByRole('dialog', { name: 'Подтверждение старшего' })).toHaveTextContent('Отмена блюда, которое уже готовит кухня');
    expect(screen.getByTestId('approval-requester')).toHaveTextContent('Просит: Анна');
    await typePin('333333');
    expect(requestApproval).toHaveBeenCalledWith({ permission: 'orders.void', pin: '333333' });
    await expect(answer).resolves.toEqual(approval);
    expect(screen.queryByTestId('approval-dialog')).not.toBeInTheDocument();
  });

  it('says a wrong PIN with the tries left, and clears the pad for another try', async () => {
    const wrong = new ApiError(403, { type: 'about:blank', title: 'Wrong PIN', status: 403, code: 'approval.wrong_pin', attemptsLeft: 3 });
    const requestApproval = jest.fn().mockRejectedValueOnce(wrong).mockResolvedValueOnce(approval);
    const { answer } = renderHost(requestApproval);
    await typePin('000000');
    expect(screen.getByTestId('approval-error')).toHaveTextContent('Неверный PIN-код старшего. Осталось попыток: 3');
    expect(screen.getByTestId('pin-submit')).toBeDisabled();
    await typePin('333333');
    expect(requestApproval).toHaveBeenLastCalledWith({ permission: 'orders.void', pin: '333333' });
    await expect(answer).resolves.toEqual(approval);
  });

  it("says in staff's words why someone else's PIN does not approve", async () => {
    const notPermitted = new ApiError(403, { type: 'about:blank', title: 'No', status: 403, code: 'approval.not_permitted' });
    renderHost(jest.fn().mockRejectedValue(notPermitted));
    await typePin('1112');
    expect(screen.getByTestId('approval-error')).toHaveTextContent('Нужен PIN старшего смены');
  });

  it('closes on Escape and on Cancel, answering null', async () => {
    const first = renderHost(jest.fn());
    fireEvent.keyDown(document, { key: 'Escape' });
    await expect(first.answer).resolves.toBeNull();
    expect(screen.queryByTestId('approval-dialog')).not.toBeInTheDocument();

    let second!: Promise<Approval | null>;
    act(() => {
      second = first.approvals.request('orders.void');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Отмена' }));
    await expect(second).resolves.toBeNull();
  });

  it('offline, says the approval needs the server instead of taking a PIN', () => {
    const requestApproval = jest.fn();
    renderHost(requestApproval, { offline: true });
    expect(screen.getByTestId('approval-offline')).toHaveTextContent('Нет связи с сервером');
    expect(screen.queryByTestId('pin-submit')).not.toBeInTheDocument();
    expect(requestApproval).not.toHaveBeenCalled();
  });

  it('has a text for every permission a supervisor may lend', () => {
    const i18n = createI18n('en');
    addShellTexts(i18n);
    for (const language of ['ru', 'en']) {
      void i18n.changeLanguage(language);
      for (const p of APPROVABLE_PERMISSIONS) expect(i18n.t(`approval:what.${p}`)).not.toContain('what.');
    }
  });
});
